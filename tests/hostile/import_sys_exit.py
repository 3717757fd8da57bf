"""Hostile 01_process: sys.exit(3) at import. Expected: error naming sys.exit(3)."""
import sys

sys.exit(3)


def greet(name):
    print("hello", name)
