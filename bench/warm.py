"""A scenario against a bare interpreter, with the warm runner and without. Prints figures;
asserts nothing (this is a benchmark, not a test).

    python bench/warm.py               # both paths, 5 repetitions each
    python bench/warm.py --repeat 9

For each path (MPKIT_WARM=1: runners forked from the warm supervisor zygote; MPKIT_WARM=0:
each runner a fresh interpreter, as before), in a process of its own so each starts its own
zygotes, and side by side with `python -c pass` measured in the same run:
* one scenario of 01_process under fork (median);
* the seed suite (01-04) over solutions/ under fork with -j 2 (median);
* the watch loop: a save to 01_process's file until that exercise's verdict (median), the
  poll interval of `mpkit watch` (0.1 s) included.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = ("01_process", "02_queue", "03_pipe", "04_lock")


def bare(repeat):
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure(repeat):
    """In this process (whose environment chose the path): the three figures."""
    sys.path.insert(0, ROOT)
    from grader import grading
    from grader.course import manifest

    exercises = manifest.load()
    first = manifest.find(exercises, "01_process")
    scenario = [s for s in first.scenarios() if s.name == "greet_prints"][0]
    job = grading.Job(os.path.join(ROOT, "solutions"), first, scenario, "fork")
    grading.run_job(job)  # the zygote, caches
    one = []
    for _ in range(repeat):
        began = time.perf_counter()
        grading.run_job(job)
        one.append(time.perf_counter() - began)
    seed = [e for e in exercises if e.folder in SEED]
    grading.grade(os.path.join(ROOT, "solutions"), seed, ["fork"], jobs=2)
    suite = []
    for _ in range(repeat):
        began = time.perf_counter()
        verdicts = grading.grade(os.path.join(ROOT, "solutions"), seed, ["fork"], jobs=2)
        suite.append(time.perf_counter() - began)
    passed = all(v.passed for v in verdicts)
    return {"one": statistics.median(one), "suite": statistics.median(suite), "scenarios": len(verdicts),
            "passed": passed, "watch": watch_loop(first, repeat)}


def watch_loop(exercise, repeat):
    """Seconds from a save of the exercise's file to its verdict, as `mpkit watch` does it."""
    import contextlib
    import io

    from grader.study import watch
    from grader.study.commands import WATCH_INTERVAL_S

    folder = tempfile.mkdtemp(prefix="mpkit-bench-")
    try:
        submission = os.path.join(folder, "work")
        shutil.copytree(os.path.join(ROOT, "solutions"), submission)
        path = os.path.join(submission, exercise.folder, exercise.filename)
        times = []
        for round_ in range(repeat + 1):
            before = watch.snapshots(submission, [exercise])
            saved = []

            def save():
                time.sleep(0.1)
                with open(path, "a") as f:
                    f.write("\n# saved %d\n" % round_)
                saved.append(time.perf_counter())

            saver = threading.Thread(target=save)
            saver.start()
            watch.wait_for_save(submission, [exercise], WATCH_INTERVAL_S, before)
            with contextlib.redirect_stdout(io.StringIO()):
                watch.grade_one(submission, exercise, jobs=2)
            done = time.perf_counter()
            saver.join()
            if round_:  # the first warms the zygotes
                times.append(done - saved[0])
        return statistics.median(times)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.repeat)))
        return
    print("machine: %d cores, Python %s, load %s" % (os.cpu_count() or 1, sys.version.split()[0],
                                                    " ".join("%.2f" % x for x in os.getloadavg())))
    start = bare(args.repeat * 3)
    print("bare interpreter start (python -c pass): %.3f s" % start)
    for label, value in (("exec'd runner (MPKIT_WARM=0)", "0"), ("warm runner (MPKIT_WARM=1)", "1")):
        env = dict(os.environ, MPKIT_WARM=value, MPKIT_SEPARATE_USERS="0")
        out = subprocess.run([sys.executable, __file__, "--measure", "--repeat", str(args.repeat)],
                             env=env, check=True, stdout=subprocess.PIPE).stdout
        r = json.loads(out.decode().strip().splitlines()[-1])
        print("\n%s:" % label)
        print("  one scenario under fork:       %.3f s  (%.2f x a bare start; target <= 2 x)" % (r["one"], r["one"] / start))
        print("  seed suite 01-04, fork, -j 2:  %.3f s  (%d scenarios%s; target <= 0.6 s)"
              % (r["suite"], r["scenarios"], "" if r["passed"] else ", NOT ALL PASSED"))
        print("  watch, save to verdict (01):   %.3f s  (poll interval 0.1 s included; target <= 0.5 s)" % r["watch"])
    print("\nbare interpreter start again: %.3f s" % bare(args.repeat * 3))


if __name__ == "__main__":
    main()
