"""Hostile and broken submissions never hurt the grader, the machine or the other exercises.

Each module of tests/hostile/ is a submission of one exercise that misbehaves on purpose (fork
bombs, memory and output floods, hangs, exits, signals to the grader, deleted files, forged
results...). Each is graded through the real CLI, `python -m grader.cli grade <folder>
--format json`, in a subprocess, and each case checks that

* the CLI finishes (a generous subprocess timeout is only a safety net; the wall time is
  recorded, see docs/threat-model.md) without a traceback, and prints one valid JSON object;
* the hostile exercise gets clear non-passed verdicts (the expected status and a fragment of
  the message where one says what happened);
* a correct copy of another exercise (02_queue), graded in the same run, gets full marks;
* nothing of the scenario is left running (no process whose working folder or environment
  points into the test's folder, and every pid the hostile code wrote to a file is dead), no
  multiprocessing semaphore the case's processes made is left in /dev/shm (whatever other
  gradings on the machine make meanwhile), no scenario folder is left in the
  grader's temporary folder, no per-scenario cgroup folder is left, and the submission folder
  is exactly as it was.

Where the engine misbehaves, a case is marked xfail(strict=True) with the problem in its
reason: `raises=AssertionError` for a wrong or unclear verdict, LeftBehind / CgroupsLeft for
something that outlived the CLI (any other leftover still fails the test). When the engine is
fixed the case XPASSes, and the mark is removed.

Hostile modules write pids to "@HOSTILE_PID_DIR@", which is replaced by a folder of the test.
Set MPKIT_HOSTILE_LOG=<file> to append one JSON line per case (name, wall time, verdicts).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from conftest import OwnCgroups, ROOT

HOSTILE = ROOT / "tests" / "hostile"
SHM = Path("/dev/shm")
CLI_TIMEOUT_S = 120
PID_PLACEHOLDER = "@HOSTILE_PID_DIR@"
OTHER = ("02_queue", "queue_messages.py")
HOSTILE_SCENARIOS = ("greet_prints", "run_greeting_in_child", "run_greeting_exit_code",
                     "start_in_background")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the hostile cases use fork, /proc and /dev/shm")


class LeftBehind(Exception):
    """Something of a scenario outlived the CLI. Not an AssertionError, so a case marked xfail
    for a wrong verdict still fails for it (unless its xfail_raises says so)."""


class CgroupsLeft(LeftBehind):
    """Only empty cgroup folders of the scenario were left (raised when nothing else was)."""


@dataclass
class Case:
    name: str
    expect: dict  # scenario -> (status, fragment or None), or a list of such alternatives
    other: bool = True  # also grade a correct 02_queue in the same run (about +0.5 s)
    scale: str = "1"  # MPKIT_TIMEOUT_SCALE for the CLI
    xfail: str = None  # an engine problem, reported to the lead (strict)
    xfail_raises: type = AssertionError  # a wrong verdict; LeftBehind: something outlived the CLI
    check: object = None  # extra assertions: check(run)
    extra_args: list = field(default_factory=list)
    module: str = None  # tests/hostile/<module>.py when not <name>.py
    forbid: dict = field(default_factory=dict)  # scenario -> fragment that must NOT be in the message
    platform: str = None  # MPKIT_PLATFORM: grade along macOS' or Windows' fallback paths
    warm: str = None  # MPKIT_WARM for the CLI: "0" forces exec'd runners

    @property
    def id(self):
        return self.name + ("-as-" + self.platform if self.platform else "") \
            + ("-warm-" + self.warm if self.warm else "")


@dataclass
class Run:
    done: subprocess.CompletedProcess
    wall_s: float
    results: dict
    tmp: Path
    pid_dir: Path
    cli_cwd: Path
    pids: set  # of the CLI, its supervisors and the scenarios' processes, as sampled
    semaphores: set  # sem.mp-* files of /dev/shm those processes were seen to map

    def tests(self, exercise="01_process"):
        return {t["name"]: t for t in self.results["tests"] if t["exercise"] == exercise}


def _logged_semaphores_left(tmp):
    """Semaphores the grader saw this run's scenarios make (MPKIT_SEMAPHORE_LOG) still in
    /dev/shm. The names also go to the session's log, for conftest's leak check."""
    try:
        names = set((tmp / "semaphores.log").read_text(encoding="utf-8").split())
    except OSError:
        return []
    session_log = os.environ.get("MPKIT_SEMAPHORE_LOG")
    if session_log and names:
        with open(session_log, "a", encoding="utf-8") as log:
            log.write("".join("%s\n" % name for name in sorted(names)))
    return sorted(n for n in names if (SHM / ("sem." + n.lstrip("/"))).exists())


def _mapped_semaphores(pid):
    """The sem.mp-* files of /dev/shm that process `pid` maps now."""
    try:
        maps = Path("/proc/%d/maps" % pid).read_text()
    except OSError:
        return set()
    return {line.rsplit("/dev/shm/", 1)[1].split(" ")[0] for line in maps.splitlines()
            if "/dev/shm/sem.mp-" in line}


def _ours(proc, marker):
    try:
        if proc.cwd().startswith(marker):
            return True
    except (psutil.Error, OSError):
        pass
    try:
        return any(marker in value for value in proc.environ().values())
    except (psutil.Error, OSError):
        return False


def _alive(proc):
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _scenario_processes(marker):
    """Live processes whose working folder or environment points into `marker`."""
    me = os.getpid()
    return [p for p in psutil.process_iter() if p.pid != me and _ours(p, marker) and _alive(p)]


def _noted_pids(pid_dir):
    pids = set()
    for path in pid_dir.iterdir():
        try:
            pids.add(int(path.read_text().split()[0]))
        except (OSError, ValueError, IndexError):
            pass
    return pids


def _noted_pids_alive(pid_dir):
    """Pids the hostile code wrote ("pid starttime") that still run (same start time)."""
    alive = []
    for path in sorted(pid_dir.iterdir()):
        try:
            pid, start = path.read_text().split()
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            continue
        if fields[19] == start and fields[0] != "Z":
            alive.append(int(pid))
    return alive


def _leftovers(tmp, pid_dir, grace=3.0):
    give_up = time.monotonic() + grace
    while True:
        procs = ["%d %s" % (p.pid, " ".join(p.cmdline())[:100]) for p in _scenario_processes(str(tmp))
                 if _alive(p)]
        noted = _noted_pids_alive(pid_dir)
        if (not procs and not noted) or time.monotonic() > give_up:
            return procs, noted
        time.sleep(0.1)


def _sweep(marker, pid_dir):
    """Kill what a failed case left: processes pointing into `marker`, and noted pids."""
    for proc in _scenario_processes(marker):
        try:
            proc.kill()
        except psutil.Error:
            pass
    for pid in _noted_pids_alive(pid_dir):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}




class PidSampler(threading.Thread):
    """Notes the pids below the CLI while it runs (its supervisors and the scenarios' processes)
    and the semaphores of /dev/shm they map: those this case's scenarios made, whatever other
    runs on the machine make meanwhile."""

    def __init__(self, every=0.05):
        super().__init__(daemon=True)
        self.every = every
        self.root = None
        self.pids = set()
        self.semaphores = set()
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            if self.root is not None:
                try:
                    below = [p.pid for p in psutil.Process(self.root).children(recursive=True)]
                except psutil.Error:
                    below = []
                self.pids.update(below)
                for pid in below:
                    self.semaphores |= _mapped_semaphores(pid)
            self.done.wait(self.every)

    def stop(self):
        self.done.set()
        self.join()


def prepare(tmp, case):
    """Lay out a submission with the hostile module (and a correct 02_queue): the CLI's args."""
    sub, pid_dir, cli_cwd, grader_tmp = (tmp / "sub", tmp / "pids", tmp / "cli-cwd", tmp / "grader-tmp")
    for folder in (sub / "01_process", pid_dir, cli_cwd, grader_tmp):
        folder.mkdir(parents=True)
    source = (HOSTILE / ((case.module or case.name) + ".py")).read_text(encoding="utf-8")
    (sub / "01_process" / "hello_process.py").write_text(
        source.replace(PID_PLACEHOLDER, str(pid_dir)), encoding="utf-8")
    args = ["grade", str(sub), "--format", "json", "--exercise", "01_process"]
    if case.other:
        (sub / OTHER[0]).mkdir()
        shutil.copyfile(ROOT / "solutions" / OTHER[0] / OTHER[1], sub / OTHER[0] / OTHER[1])
        args += ["--exercise", OTHER[0]]
    return args + case.extra_args


def run_cli(tmp, case, args, cgroups):
    """Run the CLI in a subprocess (its own session and cgroups, cwd tmp/cli-cwd, TMPDIR
    tmp/grader-tmp)."""
    pid_dir, cli_cwd, grader_tmp = tmp / "pids", tmp / "cli-cwd", tmp / "grader-tmp"
    # the layers every user gets; as root, users of their own come on top (test_privileges.py)
    env = dict(os.environ, TMPDIR=str(grader_tmp), MPKIT_TIMEOUT_SCALE=case.scale, MPKIT_SEPARATE_USERS="0",
               MPKIT_SEMAPHORE_LOG=str(tmp / "semaphores.log"),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    env.pop("MPKIT_PLATFORM", None)
    if case.platform:
        env["MPKIT_PLATFORM"] = case.platform
    env.pop("MPKIT_WARM", None)
    if case.warm:
        env["MPKIT_WARM"] = case.warm
    sampler = PidSampler()
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "grader.cli", *args], cwd=str(cli_cwd), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=cgroups.enter)
    sampler.root = proc.pid
    sampler.start()
    try:
        out, err = proc.communicate(timeout=CLI_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        _sweep(str(tmp), pid_dir)
        pytest.fail("the CLI did not finish within %d s (hung); its processes were killed" % CLI_TIMEOUT_S)
    finally:
        sampler.stop()
    wall = time.monotonic() - started
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out.decode("utf-8", "replace"),
                                       err.decode("utf-8", "replace"))
    report = out
    if "--output" in args:
        written = cli_cwd / args[args.index("--output") + 1]
        report = written.read_bytes() if written.is_file() else b""
    try:
        results = json.loads(report.decode("utf-8"))
    except ValueError:
        results = None
    return Run(done, wall, results, tmp, pid_dir, cli_cwd, sampler.pids, sampler.semaphores)


