"""Hostile 01_process: greet deletes everything in its working folder, removes the folder
itself, deletes its own module file and everything next to it, and prints nothing.
Expected: failed (nothing printed); the submission folder the grader was given is untouched
(the grader copies the submission per scenario)."""
import os
import shutil


def greet(name):
    here = os.getcwd()
    for entry in os.listdir(here):
        path = os.path.join(here, entry)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        except OSError:
            pass
    shutil.rmtree(here, ignore_errors=True)
    folder = os.path.dirname(os.path.abspath(__file__))
    for entry in os.listdir(folder):
        try:
            os.remove(os.path.join(folder, entry))
        except OSError:
            pass
    try:
        os.remove(os.path.abspath(__file__))
    except OSError:
        pass


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
