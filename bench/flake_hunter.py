"""Hunt for verdicts that depend on timing: grade everything again and again on a loaded machine.

Every core is kept busy by spinning processes while, for each start method, the reference
solutions (every verdict must be `passed`) and every corpus case (each scenario listed in
tests/corpus/cases.toml must get its verdict; correct cases must pass everything) are graded
--runs times. A verdict that differs even once is a flake, or a wrong expectation.

    python bench/flake_hunter.py                     # 200 runs per start method
    python bench/flake_hunter.py --runs 2            # a quick look
    python bench/flake_hunter.py --start-method spawn --load 8 -j 4

Exit status: 0 when every verdict was the expected one, 1 when any differed, 2 on a usage
error, 130 when interrupted (Ctrl-C or SIGTERM). The busy processes stop when the script ends, however it ends.
"""
import argparse
import multiprocessing
import os
import platform
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:  # grade with the checkout's grader, as the kit's tests do
    sys.path.insert(0, ROOT)

from grader import corpus, grading, manifest, system  # noqa: E402

METHODS = ("fork", "spawn", "forkserver")
SPIN_CHECK = 200000  # busy-loop iterations between two looks at the parent (a few ms)


# ---- load: one spinning process per core, each exits as soon as its parent is gone

def spin():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    parent = multiprocessing.parent_process()
    while True:
        for _ in range(SPIN_CHECK):
            pass
        if parent is not None and not parent.is_alive():
            return


def start_load(count):
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no copy of our threads
    procs = []
    for _ in range(count):
        proc = ctx.Process(target=spin, name="flake-hunter-load", daemon=True)
        proc.start()
        procs.append(proc)
    return procs


def stop_load(procs):
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()


# ---- one run: the solutions and every corpus case, under one start method

class Difference:
    def __init__(self, case, verdict, expected):
        self.case = case
        self.scenario = verdict.name
        self.expected = expected
        self.got = verdict.status
        self.message = verdict.message.splitlines()[0] if verdict.message else ""

    def __str__(self):
        return "%s %s: expected %s, got %s: %s" % (self.case, self.scenario, self.expected,
                                                   self.got, self.message)


def grade_solutions(solutions_dir, exercise, method):
    verdicts = grading.grade(solutions_dir, [exercise], [method], jobs=1)
    label = "solutions/%s" % exercise.folder
    return len(verdicts), [Difference(label, v, "passed") for v in verdicts if not v.passed]


def grade_case(corpus_dir, case, method):
    checked, differing = 0, []
    for verdict in corpus.grade_case(corpus_dir, case, [method], jobs=1):
        expected = corpus.expected_status(case, verdict)
        if expected is None:
            continue
        checked += 1
        if verdict.status != expected:
            differing.append(Difference(case.file, verdict, expected))
    return checked, differing


def one_run(pool, tasks):
    """Grade every task once, in parallel; (verdicts checked, differences)."""
    checked, differing = 0, []
    for future in as_completed([pool.submit(task, *args) for task, *args in tasks]):
        count, found = future.result()
        checked += count
        differing += found
    return checked, differing


class MethodTally:
    def __init__(self, method):
        self.method = method
        self.runs = 0
        self.checked = 0
        self.differing = []
        self.elapsed = 0.0

    def report(self, out):
        out.write("%s: %d run(s), %d verdicts checked, %d differing (%.1f s)\n" % (
            self.method, self.runs, self.checked, len(self.differing), self.elapsed))
        seen = {}  # the same difference in many runs is listed once, with its count
        for difference in self.differing:
            key = (difference.case, difference.scenario, difference.expected, difference.got)
            seen.setdefault(key, [0, difference])[0] += 1
        for count, difference in seen.values():
            out.write("  - %s%s\n" % ("(%d of %d runs) " % (count, self.runs) if self.runs > 1 else "",
                                      difference))


