"""Hostile 01_process: greet allocates 100 MB chunks, up to 4 GB, and keeps them. The test grades
it with memory_mb = 256, so the limit is met within a few chunks, long before the timeout.
Expected: RLIMIT_AS (memory_mb) makes the allocation fail: crashed with MemoryError; where there
is no RLIMIT_AS (Windows), the tree's cap (2 x memory_mb) stops it."""
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
