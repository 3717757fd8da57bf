"""Grade a submission: plan one job per (exercise, scenario, start method), run each under its
own supervisor, in parallel, and judge the reports. One broken job never costs another's grade.
"""
import contextlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from grader.engine import isolation, safe_files, shake, system
from grader.engine.workers import UnreadableReport, resume as resume_scenarios, \
    stop as stop_scenarios, supervise, warm_up
from grader.judging import handover, judge as judging
from grader.judging.outcomes import ERROR, PASSED
from grader.judging.verdict import Verdict
from grader.messages import current_language, in_notebook, language, notebook_messages, text
from grader.reports import timeline as timelines

BACKSTOP_EXTRA_S = 30.0
MAX_MODULE_BYTES = 1024 * 1024
# judging a pass's report and drawing its timeline, every step of which is capped: taking
# longer (scaled by MPKIT_TIMEOUT_SCALE; MPKIT_EVIDENCE_BUDGET_S sets it) is an error of the test
EVIDENCE_BUDGET_S = 20.0


class GradingError(Exception):
    """A usage problem (bad folder, bad option): the message names what is at fault."""


def timeout_scale():
    raw = os.environ.get("MPKIT_TIMEOUT_SCALE", "1")
    try:
        scale = float(raw)
    except ValueError:
        raise GradingError("MPKIT_TIMEOUT_SCALE must be a number, not %r" % raw)
    if not scale > 0:
        raise GradingError("MPKIT_TIMEOUT_SCALE must be greater than 0, not %r" % raw)
    return scale


def evidence_budget():
    """Seconds judging and drawing one pass's evidence may take."""
    raw = os.environ.get("MPKIT_EVIDENCE_BUDGET_S")
    if raw is None:
        return EVIDENCE_BUDGET_S * timeout_scale()
    try:
        budget = float(raw)
    except ValueError:
        budget = -1.0
    if not budget >= 0:
        raise GradingError("MPKIT_EVIDENCE_BUDGET_S must be a number of seconds, not %r" % raw)
    return budget


def check_environment():
    """Raise GradingError when an MPKIT_ variable of the environment is wrong."""
    timeout_scale()
    evidence_budget()
    try:
        shake.requested()
        isolation.requested()
        isolation.uid_range()
    except ValueError as exc:
        raise GradingError(str(exc))
    problem = system.emulation_error()
    if problem:
        raise GradingError(problem)


def scenario_timeout(exercise):
    """The wall-clock limit of one scenario: the manifest's, scaled by MPKIT_TIMEOUT_SCALE."""
    return exercise.timeout * timeout_scale()


def backstop_timeout(exercises):
    """For pytest-timeout: longer than any scenario plus the supervisor's cleanup."""
    check_environment()
    return max(scenario_timeout(e) for e in exercises) + BACKSTOP_EXTRA_S


@dataclass
class Job:
    submission: str
    exercise: object
    scenario: object
    start_method: str
    lang: str = field(default_factory=current_language)  # of the messages; the planner's
    notebook: bool = field(default_factory=in_notebook)  # the messages speak of notebook cells


def plan(submission, exercises, start_methods):
    """One job per scenario and start method; an exercise that names its own start methods
    (`start_methods` in the manifest) is graded under those whatever was asked."""
    return [Job(submission, exercise, scenario, method)
            for exercise in exercises
            for scenario in exercise.scenarios()
            for method in exercise.methods_for(start_methods)]


def start_zygotes(jobs=None):
    """Start the zygotes now, one per scenario to run at once (engine/workers.py): each
    interpreter starts and imports what runners need while the caller loads the checks and
    plans, which takes about as long."""
    warm_up(max(1, jobs or os.cpu_count() or 1))


def grade(submission, exercises, start_methods, jobs=None, on_verdict=None):
    """Verdicts for every scenario of `exercises` in `submission`, in manifest order."""
    planned = plan(submission, exercises, start_methods)
    warm_up(min(len(planned), max(1, jobs or os.cpu_count() or 1)))  # starting while the checks run
    check_environment()
    return run_jobs(planned, jobs, on_verdict)


def run_jobs(planned, jobs=None, on_verdict=None):
    """Run jobs `jobs` at a time (default: one per core); verdicts in the order planned."""
    workers = max(1, jobs or os.cpu_count() or 1)

    def one(job):
        verdict = run_job(job)
        if on_verdict:
            on_verdict(verdict)
        return verdict

    if workers == 1:
        return [one(job) for job in planned]
    pool = ThreadPoolExecutor(max_workers=workers)  # zygotes stay, idle, for the next grading
    try:
        return list(pool.map(one, planned))
    except BaseException:  # Ctrl-C: what still runs stops with its zygote, and nothing starts
        pool.shutdown(wait=False, cancel_futures=True)
        stop_scenarios()
        pool.shutdown(wait=True)
        resume_scenarios()
        raise
    finally:
        pool.shutdown(wait=True)


