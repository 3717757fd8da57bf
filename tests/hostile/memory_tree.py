"""Hostile 01_process: greet starts 4 processes that each allocate up to 900 MB (below the
per-process RLIMIT_AS of 1 GB) and hold it, 3.6 GB in all at most.
Expected: the supervisor's tree cap (2 x memory_mb of resident memory) stops the scenario."""
import time
from multiprocessing import Process

hoard = []


def hog():
    try:
        for _ in range(18):  # 18 x 50 MB = 900 MB at most per process
            hoard.append(bytearray(50 * 1024 * 1024))
    except MemoryError:
        pass
    time.sleep(30)


def greet(name):
    processes = [Process(target=hog) for _ in range(4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
