"""Hunt for verdicts that depend on timing: grade everything again and again on a loaded machine.

Every core is kept busy by spinning processes while, for each start method, the reference
solutions (every verdict must be `passed`) and every corpus case (each scenario listed in
tests/corpus/cases.toml must get its verdict; correct cases must pass everything) are graded
--runs times. A verdict that differs even once is a flake, or a wrong expectation.

    python bench/flake_hunter.py                     # 200 runs per start method
    python bench/flake_hunter.py --runs 2            # a quick look
    python bench/flake_hunter.py --start-method spawn --load 8 -j 4
    python bench/flake_hunter.py --minutes 120 --record bench/flake-ledger.jsonl
    python bench/flake_hunter.py --tally bench/flake-ledger.jsonl   # what hunts have added up to
    python bench/flake_hunter.py --shake --runs 5    # each run with schedules shaken by a fresh seed

Runs take turns between the start methods. With --record, each run is appended to a ledger
with a fingerprint of the grader, solutions and corpus, so hunts on different days add up
towards 200 runs per method for as long as that code stays the same. With --shake, each run's
schedules are shaken (`mpkit grade --shake`) by a seed of its own, printed and recorded.

Exit status: 0 when every verdict was the expected one, 1 when any differed, 2 on a usage
error, 130 when interrupted (Ctrl-C or SIGTERM). The busy processes stop when the script ends, however it ends.
"""
import argparse
import hashlib
import json
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

from grader import grading  # noqa: E402
from grader.course import corpus, manifest  # noqa: E402
from grader.engine import shake, system  # noqa: E402

METHODS = ("fork", "spawn", "forkserver")
DEFAULTS = {"solutions": os.path.join(ROOT, "solutions"), "corpus": os.path.join(ROOT, "tests", "corpus")}
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

    def add(self, checked, differing, seconds):
        self.runs += 1
        self.checked += checked
        self.differing += differing
        self.elapsed += seconds

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


def hunt(args, exercises, cases, out, ledger=None):
    """Round after round, one run under each start method in turn (so a hunt cut short by
    --minutes or Ctrl-C has about as many runs of each), until --runs or --minutes is reached."""
    tasks = [(grade_solutions, args.solutions, exercise) for exercise in exercises]
    tasks += [(grade_case, args.corpus, case) for case in cases]
    tallies = {method: MethodTally(method) for method in args.methods}
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    try:
        for run in range(1, args.runs + 1):
            if deadline is not None and time.monotonic() >= deadline:
                out.write("time budget of %g minute(s) spent: no more runs\n" % args.minutes)
                break
            for method in args.methods:
                tally = tallies[method]
                seed = shaken(args.shake)
                run_started = time.monotonic()
                checked, differing = one_run(pool, [(t, a, b, method) for t, a, b in tasks])
                seconds = time.monotonic() - run_started
                tally.add(checked, differing, seconds)
                out.write("%s run %d/%d%s: %d verdicts, %d differing (%.1f s)\n" % (
                    method, run, args.runs, "" if seed is None else ", shaken with seed %d" % seed,
                    checked, len(differing), seconds))
                for difference in differing:
                    out.write("  - %s\n" % difference)
                out.flush()
                if ledger is not None:
                    ledger.record(method, checked, differing, seconds, seed)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # on Ctrl-C: start nothing more
    return list(tallies.values())


def shaken(shaking):
    """With --shake, a fresh seed for the next run's jobs (they read MPKIT_SHAKE), else None."""
    if not shaking:
        return None
    seed = shake.new_seed()
    os.environ[shake.SETTING] = str(seed)
    return seed


# ---- the ledger: runs recorded across hunts, counted only for the code they graded

FINGERPRINTED = ("grader", "solutions", os.path.join("tests", "corpus"))


def fingerprint(root=ROOT):
    """A digest of everything a verdict depends on: the grader, the solutions and the corpus.
    Runs recorded under one fingerprint add up; any change to those files starts a new count."""
    digest = hashlib.sha256()
    for top in FINGERPRINTED:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, root).replace(os.sep, "/").encode("utf-8") + b"\0")
                with open(path, "rb") as f:
                    digest.update(f.read().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]


class Ledger:
    """Appends one JSON line per run to a file (see --record), so hunts on different days add up."""

    def __init__(self, path, args):
        self.path = path
        self.common = {"fingerprint": fingerprint(), "python": platform.python_version(),
                       "platform": sys.platform, "cores": os.cpu_count() or 1,
                       "load": args.load, "jobs": args.jobs, "scope": scope(args)}

    def record(self, method, checked, differing, seconds, seed=None):
        line = dict(self.common, method=method, checked=checked, seconds=round(seconds, 1), shake=seed,
                    differing=[str(d) for d in differing],
                    finished=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(line, sort_keys=True) + "\n")