def _copy_submission(job, workdir):
    """Copy the exercise's module, and nothing else of the submission, into the scenario's own
    folder: nothing the student's code does to its files reaches the submission itself, and
    no other file of it (a test file, a conftest.py, a grader.py, a checks module) is ever
    where an import can find it. Returns (the module's folder, the grader's own copy of its
    text, or None when there is none to copy). The module is read without following a link
    (safe_files.Refused, for the caller to report): the grader may be able to read what it
    points to, a reference solution or a root-only file, and the student must not."""
    target = os.path.join(workdir, "submission", job.exercise.folder)
    os.makedirs(target)
    data = _module_bytes(job)
    if data is None:
        return target, None
    with open(os.path.join(target, job.exercise.filename), "wb") as f:
        f.write(data)
    return target, data.decode("utf-8", "replace")


def _module_bytes(job):
    """The module as handed in, or None when it is missing or larger than MAX_MODULE_BYTES
    (the import then fails and says so)."""
    relative = os.path.join(job.exercise.folder, job.exercise.filename)
    try:
        data, size = safe_files.read(os.path.join(job.submission, relative),
                                     MAX_MODULE_BYTES + 1, beneath=job.submission)
    except safe_files.Refused:
        raise
    except OSError:  # missing, or unreadable
        return None
    return data if size <= MAX_MODULE_BYTES else None


def refused_text(exc, file):
    """What the student reads about their `file`, which safe_files refused (`exc`)."""
    return text("submission_link" if exc.reason == safe_files.LINK else "submission_special",
                file=file)


def _refused(job, exc):
    """The verdict of a module that is a link or a special file: it was not read."""
    file = "%s/%s" % (job.exercise.folder, job.exercise.filename)
    return Verdict(exercise=job.exercise.folder, name=job.scenario.name, status=ERROR,
                   max_score=job.scenario.points, message=refused_text(exc, file),
                   start_method=job.start_method, hidden=job.scenario.hidden)


def supervisor_job(job, workdir, module_dir, timeout, scenario=None, runner=None):
    """What the supervisor of one pass needs. `runner` replaces the runner's part of the job
    (a plain pytest test's call); `scenario` gives the options (the job's own by default)."""
    exercise, scenario = job.exercise, scenario or job.scenario
    key = "%s/%s/%s" % (exercise.folder, job.scenario.name, job.start_method)
    runner = runner or {
        "module": exercise.module,
        "checks": exercise.checks,
        "scenario": job.scenario.name,
        "start_method": job.start_method,
        "code": hand_over(workdir, exercise.checks, scenario=job.scenario.name),
    }
    return {
        "shake": shake.job_part(shake.requested(), key, timeout),
        "workdir": workdir,
        "module_dir": module_dir,
        "timeout": timeout,
        "gate": scenario.gate,
        "child_exit": scenario.child_exit,
        "separate_users": isolation.requested(),
        "private_view": isolation.view_requested(),
        "hide": off_limits(job.submission),
        # MPKIT_EARLY_DEADLOCK=0 waits for the timeout, as on platforms without /proc
        "detect_deadlock": os.environ.get("MPKIT_EARLY_DEADLOCK", "1") != "0",
        "limits": dict(exercise.limits, tree_memory_mb=judging.tree_memory_mb(exercise)),
        "grader_view": _grader_view(runner),
        "runner": runner,
    }