def _log(case, run):
    line = {"case": case.id, "wall_s": round(run.wall_s, 1), "returncode": run.done.returncode,
            "verdicts": {name: t["status"] for name, t in run.tests().items()} if run.results else None,
            "other": ({name: t["status"] for name, t in run.tests(OTHER[0]).items()}
                      if run.results and case.other else None)}
    print("\n" + json.dumps(line))
    path = os.environ.get("MPKIT_HOSTILE_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")


# ---- extra checks -------------------------------------------------------------------------

def _children_were_started(run):
    assert any(run.pid_dir.iterdir()), "the hostile code never got to start its processes"


def _output_capped(run):
    output = run.tests()["greet_prints"]["output"]
    assert len(output) < 70 * 1024
    assert "more bytes of output were printed" in output


def _fake_results_not_believed(run):
    """The student printed a fake report and wrote it over results.json files, the grader's
    working folder included: what the grader reports is its own."""
    assert sum(t["score"] for t in run.tests().values()) == 0
    assert {t["exercise"] for t in run.results["tests"]} == {"01_process", OTHER[0]}
    assert json.loads((run.cli_cwd / "results.json").read_text())["score"] == 6, \
        "the hostile code did not get to write its fake results.json (the case tests nothing)"


def _runner_notes(run):
    notes = [json.loads(p.read_text()) for p in sorted(run.pid_dir.glob("warm-*.json"))]
    assert len(notes) >= len(HOSTILE_SCENARIOS), "the module noted %d imports" % len(notes)
    assert all(not n["leaks"] for n in notes), [n["leaks"] for n in notes if n["leaks"]]
    keys = [n["authkey"] for n in notes]
    assert len(set(keys)) == len(keys), "runners share multiprocessing's authentication key"
    return notes


