"""Qt glue for the device drivers: the keyboard-wedge key filter and the bridge that carries
driver callbacks onto the GUI thread. The drivers themselves (`devices/`) know nothing of Qt."""