def hand_over(workdir, module, scenario=None, function=None):
    """The runner's copy of its own driver's code (judging/handover.py), written into the
    scenario's folder (its user may read it, only the grader write it): what the runner's job
    says of it, or None when the module has no source to hand (then it is imported as is)."""
    source, origin = handover.driver_source(module, scenario, function)
    if source is None:
        return None
    path = os.path.join(workdir, "driver.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    os.chmod(path, 0o644)
    return {"module": module, "origin": origin, "path": path}


def _grader_view(runner):
    """The files of the grader a runner imports, which are all its view shows of the grader
    (None: the whole grader, for a checks module imported as it is)."""
    if "call" in runner:
        module, _, function = (runner["call"].get("driver") or "").partition(":")
        return handover.view_of(module, function=function) if module else handover.view_files("")
    return handover.view_of(runner["checks"], runner["scenario"])


def off_limits(submission):
    """Folders a scenario must not see where the kernel lets the supervisor hide them: the
    submissions (the scenario runs its own copy), the folders a class is graded from and into
    (`also_off_limits`), the grading process's working folder, the machine's service sockets
    (SERVICE_SOCKETS, all but the scenarios' own folders there), and of a checkout of the kit
    everything but the grader it runs (the reference solutions, the tests, notebooks, a build,
    .git), and every other installed copy of the grader (its checks hold the hidden tests)."""
    kit = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folders = [submission, os.path.dirname(os.path.abspath(submission)), os.getcwd(), kit]
    folders += _OFF_LIMITS + _other_graders() + SERVICE_SOCKETS
    return [os.path.abspath(f) for f in folders]


# where the machine's services keep their unix sockets (a database, Docker, D-Bus): a network
# namespace covers loopback and abstract sockets, not a socket reached through the file system
SERVICE_SOCKETS = ["/run"] if sys.platform.startswith("linux") else []
_OFF_LIMITS = []  # folders a run grades from or writes into (grade-batch's class, its outputs)


@contextlib.contextmanager
def also_off_limits(folders):
    """Keep `folders` out of every scenario's view while the block runs (grade-batch: the
    class's submissions, the grades, feedback and state folders)."""
    added = [os.path.abspath(f) for f in folders if f]
    _OFF_LIMITS.extend(added)
    try:
        yield
    finally:
        for folder in added:
            _OFF_LIMITS.remove(folder)


def _other_graders():
    """Copies of the grader package installed beside the one running (site-packages, a
    checkout's build/lib), which a view would otherwise show whole."""
    import site

    here = os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
    roots = list(getattr(site, "getsitepackages", lambda: [])()) + [site.getusersitepackages()]
    found = [os.path.join(root, "grader") for root in roots if isinstance(root, str)]
    return [f for f in found if os.path.isdir(f) and os.path.realpath(f) != here]


def stdlib_names():
    names = getattr(sys, "stdlib_module_names", None)  # Python 3.10+
    if names:
        return set(names)
    return {"queue", "threading", "multiprocessing", "os", "sys", "time", "signal", "socket",
            "select", "pipes", "test", "random", "string", "types", "io", "code", "token",
            "json", "pickle", "copy", "struct", "weakref", "traceback", "tempfile", "shutil"}


def _shadowing(job):
    """The first file of the exercise's folder named like a standard-library module, or None."""
    folder = os.path.join(job.submission, job.exercise.folder)
    stdlib = stdlib_names()
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".py") and name[:-3] in stdlib:
            return name
    return None


def run_job(job):
    """The verdict of one job, its messages in the job's language (it runs in a pool's thread,
    which does not share the planner's language)."""
    with language(job.lang), notebook_messages(job.notebook):
        return _run_job(job)


def _run_job(job):
    shadow = _shadowing(job)
    if shadow:
        return Verdict(exercise=job.exercise.folder, name=job.scenario.name, status=ERROR,
                       max_score=job.scenario.points, message=text("shadows_stdlib", file=shadow),
                       start_method=job.start_method, hidden=job.scenario.hidden)
    try:
        _module_bytes(job)  # a link is refused here, before any pass (a pytest test's catches all)
    except safe_files.Refused as exc:
        return _refused(job, exc)
    started = time.monotonic()
    evidence = _Evidence(job, evidence_budget())
    try:
        status, message, output, events = _passes(job, evidence.drawing)
    except safe_files.Refused as exc:  # made a link while the job ran
        return _refused(job, exc)
    except UnreadableReport as exc:  # this test alone; the run goes on
        status, message, output, events = ERROR, text("unreadable_report", call=job.scenario.call,
                                                      detail=str(exc)), "", []
    timeline = evidence.drawn[-1] if evidence.drawn and status != PASSED else None
    if evidence.slow:  # every step is capped, so this is rare: the verdict may not be whole
        status, timeline, message = ERROR, None, text(
            "evidence_too_slow", call=job.scenario.call, seconds="%.1f" % max(evidence.slow),
            limit="%g" % evidence.budget)
    return Verdict(exercise=job.exercise.folder, name=job.scenario.name, status=status,
                   max_score=job.scenario.points, message=message, output=output,
                   start_method=job.start_method, duration_s=round(time.monotonic() - started, 3),
                   hidden=job.scenario.hidden, events=events, timeline=timeline)


