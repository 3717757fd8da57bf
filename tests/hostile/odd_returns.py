"""Hostile 01_process: return values that cannot be pickled or shown.
greet prints the wrong text and returns a generator; run_greeting returns a lambda without
starting a process; start_in_background returns an object whose __repr__ raises.
Expected: failed / no_process, never a grader crash."""


class Unshowable:
    def __repr__(self):
        raise RuntimeError("no repr for you")

    def __reduce__(self):
        raise TypeError("cannot pickle me")


def greet(name):
    print("goodbye", name)
    return (c for c in name)


def run_greeting(name):
    return lambda: 0


def start_in_background(target, *args):
    return Unshowable()
