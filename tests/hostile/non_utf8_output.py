"""Hostile 01_process: greet writes bytes that are not UTF-8 (and NUL, escape sequences) to
stdout and stderr, through the binary buffers. Expected: failed (wrong output) and the JSON
report valid."""
import sys


def greet(name):
    junk = b"\xff\xfe\x80\x81 not utf-8 \xc3\x28 \x00 \x1b[2J\x1b[31m red \xed\xa0\x80\n"
    sys.stdout.buffer.write(junk * 4)
    sys.stdout.buffer.flush()
    sys.stderr.buffer.write(junk)
    sys.stderr.buffer.flush()


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
