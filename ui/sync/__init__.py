"""The provincial sync screen and the sentences of `venue-ops sync …`."""
