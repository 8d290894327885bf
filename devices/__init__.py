"""Device drivers: plain Python (pyserial, OpenCV, pyzbar), no Qt, no app.

Each family is a folder with its protocol, its transport(s), its simulator and a
`cli.py` for `python -m devices`. Every driver does all its I/O on one thread of
its own and reports through a callback; it never lets an exception escape that thread.
"""
