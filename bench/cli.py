"""How long a user waits: `mpkit grade` through the CLI, as a user types it, side by side with
`python -c pass` in one run. Prints figures; asserts nothing (a benchmark, not a test).

    python bench/cli.py               # median of 3 each
    python bench/cli.py --repeat 5

Run it alone on the machine, with the kit installed (`pip install .`): as root, students' code
runs separated (users of their own, the default) and, for comparison, with
--no-separate-users. The in-process figures (one warm Python, after a warm-up) are
bench/warm.py's.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MPKIT = os.path.join(os.path.dirname(sys.executable), "mpkit")
SEED = ["01_process", "02_queue", "03_pipe", "04_lock"]


def _exercises(names):
    return [arg for name in names for arg in ("--exercise", name)]


SOLUTIONS = os.path.join(ROOT, "solutions")
CASES = [
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("mpkit grade solutions --exercise 01_process",
     [MPKIT, "grade", SOLUTIONS, "--exercise", "01_process"]),
    ("seed four, fork, -j 2",
     [MPKIT, "grade", SOLUTIONS, "--start-method", "fork", "-j", "2"] + _exercises(SEED)),
    ("whole course, -j 2", [MPKIT, "grade", SOLUTIONS, "-j", "2"]),
]


def timed(command, repeat):
    """Median wall time of `command`, run from an empty folder (as a user grades, from outside
    the kit: the kit's own checkout would put its grader/ first on the runners' path)."""
    import tempfile

    times = []
    with tempfile.TemporaryDirectory() as cwd:
        for _ in range(repeat):
            began = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    print("| through the CLI | %s |%s" % ("separated" if as_root else "as this user",
                                        " --no-separate-users |" if as_root else ""))
    print("|---|---:|%s" % ("---:|" if as_root else ""))
    for label, command in CASES:
        row = "| %s | %.2f s |" % (label, timed(command, args.repeat))
        if as_root and command[0] == MPKIT:
            row += " %.2f s |" % timed(command + ["--no-separate-users"], args.repeat)
        elif as_root:
            row += " |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
