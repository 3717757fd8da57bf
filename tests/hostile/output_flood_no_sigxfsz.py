"""Hostile 01_process: like output_flood, but SIGXFSZ is ignored first, so the writes past the
limit fail with EFBIG instead of killing the process, and the loop would go on.
Expected: the output is still capped; greet raises OSError (File too large): crashed."""
import signal


def greet(name):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    line = "x" * (1024 * 1024)
    for _ in range(300):
        print(line)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
