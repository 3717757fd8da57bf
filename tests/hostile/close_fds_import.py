"""Hostile 01_process: closes every descriptor from 3 up at import (the grader's result
channel and event log among them), then opens files that may reuse those numbers.
Expected: a clear non-passed verdict (the grader gets no result), never a grader crash."""
import os

os.closerange(3, 1024)
_decoys = [os.open(os.devnull, os.O_WRONLY) for _ in range(8)]


def greet(name):
    print("hello", name)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