def _warm_without_leaks(run):
    """Every runner was forked from the warm zygote, and none sees the trusted side's state."""
    assert {n["started"] for n in _runner_notes(run)} == {"warm"}


def _exec_without_leaks(run):
    """MPKIT_WARM=0: every runner is a fresh interpreter again, and the same checks hold."""
    assert {n["started"] for n in _runner_notes(run)} == {"exec"}


def _handed_its_own_driver(run):
    """The runner of greet_prints knew its own scenario's driver alone, without its judge: the
    other scenarios of 01_process (one of them hidden) and every judge stayed in the grader."""
    found = json.loads(run.tests()["greet_prints"]["output"].splitlines()[-1])
    assert found["scenarios"] == ["greet_prints"] and found["judges"] == 0, found
    assert "grader.judging.checks.common" not in found["modules"], found["modules"]


# ---- the cases ------------------------------------------------------------------------------

SOME = HOSTILE_SCENARIOS  # every scenario of 01_process
LOW_MEMORY = ["--memory-mb", "256"]  # the tree: 512 MB
FORK_BOMB = {"greet_prints": ("crashed", "more than 64 processes")}
CASES = [
    Case("fork_bomb", FORK_BOMB, check=_children_were_started),
    # a low memory_mb: the limit is met within a few big chunks, long before the timeout
    Case("memory_hog", {"greet_prints": ("crashed", "MemoryError")}, extra_args=LOW_MEMORY),
    Case("memory_tree", {"greet_prints": ("crashed", "more than 512 MB of memory")}, extra_args=LOW_MEMORY),
    # output is drained from a pipe as it comes: a flood costs time, never a crash of its own
    Case("output_flood", {"greet_prints": ("failed", "greet('world') printed 'xxxx")},
         check=_output_capped),
    Case("output_flood_sig_dfl", {"greet_prints": ("failed", "greet('world') printed 'xxxx")},
         check=_output_capped),
    Case("import_loop", {s: ("error", "never finished") for s in SOME}, scale="0.3"),
    Case("import_block", {s: ("error", "never finished") for s in SOME}, scale="0.3"),
    Case("import_sys_exit", {s: ("error", "sys.exit(3)") for s in SOME}),
    Case("import_os_exit", {s: ("error", "exit code 7") for s in SOME}),
    Case("clear_event_log", {s: ("error", None) for s in SOME},
         forbid={s: "problem of the grading kit" for s in SOME}),
    Case("stubborn_children", {"greet_prints": ("not_joined", "3 process(es) it started had not been"),
                               "run_greeting_in_child": ("not_joined", "had not been waited for")},
         check=_children_were_started),
    Case("semaphore_leak", {"greet_prints": ("crashed", "SIGKILL")}, check=_children_were_started),
    Case("setsid_escapee", {"greet_prints": ("leaked_processes", "left 1 process")},
         check=_children_were_started),
    Case("disguised_escapee", {"greet_prints": ("leaked_processes", "left 1 process")},
         check=_children_were_started),
    Case("kill_parent", {"greet_prints": ("crashed", "kill its parent"),
                         "run_greeting_in_child": ("crashed", "SIGKILL"),
                         "start_in_background": ("crashed", "SIGKILL")}),
    Case("kill_grandparent", {"greet_prints": ("crashed", "kill its parent")}),
    Case("orphan_without_marker", {"greet_prints": ("crashed", "kill its parent")},
         check=_children_were_started),
    Case("stop_parent", {"greet_prints": ("timeout", "did not come back")}, scale="0.3"),
    Case("close_fds_import", {s: ("error", None) for s in SOME},
         forbid={s: "stopped the interpreter while being imported" for s in SOME}),
    Case("close_fds_call", {"greet_prints": ("crashed", None)},
         forbid={"greet_prints": "(exit code 0)"}),
    Case("delete_files", {"greet_prints": ("failed", "printed ''")}),
    Case("delete_scenario_folder", {"greet_prints": ("failed", None)},
         forbid={"greet_prints": "kill its parent"}),
    Case("deep_recursion", {"greet_prints": [("crashed", "RecursionError"), ("crashed", "SIGSEGV"),
                                             ("timeout", None)],
                            # C recursion: a segfault up to 3.11, a RecursionError from 3.12
                            "run_greeting_in_child": [("crashed", "setrecursionlimit"),
                                                      ("crashed", "RecursionError")]}),
    Case("huge_traceback", {"greet_prints": ("crashed", "ValueError"),
                            "run_greeting_in_child": ("crashed", "ValueError")}, scale="0.3"),
    Case("odd_returns", {"greet_prints": ("failed", "goodbye world"),
                         "run_greeting_in_child": ("no_process", "never started a process"),
                         "start_in_background": ("failed", "unrepresentable Unshowable")}),
    Case("slow_repr", {"start_in_background": ("timeout", "in __repr__")}, scale="0.3"),
    Case("non_utf8_output", {"greet_prints": ("failed", "printed ''")}),
    Case("lone_surrogates", {"greet_prints": ("crashed", "ValueError"),
                             "run_greeting_in_child": ("crashed", "ValueError")}),
    Case("monkeypatch_grader", {"greet_prints": ("failed", "printed ''"),
                                "run_greeting_in_child": ("no_process", None)},
         forbid={"start_in_background": "Importing hello_process.py never finished"}),
    Case("env_tampering", {"greet_prints": ("passed", None),
                           "run_greeting_in_child": ("no_process", "in the calling process"),
                           "start_in_background": ("failed", "should return the started")}),
    Case("fake_results", {}, check=_fake_results_not_believed),
    Case("fake_results_output", {}, module="fake_results", check=_fake_results_not_believed,
         extra_args=["--output", "report.json"]),
    Case("forged_events", {"greet_prints": ("failed", "printed ''")}),
    Case("deep_events", {"greet_prints": ("failed", "printed ''")}),
    Case("forged_answer", {"greet_prints": ("error", "could not read what the scenario")}),
    Case("report_injection", {"greet_prints": ("failed", "printed '\\x1b[2J"),
                              "run_greeting_in_child": ("crashed", "ValueError"),
                              "start_in_background": ("failed", None)}),
    # one confirmed write event of 3.5 million lines: drawing its timeline was quadratic (198 s)
    Case("forged_newlines", {"greet_prints": ("failed", "printed")}),
    Case("forged_child_output", {"run_greeting_in_child": ("failed", "in the child printed ''")}),
    Case("disk_filler", {"greet_prints": ("failed", "printed ''")}),
    Case("read_hidden_checks", {"greet_prints": ("failed", None)}, check=_handed_its_own_driver),
    Case("warm_leaks", {s: ("passed", None) for s in SOME}, other=False, check=_warm_without_leaks),
    Case("warm_leaks", {s: ("passed", None) for s in SOME}, other=False, check=_exec_without_leaks,
         warm="0"),
]


