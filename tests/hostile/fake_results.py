"""Hostile 01_process: wrong code that tries to forge its results: prints a fake JSON report
(all passed, full score), writes it as results.json into its working folder and every folder
above it up to the grader's scenario folder, into the working folder of the supervisor and of
the grader (only when that folder is named "cli-cwd", for safety) and over the file the grader
was told to write its report to (--output, read from the grader's command line, again only
inside a "cli-cwd" folder). Expected: none of it believed: every scenario not passed, and the
grader's own report (stdout and --output) the real one."""
import json
import os

FAKE = json.dumps({"version": 1, "score": 6, "max_score": 6, "tests": [
    {"exercise": "01_process", "name": name, "status": "passed", "score": 1, "max_score": 1,
     "message": "", "output": "", "start_method": "fork", "duration_s": 0.1}
    for name in ("greet_prints", "run_greeting_in_child", "run_greeting_exit_code", "start_in_background")]})


def _write(path):
    try:
        with open(path, "w") as f:
            f.write(FAKE)
    except OSError:
        pass


def _ancestors():
    pid = os.getppid()
    for _ in range(3):
        try:
            with open("/proc/%d/stat" % pid) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            return
        yield pid
        pid = ppid


def forge():
    print(FAKE)
    folder = os.getcwd()
    while True:
        _write(os.path.join(folder, "results.json"))
        if os.path.basename(folder).startswith("mpkit-") or folder == os.path.dirname(folder):
            break
        folder = os.path.dirname(folder)
    for pid in _ancestors():
        try:
            cwd = os.readlink("/proc/%d/cwd" % pid)
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                argv = f.read().decode("utf-8", "replace").split("\0")
        except OSError:
            continue
        if os.path.basename(cwd) != "cli-cwd":
            continue
        _write(os.path.join(cwd, "results.json"))
        if "--output" in argv:
            target = os.path.join(cwd, argv[argv.index("--output") + 1])
            if os.path.dirname(os.path.abspath(target)) == cwd:
                _write(target)


forge()


def greet(name):
    forge()


def run_greeting(name):
    forge()
    return 0


def start_in_background(target, *args):
    forge()
    return None
