"""Time `mpkit grade-batch` on a class: by default 100 submissions of all four exercises, 90 of
them correct or wrong in the usual ways (folders, flat files, zips, untouched stubs, misnamed
files, corpus mistakes) and 10 that hang (a Queue that never gets STOP, a Pipe whose sending end
the parent keeps open, a Lock never released: deadlocks).

    python bench/batch.py                      # 100 students, the default -j
    python bench/batch.py --students 20 -j 3
    python bench/batch.py --busy               # the hanging ones loop instead: they cost the timeout

Not a test: it prints the machine, the class, the time grade-batch took and its closing line.
"""
import argparse
import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = {"01_process": "hello_process.py", "02_queue": "queue_messages.py",
         "03_pipe": "one_way_pipe.py", "04_lock": "locked_output.py"}


def _source(kind, folder):
    if kind == "solution":
        return os.path.join(ROOT, "solutions", folder, FILES[folder])
    if kind == "stub":
        return os.path.join(ROOT, "exercises", folder, FILES[folder])
    return os.path.join(ROOT, "tests", "corpus", "wrong", folder, kind)


WRONG = {"01_process": "no_join.py", "02_queue": "reversed_order.py",
         "03_pipe": "send_all_no_close.py", "04_lock": "no_lock.py"}
HANGING = {"02_queue": "no_stop.py", "03_pipe": "parent_keeps_sender.py", "04_lock": "never_released.py"}
BUSY = "def collect(items):\n    while True:\n        pass\n"


def _student(folder, index, busy):
    """One of the class, by its index: ten kinds in turn, the tenth hangs."""
    kind = index % 10
    files = {f: _source("solution", f) for f in FILES}
    if kind == 9:
        files.update({f: _source(name, f) for f, name in HANGING.items()})
    elif kind in (3, 4):
        files = {f: _source("stub", f) for f in FILES} if kind == 3 else dict(
            files, **{f: _source(name, f) for f, name in WRONG.items()})
    layout = {0: "folders", 1: "flat", 2: "zip", 5: "misnamed"}.get(kind, "folders")
    path = os.path.join(folder, "student%03d" % index)
    entries = {}
    for exercise, source in files.items():
        name = FILES[exercise]
        if layout == "misnamed" and exercise == "01_process":
            name = "hello-process.py"
        entries[name if layout == "flat" else "%s/%s" % (exercise, name)] = source
    if busy and kind == 9:
        entries["02_queue/queue_messages.py"] = None
    if layout == "zip":
        with zipfile.ZipFile(path + ".zip", "w") as archive:
            for rel, source in entries.items():
                archive.write(source, rel)
        return
    for rel, source in entries.items():
        target = os.path.join(path, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if source is None:
            with open(target, "w") as f:
                f.write("STOP = 'STOP'\n\ndef produce(q, items):\n    pass\n\n" + BUSY)
        else:
            shutil.copyfile(source, target)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("-j", "--jobs", type=int, default=None, help="grade-batch's -j (default: its own)")
    parser.add_argument("--busy", action="store_true", help="hanging students loop instead of deadlocking")
    parser.add_argument("--start-method", default=None)
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="mpkit-bench-batch-")
    try:
        submissions = os.path.join(work, "class")
        os.makedirs(submissions)
        for index in range(args.students):
            _student(submissions, index, args.busy)
        command = [sys.executable, "-m", "grader.cli", "grade-batch", submissions,
                   "--csv", os.path.join(work, "grades.csv"), "--feedback", os.path.join(work, "feedback")]
        command += ["-j", str(args.jobs)] if args.jobs else []
        command += ["--start-method", args.start_method] if args.start_method else []
        print("machine: %d cores, %s, Python %s, load average %s" % (
            os.cpu_count(), platform.platform(), platform.python_version(),
            " ".join("%.1f" % x for x in os.getloadavg())))
        print("class: %d students, %d hanging (%s)" % (
            args.students, len(range(9, args.students, 10)), "busy loops" if args.busy else "deadlocks"))
        started = time.monotonic()
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        elapsed = time.monotonic() - started
        with open(os.path.join(work, "grades.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        print(done.stdout.strip())
        print("totals: %s" % ", ".join("%s x%d" % (t, n) for t, n in sorted(
            {r["total"]: sum(1 for s in rows if s["total"] == r["total"]) for r in rows}.items(),
            key=lambda item: -float(item[0]))))
        print("grade-batch of %d students: %.1f s (%.2f s per student)" % (
            args.students, elapsed, elapsed / args.students))
        return done.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