# The same containment along the fallback paths of platforms without a subreaper, /proc wait
# states, pidfds or cgroups (macOS), and also without fork, stack dumps or rlimits (Windows):
# MPKIT_PLATFORM makes the kit take those paths here (see grader/system.py).
ESCAPE = {"greet_prints": ("leaked_processes", "left 1 process")}
PORTABLE_CASES = [
    Case("fork_bomb", FORK_BOMB, check=_children_were_started, platform="macos"),
    Case("fork_bomb", FORK_BOMB, check=_children_were_started, platform="windows"),
    Case("setsid_escapee", ESCAPE, check=_children_were_started, platform="macos"),
    Case("setsid_escapee", ESCAPE, check=_children_were_started, platform="windows"),
    Case("kill_parent", {"greet_prints": ("crashed", "kill its parent")}, platform="macos"),
    Case("kill_parent", {"greet_prints": ("crashed", "kill its parent")}, platform="windows"),
    Case("stubborn_children", {"greet_prints": ("not_joined", "3 process(es) it started had not been")},
         check=_children_were_started, platform="windows"),
    # no RLIMIT_AS: the tree's memory is watched; output is drained from a pipe everywhere
    Case("output_flood", {"greet_prints": ("failed", "greet('world') printed 'xxxx")},
         check=_output_capped, platform="windows"),
    Case("memory_hog", {"greet_prints": ("crashed", "more than 512 MB of memory")}, platform="windows",
         extra_args=LOW_MEMORY),
]


