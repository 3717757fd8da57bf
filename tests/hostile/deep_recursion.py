"""Hostile 01_process: unbounded recursion with the recursion limit raised to 10**6.
greet recurses in Python (RecursionError or MemoryError); run_greeting recurses through C
(map), which overflows the C stack: SIGSEGV. Expected: crashed, clear verdicts."""
import sys


def deep(n):
    return deep(n + 1)


def deep_c(n):
    return list(map(deep_c, [n + 1]))


def greet(name):
    sys.setrecursionlimit(10 ** 6)
    deep(0)


def run_greeting(name):
    sys.setrecursionlimit(10 ** 6)
    deep_c(0)


def start_in_background(target, *args):
    raise NotImplementedError