def scope(args):
    """'all' for a run of the whole suite; else what it was limited to (such runs do not
    count towards the suite's total)."""
    parts = ["exercise " + name for name in args.exercise or []]
    for name in ("solutions", "corpus"):
        if os.path.realpath(getattr(args, name)) != os.path.realpath(DEFAULTS[name]):
            parts.append("%s %s" % (name, getattr(args, name)))
    return ", ".join(parts) or "all"


def read_ledger(path):
    """The ledger's runs; a line that is not a run is named on stderr and skipped."""
    runs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            try:
                run = json.loads(line)
                if not isinstance(run, dict):
                    raise ValueError("not an object")
                run["fingerprint"], run["method"], int(run["checked"]), list(run["differing"])
            except (ValueError, KeyError, TypeError) as exc:
                sys.stderr.write("%s:%d: skipped, not a recorded run (%s)\n" % (path, number, exc))
                continue
            runs.append(run)
    return runs


def print_tally(path, out):
    """Print the ledger's totals per fingerprint and start method, the current code's first."""
    current = fingerprint()
    totals = {}
    for run in read_ledger(path):
        key = (run["fingerprint"] + ("" if run.get("scope", "all") == "all"
                                     else ", only " + str(run["scope"])), run["method"])
        entry = totals.setdefault(key, {"runs": 0, "checked": 0, "differing": 0, "pythons": set(), "shaken": 0})
        entry["runs"] += 1
        entry["shaken"] += run.get("shake") is not None
        entry["checked"] += int(run["checked"])
        entry["differing"] += len(run["differing"])
        entry["pythons"].add(run.get("python", "?"))
    if not totals:
        out.write("%s: no runs recorded\n" % path)
        return 0
    for fp in sorted({fp for fp, _ in totals}, key=lambda fp: (not fp.startswith(current), fp)):
        out.write("code %s%s\n" % (fp, " (the code checked out now)" if fp.startswith(current) else ""))
        for method in METHODS:
            entry = totals.get((fp, method))
            if entry:
                out.write("  %s: %d run(s)%s, %d verdicts checked, %d differing (Python %s); %s\n" % (
                    method, entry["runs"], ", %d shaken" % entry["shaken"] if entry["shaken"] else "",
                    entry["checked"], entry["differing"], ", ".join(sorted(entry["pythons"])),
                    flake_bound(entry["checked"], entry["differing"])))
    return 1 if any(e["differing"] for (fp, _), e in totals.items() if fp.startswith(current)) else 0


def flake_bound(checked, differing):
    """What `checked` verdicts with `differing` ones say of the flake rate per verdict: with none
    differing, its 95% upper bound, 1 - 0.05^(1/N) (about 3/N)."""
    if differing:
        return "flake rate seen %.2g per verdict" % (differing / checked)
    if not checked:
        return "no bound"
    return "flake rate per verdict below %.2g (95%% upper bound)" % (1 - 0.05 ** (1.0 / checked))


# ---- command line

def parse_args(argv):
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description="Grade the solutions and the corpus many times "
                                     "on a loaded machine and report every verdict that differs.")
    parser.add_argument("--runs", type=int, default=200, metavar="N",
                        help="runs per start method (default: 200)")
    parser.add_argument("--minutes", type=float, default=0, metavar="M",
                        help="start no run after M minutes (default: no limit)")
    parser.add_argument("--record", metavar="FILE",
                        help="append one JSON line per run to FILE, such as "
                        "bench/flake-ledger.jsonl, so that hunts add up")
    parser.add_argument("--tally", metavar="FILE",
                        help="grade nothing: print the runs recorded in FILE, per code "
                        "fingerprint and start method")
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
    parser.add_argument("--shake", action="store_true",
                        help="shake each run's schedules (mpkit grade --shake) with a fresh seed, "
                        "printed and recorded in the ledger")
    parser.add_argument("--solutions", default=DEFAULTS["solutions"], metavar="DIR",
                        help="the reference solutions (default: solutions/)")
    parser.add_argument("--corpus", default=DEFAULTS["corpus"], metavar="DIR",
                        help="the corpus of cases (default: tests/corpus/)")
    args = parser.parse_args(argv)
    for name in ("runs", "jobs"):
        if getattr(args, name) < 1:
            parser.error("--%s must be at least 1" % name)
    if args.load < 0:
        parser.error("--load must be 0 or more")
    if args.minutes < 0:
        parser.error("--minutes must be 0 or more")
    if args.tally and not os.path.isfile(args.tally):
        parser.error("--tally: %s is not a file" % args.tally)
    if args.record:
        try:
            open(args.record, "a", encoding="utf-8").close()
        except OSError as exc:
            parser.error("--record: cannot write to %s: %s" % (args.record, exc.strerror))
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
    if args.tally:
        return print_tally(args.tally, out)
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
    out.write("code fingerprint: %s\n" % fingerprint())
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
        tallies = hunt(args, exercises, cases, out, Ledger(args.record, args) if args.record else None)
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
