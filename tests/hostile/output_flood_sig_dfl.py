"""Hostile 01_process: like output_flood, but first restores the default action of SIGXFSZ
(Python ignores it at start-up), so reaching the file-size limit kills the writing process.
Expected: crashed, "the output limit of 16384 KB was reached", the report's output capped."""
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
