"""How many interleavings do shaken schedules explore? Plain runs against shaken ones.

Grades two scenarios of the reference solutions, round after round, once plainly and once
shaken (`mpkit grade --shake`, a fresh seed each round), and counts the distinct orders seen:

* 04_lock report_all_lines: the order in which the five workers' lines were printed (from the
  `write` events the hooks record in each process);
* 05_producers pipeline: the order in which the consumer received the producers' items (from
  the `received` events of the consumer's queue gets).

It also prints each scenario's mean time both ways (the cost of shaking) and the delays
shaking draws. Prints figures, asserts nothing:

    python bench/shake.py [--rounds N] [--start-method M] [-j N]
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


def one_round(jobs, seed):
    if seed is None:
        os.environ.pop(shake.SETTING, None)
    else:
        os.environ[shake.SETTING] = str(seed)
    return grading.run_jobs(jobs, len(jobs))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, metavar="N", help="rounds each way (default: 20)")
    parser.add_argument("--start-method", default=system.default_start_method(), metavar="M")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N")
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
          "process start; at most %g s in all per process" % (
              timeout, shake.CHANCE * 100, part["max_ms"], part["max_ms"] * shake.START_FACTOR,
              part["budget_s"]))
    seen = {(name, way): set() for _, name, _ in WATCHED for way in ("plain", "shaken")}
    seconds = {key: [] for key in seen}
    failed = {key: 0 for key in seen}
    started = time.monotonic()
    for _ in range(args.rounds):
        for way, seed in (("plain", None), ("shaken", shake.new_seed())):
            for verdict in one_round(planned, seed):
                key = (verdict.name, way)
                seen[key].add(ORDERS[verdict.name](verdict.events))
                seconds[key].append(verdict.duration_s)
                failed[key] += not verdict.passed
    os.environ.pop(shake.SETTING, None)
    print("%d rounds each way under %s, -j %d (%.0f s)" % (args.rounds, args.start_method, len(planned),
                                                           time.monotonic() - started))
    print("%-38s %8s %8s %14s %14s" % ("distinct orders of", "plain", "shaken", "plain s/scen.", "shaken s/scen."))
    for folder, name, what in WATCHED:
        plain, shaken = (name, "plain"), (name, "shaken")
        print("%-38s %8d %8d %14.3f %14.3f" % (
            "%s %s (%s)" % (folder, name, what), len(seen[plain]), len(seen[shaken]),
            statistics.mean(seconds[plain]), statistics.mean(seconds[shaken])))
    if any(failed.values()):
        print("verdicts not passed: %s" % ", ".join("%s %s: %d" % (n, w, c) for (n, w), c in failed.items() if c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
