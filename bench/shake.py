"""How many interleavings do shaken schedules explore? Plain runs against shaken ones.

Grades two scenarios of the reference solutions, round after round, once plainly and once
shaken (`mpkit grade --shake`, a fresh seed each round), and counts the distinct orders seen:

* 04_lock report_all_lines: the order in which the five workers' lines were printed (from the
  `write` events the hooks record in each process);
* 05_producers pipeline: the order in which the consumer received the producers' items (from
  the `received` events of the consumer's queue gets).

It also prints each scenario's mean time both ways and the delays shaking draws, then what
shaking costs: the seed exercises (01 to 04) of the solutions graded `-j 1` plainly and shaken,
taking turns, --suite-rounds times. Prints figures, asserts nothing:

    python bench/shake.py [--rounds N] [--start-method M] [--suite-rounds N]
"""
import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from grader import grading  # noqa: E402
from grader.course import manifest  # noqa: E402
from grader.engine import shake, system  # noqa: E402

WATCHED = (("04_lock", "report_all_lines", "lines printed"), ("05_producers", "pipeline", "items received"))


def lines_order(events):
    """The lines printed, in the order they were written (a line: one process's writes up to
    a newline)."""
    lines, partial = [], {}
    for event in sorted((e for e in events if e["kind"] == "write"), key=lambda e: e["t"]):
        text = partial.get(event["pid"], "") + event.get("text", "")
        while "\n" in text:
            line, text = text.split("\n", 1)
            lines.append(line)
        partial[event["pid"]] = text
    return tuple(lines)


def received_order(events):
    """The values the caller's processes received, in order (the digests the hooks record)."""
    got = sorted((e for e in events if e["kind"] == "received"), key=lambda e: e["t"])
    return tuple(str(e.get("value")) for e in got)


ORDERS = {"report_all_lines": lines_order, "pipeline": received_order}


def one_round(jobs, seed, workers):
    """The verdicts of `jobs`, shaken with `seed` unless it is None, `workers` at a time."""
    if seed is None:
        os.environ.pop(shake.SETTING, None)
    else:
        os.environ[shake.SETTING] = str(seed)
    return grading.run_jobs(jobs, workers)


SEED_EXERCISES = ("01_process", "02_queue", "03_pipe", "04_lock")


def suite_cost(exercises, method, rounds):
    """Median seconds per scenario of the seed exercises' solutions, -j 1, plain and shaken."""
    chosen = [e for e in exercises.values() if e.folder in SEED_EXERCISES]
    planned = grading.plan(os.path.join(ROOT, "solutions"), chosen, [method])
    times = {"plain": [], "shaken": []}
    for _ in range(rounds):
        for way, seed in (("plain", None), ("shaken", shake.new_seed())):
            started = time.monotonic()
            verdicts = one_round(planned, seed, 1)
            times[way].append((time.monotonic() - started) / len(planned))
            if not all(v.passed for v in verdicts):
                print("  %s: a solution did not pass" % way)
    os.environ.pop(shake.SETTING, None)
    return len(planned), {way: statistics.median(seconds) for way, seconds in times.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, metavar="N", help="rounds each way (default: 20)")
    parser.add_argument("--start-method", default=system.default_start_method(), metavar="M")
    parser.add_argument("--suite-rounds", type=int, default=3, metavar="N",
                        help="rounds of the seed exercises each way, for the cost (default: 3; 0: none)")
    args = parser.parse_args(argv)
    exercises = {e.folder: e for e in manifest.load()}
    planned = []
    for folder, name, _ in WATCHED:
        exercise = exercises[folder]
        scenario = [s for s in exercise.scenarios() if s.name == name][0]
        planned.append(grading.Job(os.path.join(ROOT, "solutions"), exercise, scenario, args.start_method))
    timeout = exercises["04_lock"].timeout
    part = shake.job_part(0, "", timeout)
    print("machine: %d cores, Python %s, load average %s" % (
        os.cpu_count() or 1, sys.version.split()[0], "%.1f %.1f %.1f" % os.getloadavg()))
    print("delays (timeout %g s): %g%% of the points wait; up to %g ms at an operation, %g ms at a "
          "child's start; at most %g s in all per process" % (
              timeout, shake.CHANCE * 100, part["max_ms"], part["max_ms"] * shake.START_FACTOR,
              part["budget_s"]))
    seen = {(name, way): set() for _, name, _ in WATCHED for way in ("plain", "shaken")}
    seconds = {key: [] for key in seen}
    failed = {key: 0 for key in seen}
    started = time.monotonic()
    for _ in range(args.rounds):
        for way, seed in (("plain", None), ("shaken", shake.new_seed())):
            for verdict in one_round(planned, seed, len(planned)):  # the two side by side
                key = (verdict.name, way)
                seen[key].add(ORDERS[verdict.name](verdict.events))
                seconds[key].append(verdict.duration_s)
                failed[key] += not verdict.passed
    os.environ.pop(shake.SETTING, None)
    print("%d rounds each way under %s, the two side by side (%.0f s)" % (args.rounds, args.start_method,
                                                                        time.monotonic() - started))
    print("%-38s %8s %8s %14s %14s" % ("distinct orders of", "plain", "shaken", "plain s/scen.", "shaken s/scen."))
    for folder, name, what in WATCHED:
        plain, shaken = (name, "plain"), (name, "shaken")
        print("%-38s %8d %8d %14.3f %14.3f" % (
            "%s %s (%s)" % (folder, name, what), len(seen[plain]), len(seen[shaken]),
            statistics.mean(seconds[plain]), statistics.mean(seconds[shaken])))
    if any(failed.values()):
        print("verdicts not passed: %s" % ", ".join("%s %s: %d" % (n, w, c) for (n, w), c in failed.items() if c))
    if args.suite_rounds:
        count, median = suite_cost(exercises, args.start_method, args.suite_rounds)
        print("seed exercises' solutions (%d scenarios), -j 1, median of %d rounds: %.3f s per scenario "
              "plain, %.3f s shaken (+%.3f s)" % (count, args.suite_rounds, median["plain"], median["shaken"],
                                                  median["shaken"] - median["plain"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
