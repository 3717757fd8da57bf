"""Hostile 01_process: greet prints 300 lines of 1 MB (300 MB).
Expected: the supervisor drains the output pipe as it comes and keeps the first 64 KiB, so the
flood costs only its time: greet_prints failed (the wrong text), the report's output capped and
saying how much more was printed."""

def greet(name):
    line = "x" * (1024 * 1024)
    for _ in range(300):
        print(line)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
