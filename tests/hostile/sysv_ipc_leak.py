"""Hostile 01_process: greet makes System V IPC objects and a POSIX message queue that nothing
removes when the scenario ends: a shared memory segment and a message queue under the key
"@HOSTILE_IPC_KEY@", and the message queue "/@HOSTILE_MQUEUE@". They would outlive the
scenario, hold memory, and be there for other scenarios to read. Expected: in an IPC namespace
of the scenario's own they die with it (the test looks for that key and that name in the
machine's own IPC namespace afterwards). Graded as is (the placeholders left), it makes
objects under a key and a name no test looks for; they die the same way."""
import ctypes
import json
import os

KEY = "@HOSTILE_IPC_KEY@"
MQUEUE = "@HOSTILE_MQUEUE@"
IPC_CREAT = 0o1000


def greet(name):
    libc = ctypes.CDLL(None, use_errno=True)
    key = int(KEY) if KEY.isdigit() else 0x6D706B00 + os.getpid() % 256
    made = {"shm": libc.shmget(key, 65536, IPC_CREAT | 0o666),
            "msg": libc.msgget(key, IPC_CREAT | 0o666)}
    try:
        mq_open = libc.mq_open
    except AttributeError:  # glibc before 2.34 keeps it in librt
        mq_open = ctypes.CDLL("librt.so.1", use_errno=True).mq_open
    queue = ("/" + MQUEUE if not MQUEUE.startswith("@") else "/mpkit-hostile-%d" % os.getpid()).encode()
    made["mqueue"] = mq_open(queue, os.O_CREAT | os.O_RDWR, 0o666, None)
    print(json.dumps(made))


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
