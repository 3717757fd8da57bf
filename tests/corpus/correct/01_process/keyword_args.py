"""Correct: the plain solution written with keyword arguments everywhere."""

import multiprocessing


def greet(name):
    print(f"hello {name}")


def run_greeting(name):
    process = multiprocessing.Process(target=greet, kwargs={"name": name})
    process.start()
    process.join()
    return process.exitcode


def start_in_background(target, *args):
    process = multiprocessing.Process(target=target, args=args, daemon=False)
    process.start()
    return process
