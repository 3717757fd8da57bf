"""Hostile 01_process: looks, at import, for what a runner forked from a warm process could
inherit from the trusted side that an exec'd runner does not: the supervisor's modules (or any
grader module but the runner's, psutil), a __main__ with a file, descriptors other than stdio
and the scenario's own files (the zygote's pipes to the grader, the uid lock), another
sitecustomize than the grader's, a /proc/self/environ without the scenario's marker (the sweep
looks for it), a hash seed other than the exec'd runner's (PYTHONHASHSEED=0), sys.path entries
other than an exec'd runner's, signal handlers, atexit handlers beyond multiprocessing's,
another thread, a non-dumpable process, capabilities held by a user other than root; and for a
module of the hooks the runner lost (imported again, it would keep state of its own). It notes
what it found, how the runner started and multiprocessing's authentication key in
<pid dir>/warm-<pid>.json (the test checks that no two scenarios share a key). The functions are correct.
Expected: every scenario passed, no note names a leak."""
import atexit
import json
import os
import signal
import subprocess
import sys
import threading
import multiprocessing
from multiprocessing import Process

PID_DIR = "@HOSTILE_PID_DIR@"
TRUSTED = ("grader.engine.supervisor", "grader.engine.isolation", "grader.engine.mounts",
           "grader.engine.system", "grader.engine.workers", "grader.engine.warm", "grader.grading",
           "grader.cli", "psutil")


def leaks():
    found = ["module %s" % m for m in TRUSTED if m in sys.modules]
    hooks = sys.modules["grader.engine.hooks"]  # each of its modules once: a second copy has state of its own
    found += ["hooks module %s lost" % name for name in ("record", "where", "locks", "process", "traffic",
                                                         "shared_memory", "sync", "tracer")
              if sys.modules.get("grader.engine.hooks." + name) is not getattr(hooks, name)]
    main = sys.modules["__main__"]
    if getattr(main, "__file__", None) or getattr(main, "__spec__", None):
        found.append("__main__ is %r" % getattr(main, "__file__", main.__spec__))
    scenario = os.path.dirname(os.environ["MPKIT_EVENTS_DIR"])
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink("/proc/self/fd/" + name)
        except OSError:  # the listing's own descriptor, closed by now
            continue
        if int(name) > 2 and not target.startswith(scenario + os.sep) and not target.startswith("/proc/"):
            found.append("fd %s -> %s" % (name, target))
    seed0 = subprocess.run([sys.executable, "-c", "print(hash('mpkit'))"], env=dict(os.environ, PYTHONHASHSEED="0"),
                           stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    if str(hash("mpkit")) != seed0 or sys.flags.hash_randomization:
        found.append("hash seed is not the exec'd runner's")
    expected = [""] + [p for p in os.environ["PYTHONPATH"].split(os.pathsep) if p]
    if sys.path[:len(expected)] != expected or os.getcwd() in sys.path[len(expected):]:
        found.append("sys.path %r" % sys.path)
    for number in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP, signal.SIGUSR2):
        if signal.getsignal(number) is not signal.SIG_DFL:
            found.append("handler for signal %d" % number)
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        found.append("SIGINT handler")
    if atexit._ncallbacks() > 1:
        found.append("%d atexit handlers" % atexit._ncallbacks())
    if threading.active_count() != 1:
        found.append("threads %s" % threading.enumerate())
    site = getattr(sys.modules.get("sitecustomize"), "__file__", "")
    if not site.endswith(os.path.join("grader", "engine", "_site", "sitecustomize.py")):
        found.append("sitecustomize is %r" % site)
    with open("/proc/self/environ", "rb") as f:
        if ("MPKIT_EVENTS_DIR=%s\0" % os.environ["MPKIT_EVENTS_DIR"]).encode() not in f.read():
            found.append("/proc/self/environ lacks the scenario's marker")
    with open("/proc/self/status") as f:
        status = f.read()
    if "\nUid:\t0\t" not in status and not os.access("/proc/self/environ", os.R_OK):
        found.append("not dumpable")
    if os.geteuid() != 0 and "\nCapEff:\t0000000000000000" not in status:
        found.append("capabilities held by a user other than root")
    return found


runner = sys.modules.get("grader.engine.runner")
note = {"pid": os.getpid(), "started": getattr(runner, "STARTED", None), "leaks": leaks(),
        "authkey": bytes(multiprocessing.current_process().authkey).hex()}
with open(os.path.join(PID_DIR, "warm-%d.json" % os.getpid()), "w") as f:
    json.dump(note, f)


def greet(name):
    print("hello", name)


def _started(target, args):
    child = Process(target=target, args=args)
    child.start()
    return child


def run_greeting(name):
    child = _started(greet, (name,))
    child.join()
    return child.exitcode


def start_in_background(target, *args):
    return _started(target, args)
