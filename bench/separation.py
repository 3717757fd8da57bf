"""What does privilege separation cost? Prints figures; asserts nothing (a benchmark, not a test).

    python bench/separation.py             # as root: 5 repetitions each way
    python bench/separation.py --repeat 9

Times `mpkit grade solutions --start-method all` (the seed suite under every start method) with
scenarios run as the grader's own user and, as root, as users of their own
(MPKIT_SEPARATE_USERS=1), taking turns so that load on the machine falls on both alike.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from grader.engine import isolation, mounts, namespaces  # noqa: E402


def once(separate):
    env = dict(os.environ, MPKIT_SEPARATE_USERS="1" if separate else "0")
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader.cli", "grade", "solutions", "--start-method", "all"],
                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not isolation.available():
        print("scenarios cannot run as users of their own here (not root, or no Python other "
              "users can run): nothing to compare")
        return
    own = [sys.prefix, sys.base_prefix, sys.exec_prefix]
    if isolation.runner_python() != sys.executable and namespaces.supported()["view"] and mounts.closed_folders(own):
        runner = "the grader's (%s), its way opened in each scenario's mount namespace: runners forked warm" \
            % sys.executable
    else:
        runner = "%s (the grader's: %s)" % (isolation.runner_python(), sys.executable)
    print("runner interpreter when separated: " + runner)
    times = {False: [], True: []}
    for _ in range(args.repeat):
        for separate in (False, True):
            times[separate].append(once(separate))
    for separate, label in ((False, "own user"), (True, "users of their own")):
        values = times[separate]
        print("seed suite, every start method, %-18s median %.2f s (min %.2f, max %.2f)"
              % (label + ":", statistics.median(values), min(values), max(values)))
    ratio = statistics.median(times[True]) / statistics.median(times[False])
    print("separated / own user: %.2f" % ratio)


if __name__ == "__main__":
    main()
