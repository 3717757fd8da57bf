"""The grader imports and starts up where Windows' Python lacks what Linux has.

A fresh interpreter takes away what Windows' standard library does not have (the resource,
fcntl, termios, pwd and grp modules; os.fork, os.setsid, os.killpg, os.register_at_fork,
os.pidfd_open, os.WNOHANG; SIGKILL, SIGUSR1, SIGXFSZ and the other POSIX signals), says it is
win32 (sys.platform, os.name) and then imports every module of the grader, installs the
hooks every scenario process gets, and asks the platform module what it has. A top-level use
of any of those would fail here the way it would on Windows. The code paths that run a
scenario are proved by MPKIT_PLATFORM=windows (tests/test_verify.py, tests/test_hostile.py).
"""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

WINDOWS_LIKE = r"""
import json, os, signal, sys, tempfile
# what the grader's modules import from the standard library, loaded while this is still Linux
import argparse, atexit, dataclasses, faulthandler, hashlib, importlib, multiprocessing, platform
import re, shutil, subprocess, threading, time, traceback, weakref, concurrent.futures
import multiprocessing.spawn, multiprocessing.resource_tracker, pathlib, psutil, pytest
events, dumps = tempfile.mkdtemp(), tempfile.mkdtemp()  # while tempfile still knows where

for name in ("resource", "fcntl", "termios", "pwd", "grp"):
    sys.modules[name] = None  # "import resource" now raises ImportError, as on Windows
for name in ("fork", "forkpty", "setsid", "killpg", "getpgid", "register_at_fork", "pidfd_open",
             "WNOHANG", "getloadavg", "sched_getaffinity"):
    if hasattr(os, name):
        delattr(os, name)
for name in ("SIGKILL", "SIGUSR1", "SIGUSR2", "SIGXFSZ", "SIGSTOP", "SIGCONT", "SIGHUP", "SIGQUIT",
             "SIGALRM", "SIGCHLD", "SIGPIPE"):
    if hasattr(signal, name):
        delattr(signal, name)
subprocess.CREATE_NEW_PROCESS_GROUP, subprocess.CREATE_NO_WINDOW = 0x200, 0x8000000
sys.platform, os.name = "win32", "nt"

os.environ.update(MPKIT_EVENTS_DIR=events, MPKIT_DUMPS_DIR=dumps)
import grader
from grader import cli, grading, messages, plugin
from grader.course import corpus, manifest, stubs, verify
from grader.engine import drivers, hooks as _hooks, runner, stacks, supervisor, system, values, workers
from grader.judging import judge, probes, scenario, verdict
from grader.reports import results, text
for exercise in manifest.load():
    exercise.scenarios()  # imports each exercise's checks
_hooks.install()
_hooks.emit("probe", probe="windows_like")
print(json.dumps({
    "flags": {"LINUX": system.LINUX, "POSIX": system.POSIX, "HAS_DUMPS": system.HAS_DUMPS,
              "HAS_FORK": system.HAS_FORK},
    "capabilities": system.capabilities(),
    "notes": system.hardening_notes(),
    "isolated": sorted(system.isolated()),
    "limits": supervisor.limit_resources({}, None),
    "events": os.listdir(events),
    "dumps": os.listdir(dumps),
}), file=sys.__stdout__)
shutil.rmtree(events), shutil.rmtree(dumps)
"""


@pytest.fixture(scope="module")
def windows_like():
    done = subprocess.run([sys.executable, "-c", WINDOWS_LIKE], cwd=str(ROOT), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_grader_module_imports_without_what_windows_lacks(windows_like):
    assert windows_like["flags"] == {"LINUX": False, "POSIX": False, "HAS_DUMPS": False,
                                     "HAS_FORK": False}


def test_the_platform_module_names_every_missing_layer(windows_like):
    capabilities = windows_like["capabilities"]
    assert not any(capabilities[layer] for layer in (
        "subreaper", "rlimits", "stack_dumps", "early_deadlock_detection", "pids_cgroup",
        "memory_cgroup")), capabilities
    notes = " ".join(windows_like["notes"])
    for missing in ("subreaper", "SIGUSR1", "wait states", "pids cgroup", "memory cgroup", "setrlimit"):
        assert missing in notes, (missing, notes)


def test_scenarios_are_isolated_and_unlimited_the_windows_way(windows_like):
    assert windows_like["isolated"] == ["creationflags"]  # no start_new_session, no preexec_fn
    assert windows_like["limits"] is None


def test_the_hooks_log_events_and_register_no_stack_dumps(windows_like):
    assert len(windows_like["events"]) == 1 and windows_like["events"][0].endswith(".jsonl")
    assert windows_like["dumps"] == []
