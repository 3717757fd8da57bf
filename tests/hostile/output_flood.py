"""Hostile 01_process: greet prints 300 lines of 1 MB (300 MB).
Expected: RLIMIT_FSIZE (output_kb = 16384) stops the writer (Python ignores SIGXFSZ, so its write
fails with EFBIG: OSError "File too large"): crashed, with a message
about the output limit, and the report's output capped at 64 KiB."""

def greet(name):
    line = "x" * (1024 * 1024)
    for _ in range(300):
        print(line)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
