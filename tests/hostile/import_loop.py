"""Hostile 01_process: a busy loop at import (bounded at 60 s for safety).
Expected: the scenario timeout stops it: error, "Importing hello_process.py never finished"."""
import time

_end = time.monotonic() + 60
while time.monotonic() < _end:
    pass


def greet(name):
    print("hello", name)