def hunt(args, exercises, cases, out):
    tasks = [(grade_solutions, args.solutions, exercise) for exercise in exercises]
    tasks += [(grade_case, args.corpus, case) for case in cases]
    tallies = []
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    try:
        for method in args.methods:
            tally = MethodTally(method)
            tallies.append(tally)
            started = time.monotonic()
            for run in range(1, args.runs + 1):
                run_started = time.monotonic()
                checked, differing = one_run(pool, [(t, a, b, method) for t, a, b in tasks])
                tally.runs += 1
                tally.checked += checked
                tally.differing += differing
                out.write("%s run %d/%d: %d verdicts, %d differing (%.1f s)\n" % (
                    method, run, args.runs, checked, len(differing), time.monotonic() - run_started))
                for difference in differing:
                    out.write("  - %s\n" % difference)
                out.flush()
            tally.elapsed = time.monotonic() - started
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C: start nothing more
    return tallies


# ---- command line

def parse_args(argv):
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description="Grade the solutions and the corpus many times "
                                     "on a loaded machine and report every verdict that differs.")
    parser.add_argument("--runs", type=int, default=200, metavar="N",
                        help="runs per start method (default: 200)")
    parser.add_argument("--start-method", choices=METHODS + ("all",), default="all",
                        help="one start method, or all that the platform has (default: all)")
    parser.add_argument("--load", type=int, default=cores, metavar="N",
                        help="busy processes kept spinning meanwhile (default: the number of "
                        "cores, %d; 0 for none)" % cores)
    parser.add_argument("-j", "--jobs", type=int, default=cores, metavar="N",
                        help="scenarios graded at once (default: the number of cores, %d)" % cores)
    parser.add_argument("--exercise", action="append", metavar="NAME",
                        help="only this exercise: a folder name such as 02_queue, or queue "
                        "(repeatable; default: every exercise)")
    parser.add_argument("--solutions", default=os.path.join(ROOT, "solutions"), metavar="DIR",
                        help="the reference solutions (default: solutions/)")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "tests", "corpus"), metavar="DIR",
                        help="the corpus of cases (default: tests/corpus/)")
    args = parser.parse_args(argv)
    for name in ("runs", "jobs"):
        if getattr(args, name) < 1:
            parser.error("--%s must be at least 1" % name)
    if args.load < 0:
        parser.error("--load must be 0 or more")
    available = system.start_methods()
    if args.start_method == "all":
        args.methods = [m for m in METHODS if m in available]
    elif args.start_method not in available:
        parser.error("start method %r is not available here (available: %s)"
                     % (args.start_method, ", ".join(available)))
    else:
        args.methods = [args.start_method]
    for path in (args.solutions, args.corpus):
        if not os.path.isdir(path):
            parser.error("%s is not a folder" % path)
    return args


def _terminate(signum, frame):
    raise KeyboardInterrupt  # a kill is handled like Ctrl-C: stop the load, report, exit 130


def main(argv=None):
    args = parse_args(argv)
    out = sys.stdout
    exercises = manifest.load()
    cases = corpus.load(args.corpus, exercises)
    if args.exercise:
        chosen = []
        for name in args.exercise:
            found = manifest.find(exercises, name)
            if found is None:
                sys.stderr.write("flake_hunter: no exercise %r; known: %s\n"
                                 % (name, ", ".join(e.folder for e in exercises)))
                return 2
            chosen.append(found.folder)
        exercises = [e for e in exercises if e.folder in chosen]
        cases = [c for c in cases if c.exercise.folder in chosen]
    out.write("machine: %d cores, %s, Python %s\n" % (
        os.cpu_count() or 1, platform.platform(), platform.python_version()))
    if hasattr(os, "getloadavg"):
        out.write("load average before: %.2f %.2f %.2f\n" % os.getloadavg())
    out.write("plan: %s; %d run(s) each of %d exercises' solutions and %d corpus cases; "
              "%d busy process(es); -j %d\n" % (", ".join(args.methods), args.runs, len(exercises),
                                                len(cases), args.load, args.jobs))
    out.flush()
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    started = time.monotonic()
    load = []
    try:
        load = start_load(args.load)
        tallies = hunt(args, exercises, cases, out)
    except KeyboardInterrupt:
        out.write("\ninterrupted after %.1f s\n" % (time.monotonic() - started))
        return 130
    finally:
        stop_load(load)
    out.write("\n")
    for tally in tallies:
        tally.report(out)
    differing = sum(len(t.differing) for t in tallies)
    out.write("elapsed: %.1f s; %s\n" % (time.monotonic() - started,
                                         "%d verdict(s) differed" % differing if differing
                                         else "every verdict was the expected one"))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
