"""Hostile 01_process: start_in_background returns an object whose __repr__ spins for 20 s
(bounded), which the grader's driver calls to describe the value.
Expected: the scenario timeout stops it (timeout), the grader unaffected."""
import time


class Slow:
    def __repr__(self):
        end = time.monotonic() + 20
        while time.monotonic() < end:
            pass
        return "Slow()"


def greet(name):
    raise NotImplementedError


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    return Slow()
