"""Hostile 01_process: greet freezes its parent, the grader's supervisor, with SIGSTOP.
Expected: the grader's backstop (the scenario timeout + 30 s) gives up on that supervisor,
kills it and sweeps its processes: timeout with the backstop message; the rest unaffected."""
import os
import signal


def greet(name):
    os.kill(os.getppid(), signal.SIGSTOP)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
