"""Hostile 01_process: an untimed blocking read at import (SIGALRM after 60 s for safety).
Expected: the early deadlock detection (or the timeout) stops it: error, import never finished."""
import os
import signal

signal.alarm(60)
_r, _w = os.pipe()
os.read(_r, 1)


def greet(name):
    print("hello", name)
