"""Hostile 01_process: greet starts 8 processes that each fill their own address space (the
per-process RLIMIT_AS, memory_mb) in 32 MB chunks and hold it: together several times the tree's
share. The test grades it with a low memory_mb, so the tree reaches its cap within a few chunks.
Expected: the supervisor's tree cap (2 x memory_mb of resident memory) stops the scenario."""
import time
from multiprocessing import Process

hoard = []


def hog():
    try:
        while True:  # until this process's own limit (RLIMIT_AS)
            hoard.append(bytearray(32 * 1024 * 1024))
    except MemoryError:
        pass
    time.sleep(30)


def greet(name):
    processes = [Process(target=hog) for _ in range(8)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
