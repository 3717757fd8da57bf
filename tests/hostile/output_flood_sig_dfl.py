"""Hostile 01_process: like output_flood, but first restores the default action of SIGXFSZ
(Python ignores it at start-up), which would kill a process that reached the file-size limit.
Output goes to a pipe, not a file, so no limit is reached: greet_prints failed (the wrong
text), the report's output capped."""
import signal


def greet(name):
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    line = "x" * (1024 * 1024)
    for _ in range(300):
        print(line)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