def _param(case):
    marks = [pytest.mark.xfail(strict=True, raises=case.xfail_raises, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES + PORTABLE_CASES])
def test_hostile_submission(tmp_path, case, record_property):
    cgroups = OwnCgroups()
    args = prepare(tmp_path, case)
    submission_before = _snapshot(tmp_path / "sub")
    wrong_verdict = None
    try:
        run = run_cli(tmp_path, case, args, cgroups)
        record_property("wall_s", round(run.wall_s, 2))
        _log(case, run)
        try:
            _check(run, case)
        except AssertionError as exc:
            wrong_verdict = exc
    finally:
        procs, noted = _leftovers(tmp_path, tmp_path / "pids")
        _sweep(str(tmp_path), tmp_path / "pids")
        cgroups_left = cgroups.below()  # below this case's own: nobody else's
        cgroups.remove()  # tidy up the machine, then report
    problems = []
    if procs:
        problems.append("processes of the scenario left running: %s" % procs)
    if noted:
        problems.append("pids the hostile code noted still alive: %s" % noted)
    ours = _logged_semaphores_left(tmp_path)
    if ours:
        problems.append("semaphores this case's scenarios made left in /dev/shm: %s" % ours)
    # those this case's processes were seen to map: another run's beside it are none of them
    unknown = {n for n in run.semaphores if (SHM / n).exists()} - {"sem." + n.lstrip("/") for n in ours}
    if unknown:
        problems.append("semaphores this case's processes made left in /dev/shm that no scenario "
                        "reported (one that cleared its event log): %s" % sorted(unknown))
    if _snapshot(tmp_path / "sub") != submission_before:
        problems.append("the submission folder was modified")
    if list((tmp_path / "grader-tmp").iterdir()):
        problems.append("scenario folders left in the grader's temporary folder: %s"
                        % sorted(p.name for p in (tmp_path / "grader-tmp").iterdir()))
    if problems:
        raise LeftBehind("; ".join(problems))
    if cgroups_left:
        raise CgroupsLeft("cgroup folders of the scenario left behind: %s" % cgroups_left)
    if wrong_verdict is not None:
        raise wrong_verdict


