"""Hostile 01_process: greet allocates 100 MB chunks, up to 4 GB, and keeps them.
Expected: RLIMIT_AS (memory_mb = 1024) makes the allocation fail: crashed with MemoryError."""
import time

hoard = []


def greet(name):
    for _ in range(40):  # 40 x 100 MB = 4 GB at most
        hoard.append(bytearray(100 * 1024 * 1024))
    time.sleep(30)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
