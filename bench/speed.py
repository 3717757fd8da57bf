"""How fast are verdicts? Prints figures; asserts nothing (this is a benchmark, not a test).

    python bench/speed.py                 # everything below, 3 repetitions each
    python bench/speed.py --repeat 5

Measured in one run:
* a bare interpreter start (`python -c pass`) against one graded scenario (supervisor, runner,
  a trivial student function): the per-scenario overhead;
* the seed suite over solutions/ under each start method, sequential (-j 1) and parallel
  (-j = cores): wall time;
* every deadlocking case of the wrong-submission corpus: time to the deadlock verdict against
  the configured timeout and against the same scenario's time on the reference solution.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from grader import grading  # noqa: E402
from grader.course import corpus, manifest  # noqa: E402
from grader.engine import system  # noqa: E402

METHODS = [m for m in ("fork", "spawn", "forkserver") if m in system.start_methods()]


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def bare_start(repeat):
    return timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)[0]


def one_scenario(exercises, method, repeat):
    exercise = manifest.find(exercises, "01_process")
    scenario = [s for s in exercise.scenarios() if s.name == "greet_prints"][0]
    job = grading.Job(os.path.join(ROOT, "solutions"), exercise, scenario, method)
    return timed(lambda: grading.run_job(job), repeat)[0]


def suite(exercises, method, jobs, repeat):
    seconds, verdicts = timed(lambda: grading.grade(os.path.join(ROOT, "solutions"), exercises,
                                                    [method], jobs=jobs), repeat)
    assert all(v.passed for v in verdicts), [v for v in verdicts if not v.passed]
    return seconds, len(verdicts)


def deadlocks(exercises, method):
    """(case, scenario, seconds to the verdict, timeout, seconds on the solution)."""
    corpus_dir = os.path.join(ROOT, "tests", "corpus")
    cases = [c for c in corpus.load(corpus_dir, exercises)
             if any(v == "deadlock" or (isinstance(v, dict) and v.get(method) == "deadlock")
                    for v in c.expect.values())]
    reference = {(v.exercise, v.name): v.duration_s
                 for v in grading.grade(os.path.join(ROOT, "solutions"), exercises, [method], jobs=1)}
    rows = []
    for case, verdicts in corpus.grade_cases(corpus_dir, cases, [method], jobs=1):
        for verdict in verdicts:
            if verdict.status == "deadlock":
                rows.append((case.file, verdict.name, verdict.duration_s,
                             grading.scenario_timeout(case.exercise),
                             reference[(verdict.exercise, verdict.name)]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    exercises = manifest.load()
    cores = os.cpu_count() or 1
    print("machine: %d cores, %s, Python %s" % (cores, platform.platform(), platform.python_version()))
    print("load average: %s" % " ".join("%.2f" % x for x in os.getloadavg()) if hasattr(os, "getloadavg") else "")
    one_scenario(exercises, system.default_start_method(), 1)  # warm up: the zygote, caches
    bare = bare_start(args.repeat)
    print("\nbare interpreter start (python -c pass): %.3f s" % bare)
    for method in METHODS:
        one = one_scenario(exercises, method, args.repeat)
        print("one scenario, %-10s %.3f s  (overhead over a bare start: %.3f s)" % (method + ":", one, one - bare))
    print("\nseed suite over solutions/ (wall time, median of %d):" % args.repeat)
    for method in METHODS:
        seq, count = suite(exercises, method, 1, args.repeat)
        par, _ = suite(exercises, method, cores, args.repeat)
        mark = " (default)" if method == system.default_start_method() else ""
        print("  %-11s %2d scenarios: -j 1 %.2f s, -j %d %.2f s%s" % (method, count, seq, cores, par, mark))
    method = system.default_start_method()
    print("\ndeadlocks under %s: time to the verdict (timeout, the solution's time):" % method)
    for file, name, seconds, timeout, solution in deadlocks(exercises, method):
        print("  %-45s %-22s %.2f s  (timeout %.0f s, solution %.2f s, +%.2f s)"
              % (file, name, seconds, timeout, solution, seconds - solution))


if __name__ == "__main__":
    main()