def _check(run, case):
    done = run.done
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert run.results is not None, "the CLI's stdout is not one JSON object: %r" % done.stdout[-500:]
    clean = all(case.expect.get(name) == ("passed", None) for name in HOSTILE_SCENARIOS)
    assert done.returncode == (0 if clean else 1), (done.returncode, done.stderr[-2000:])
    tests = run.tests()
    assert set(tests) == set(HOSTILE_SCENARIOS)
    for name, test in tests.items():
        expected = case.expect.get(name)
        if expected is None:
            assert test["status"] != "passed", (name, test["message"])
            assert test["message"].strip(), "%s: a verdict without a message" % name
            continue
        alternatives = expected if isinstance(expected, list) else [expected]
        assert any(test["status"] == status and (not fragment or fragment in test["message"])
                   for status, fragment in alternatives), \
            (name, "expected one of %s" % alternatives, test["status"], test["message"][:2000])
        if test["status"] != "passed":
            assert test["message"].strip(), "%s: a verdict without a message" % name
    for name, fragment in case.forbid.items():
        assert fragment not in tests[name]["message"], (name, "misleading", tests[name]["message"][:2000])
    if case.other:
        other = run.tests(OTHER[0])
        assert other and all(t["status"] == "passed" for t in other.values()), \
            {n: (t["status"], t["message"][:300]) for n, t in other.items()}
    if case.check:
        case.check(run)
