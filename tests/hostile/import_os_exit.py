"""Hostile 01_process: os._exit(7) at import (no exception, no result written).
Expected: error, the module stopped the interpreter (exit code 7)."""
import os

os._exit(7)


def greet(name):
    print("hello", name)
