"""The reference provincial server (`python -m sync.server`): a real HTTP server with its own
database, for development, tests and as the provincial side's worked example of protocol v1."""
