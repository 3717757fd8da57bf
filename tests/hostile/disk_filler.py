"""Hostile 01_process: greet ignores SIGXFSZ and writes ten files of up to 20 MB each in its
working folder (each stops at the 16 MB file-size limit: 160 MB in all), and prints nothing.
Expected: failed, and the scenario's folder (with the files) removed by the grader."""
import signal


def greet(name):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    block = b"\0" * (1024 * 1024)
    for index in range(10):
        with open("filler-%d.bin" % index, "wb", buffering=0) as f:
            try:
                for _ in range(20):
                    f.write(block)
            except OSError:
                pass


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
