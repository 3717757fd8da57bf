"""What recording the timeline costs. Prints figures; asserts nothing (a benchmark, not a test).

    python bench/timeline.py                 # 3 rounds, every start method
    python bench/timeline.py --rounds 5 --start-method fork

Measured:
* the timeline's own events one by one, in an instrumented interpreter, against the same
  operations with MPKIT_TIMELINE=0 (which leaves locks, queues and pipes unwatched): a lock
  acquired and released, an item put on a queue and got back, an object sent on a pipe and
  received;
* the seed suite over solutions/ graded -j 1 with the timeline recorded and without, rounds
  alternating so a change of load hits both alike (wall time, and whether every verdict is the
  same);
* the timeline's events a solution's scenarios record.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from grader import grading  # noqa: E402
from grader.course import manifest  # noqa: E402
from grader.engine import system  # noqa: E402
from grader.engine.hooks import TIMELINE_KINDS  # noqa: E402

OPS = 600  # under the per-process budget of timeline events, so every one is written

MICRO = r"""
import multiprocessing, sys, time
lock, q = multiprocessing.Lock(), multiprocessing.Queue()
r, w = multiprocessing.Pipe(duplex=False)
def clock(step):
    began = time.perf_counter()
    for i in range(%(ops)d):
        step(i)
    return (time.perf_counter() - began) / %(ops)d * 1e6
def locked(i):
    lock.acquire(); lock.release()
def queued(i):
    q.put(i); q.get()
def piped(i):
    w.send(i); r.recv()
print(clock(locked), clock(queued), clock(piped))
"""


def micro(timeline):
    """Microseconds per operation (lock, queue, pipe) in an instrumented interpreter."""
    with tempfile.TemporaryDirectory() as events:
        env = dict(os.environ, MPKIT_EVENTS_DIR=events, MPKIT_TIMELINE="1" if timeline else "0",
                   MPKIT_STUDENT_DIR=events,
                   PYTHONPATH=os.pathsep.join([os.path.join(ROOT, "grader", "engine", "_site"), ROOT]))
        out = subprocess.run([sys.executable, "-c", MICRO % {"ops": OPS}], env=env, check=True,
                             capture_output=True, text=True).stdout
    return [float(x) for x in out.split()]


def suite(exercises, method, timeline):
    """(seconds, verdicts) of the solutions graded -j 1."""
    os.environ["MPKIT_TIMELINE"] = "1" if timeline else "0"
    try:
        began = time.perf_counter()
        verdicts = grading.run_jobs(grading.plan(os.path.join(ROOT, "solutions"), exercises, [method]), 1)
        seconds = time.perf_counter() - began
    finally:
        grading.close_zygotes()  # the next round's supervisors read the switch afresh
        os.environ.pop("MPKIT_TIMELINE", None)
    return seconds, [(v.exercise, v.name, v.status) for v in verdicts]


def notes_per_scenario(exercises, method):
    """Timeline events a solution's scenarios record (median, max), from one supervised run each."""
    from grader.engine.workers import supervise

    counts = []
    for job in grading.plan(os.path.join(ROOT, "solutions"), exercises, [method]):
        workdir = tempfile.mkdtemp(prefix="mpkit-bench-")
        try:
            module_dir = grading._copy_submission(job, workdir)
            report = supervise(grading.supervisor_job(job, workdir, module_dir, 30), 60)
            counts.append(len([e for e in (report or {}).get("timeline", [])
                               if e.get("kind") in TIMELINE_KINDS]))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return statistics.median(counts), max(counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--start-method", default="all")
    args = parser.parse_args()
    methods = system.start_methods() if args.start_method == "all" else [args.start_method]
    exercises = manifest.load()
    print("machine: %d cores, Python %s, load average %s" % (
        os.cpu_count() or 1, sys.version.split()[0],
        " ".join("%.2f" % x for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"))
    on, off = micro(True), micro(False)
    print("\none operation in an instrumented process (microseconds, %d of each):" % OPS)
    for name, a, b in zip(("lock acquire+release", "queue put+get", "pipe send+recv"), on, off):
        print("  %-22s recorded %7.1f   not recorded %7.1f   (%+.1f)" % (name, a, b, a - b))
    for method in methods:
        times = {True: [], False: []}
        same = True
        for _ in range(args.rounds):
            seconds_on, verdicts_on = suite(exercises, method, True)
            seconds_off, verdicts_off = suite(exercises, method, False)
            times[True].append(seconds_on)
            times[False].append(seconds_off)
            same = same and verdicts_on == verdicts_off
        median_on, median_off = statistics.median(times[True]), statistics.median(times[False])
        notes = notes_per_scenario(exercises, method)
        print("\n%s: the solutions' %d scenarios, -j 1, median of %d rounds:" % (
            method, len(grading.plan(os.path.join(ROOT, "solutions"), exercises, [method])), args.rounds))
        print("  timeline recorded %.2f s, not recorded %.2f s (%+.1f%%); verdicts %s" % (
            median_on, median_off, 100.0 * (median_on - median_off) / median_off,
            "the same" if same else "DIFFERENT"))
        print("  timeline events per scenario: median %g, max %d" % notes)


if __name__ == "__main__":
    main()