class _Evidence:
    """Reads each pass's report (judging it) and draws its timeline, measuring how long that
    took: `drawn` holds the timelines (the last is the verdict's), `slow` the seconds of each
    pass whose evidence took longer than `budget`."""

    def __init__(self, job, budget):
        self.job, self.budget, self.drawn, self.slow = job, budget, [], []

    def drawing(self, scenario, read):
        def read_and_draw(report, module_dir, timeout):
            began = time.monotonic()
            try:  # a plain pytest test's read raises its verdict (a deadlock's): drawn all the same
                return read(report, module_dir, timeout)
            finally:
                if report:
                    self.drawn.append(_timeline(report, self.job, scenario or self.job.scenario, module_dir))
                spent = time.monotonic() - began
                if spent > self.budget:
                    self.slow.append(spent)
        return read_and_draw


def _passes(job, drawing):
    """(status, message, output, events) of the job's scenario: one pass, or a plain pytest
    test's passes, one per call."""
    run_test = getattr(job.scenario, "run_test", None)
    if run_test is None:
        return one_pass(job, None, None, drawing(None, lambda *seen: _judge(job, *seen)))
    return run_test(job.exercise, job.start_method,  # a plain pytest test: a pass per call
                    lambda scenario, call, read: one_pass(job, scenario, call, drawing(scenario, read)))


def _timeline(report, job, scenario, module_dir):
    """The timeline of a scenario's pass, or None: drawing it never costs the verdict."""
    try:
        blocked = judging.blocked_at(report, scenario, job.exercise, module_dir, job.start_method)
        return timelines.build(report, blocked)
    except Exception:  # noqa: BLE001 - a report of a shape the drawing cannot read
        return None


def one_pass(job, scenario, call, read):
    """One supervised run in a fresh folder: `job`'s scenario, or `scenario` making `call` (a
    plain pytest test's). Returns read(report, module_dir, timeout), called while the
    scenario's folder still exists."""
    workdir = tempfile.mkdtemp(prefix="mpkit-", dir=isolation.scenarios_folder())
    try:
        module_dir, source = _copy_submission(job, workdir)
        timeout = scenario_timeout(job.exercise)
        runner = None if call is None else _call_runner(job, workdir, call)
        report = supervise(supervisor_job(job, workdir, module_dir, timeout, scenario, runner),
                           timeout + BACKSTOP_EXTRA_S)
        if report is not None and source is not None:  # source lines come from here, never
            report["grader_copy"] = {job.exercise.filename: source}  # from the scenario's folder
        _log_semaphores((report or {}).get("events", []))
        return read(report, module_dir, timeout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _call_runner(job, workdir, call):
    """The runner's part of a plain call's job: its arguments go in a file the runner reads
    before it imports the student's module (too large for a command line, never secret)."""
    path = os.path.join(workdir, "call.pickle")
    with open(path, "wb") as f:
        pickle.dump(call["args"], f)
    os.chmod(path, 0o644)
    module, _, function = (call.get("driver") or "").partition(":")
    return {"module": job.exercise.module, "start_method": job.start_method,
            "call": {"function": call["function"], "label": call["label"], "driver": call.get("driver"),
                     "args_path": path, "code": hand_over(workdir, module, function=function) if module else None}}


def _judge(job, report, module_dir, timeout):
    """(status, message, output, events). The judge is total: an observation of a shape it
    cannot read (made by the student's code, which runs where the observations are written)
    is an error of this one test, never a crash of the run."""
    events = (report or {}).get("events", [])
    try:
        status, message = judging.judge(report, job.scenario, job.exercise, module_dir, timeout,
                                        job.start_method)
        return status, message, judging.output_of(report or {}, module_dir), events
    except Exception as exc:  # noqa: BLE001 - whatever the report held
        return ERROR, text("unreadable_report", call=job.scenario.call, detail=type(exc).__name__), "", events


def _log_semaphores(events):
    """With MPKIT_SEMAPHORE_LOG set (the kit's tests set it), note the name of every named
    semaphore a scenario made, so a leak check can look for exactly those in /dev/shm."""
    path = os.environ.get("MPKIT_SEMAPHORE_LOG")
    names = {e["name"] for e in events  # a name of another type is not the hooks' (hashable or not)
             if e.get("kind") == "semlock" and isinstance(e.get("name"), str) and e["name"]}
    if path and names:
        with open(path, "a", encoding="utf-8") as log:
            log.write("".join("%s\n" % name for name in sorted(names)))
