"""First-run set-up: the wizard shown on a PC with no settings and no database yet."""
