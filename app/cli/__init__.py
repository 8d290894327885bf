"""The command line (`venue-ops COMMAND`): its grammar (parser.py), who runs a sensitive command
(auth.py), and the commands that need only the core (commands.py, staff.py). The composition root
(`app/__main__.py`) parses, hands in the translated sentences (console.py) and wires the commands
that need another layer (sync, serve)."""
