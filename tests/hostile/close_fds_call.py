"""Hostile 01_process: greet closes stdout and stderr, then every descriptor from 3 up, then
prints. Expected: crashed (the print fails, the result never arrives), never a grader crash."""
import os


def greet(name):
    os.close(1)
    os.close(2)
    os.closerange(3, 1024)
    print("hello", name)


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
