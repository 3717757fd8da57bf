"""mpkit's pytest plugin: the graded tests of `mpkit grade`, run by pytest.

    pytest --mpkit exercises [--mpkit-exercise queue]... [--mpkit-start-method METHOD|all] [--mpkit-shake SEED]

Every (exercise, scenario, start method) becomes one test, named like
``02_queue::collect_tutorial[fork]`` and graded exactly as `mpkit grade` grades it. The submission
and the start method may also come from the environment (MPKIT_SUBMISSION, MPKIT_START_METHOD)
or the ini file (mpkit_submission, mpkit_start_method); the command line wins over the
environment, which wins over the ini file. With no submission the plugin does nothing: it is
installed for every project, so it must stay out of their way.
"""
import os
from pathlib import Path

import pytest

SUBMISSION = ("--mpkit", "MPKIT_SUBMISSION", "mpkit_submission")
START_METHOD = ("--mpkit-start-method", "MPKIT_START_METHOD", "mpkit_start_method")
EXERCISE = "--mpkit-exercise"
SHAKE = "--mpkit-shake"

FAILURE = "[{status}] {message}"
OUTPUT = "output:"
POINTS = "mpkit: {name} {score}/{max_score}"
NEEDS_SUBMISSION = ("{option} needs a submission: give --mpkit PATH, set MPKIT_SUBMISSION or "
                    "the mpkit_submission ini option")
NO_PATHS = ("--mpkit runs the graded tests of the submission only; drop the path arguments "
            "({args}) and narrow the run with --mpkit-exercise or -k")


def pytest_addoption(parser):
    group = parser.getgroup("mpkit", "mpkit graded exercises")
    group.addoption("--mpkit", metavar="PATH", help="run the graded tests of the submission at "
                    "PATH (a folder laid out like exercises/) instead of collecting test files. "
                    "Env: MPKIT_SUBMISSION")
    group.addoption("--mpkit-exercise", action="append", metavar="NAME",
                    help="only this exercise: a folder such as 02_queue, its topic (queue) or its number (2) (repeatable)")
    group.addoption("--mpkit-start-method", metavar="METHOD", help="fork, spawn, forkserver or "
                    "all (default: the platform's own). Env: MPKIT_START_METHOD")
    group.addoption(SHAKE, metavar="SEED", help="shake the schedules on purpose: small "
                    "random delays where processes interleave, reproducible from SEED. Env: MPKIT_SHAKE")
    parser.addini("mpkit_submission", "the submission folder to grade, relative to the ini file")
    parser.addini("mpkit_start_method", "fork, spawn, forkserver or all")


def _option(config, flag):
    return config.getoption(flag.lstrip("-").replace("-", "_"))


def _setting(config, names):
    """(value, where it came from) for an option, or (None, None): like pytest-timeout, the
    command line wins over the environment, which wins over the ini file."""
    flag, env, ini = names
    if _option(config, flag) is not None:
        return _option(config, flag), flag
    if os.environ.get(env):
        return os.environ[env], env
    if config.getini(ini):
        return config.getini(ini), ini
    return None, None


def pytest_configure(config):
    # the markers of graded tests, also for a plain pytest run that imports a test module
    config.addinivalue_line("markers", "points(n): points a graded test is worth")
    config.addinivalue_line("markers", "hidden: a hidden graded test")
    submission, where = _setting(config, SUBMISSION)
    if submission is None:
        for flag in (EXERCISE, START_METHOD[0], SHAKE):
            if _option(config, flag) is not None:
                raise pytest.UsageError(NEEDS_SUBMISSION.format(option=flag))
        return
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        raise pytest.UsageError(NO_PATHS.format(args=" ".join(config.args)))
    from grader import grading, options
    from grader.course import manifest

    from_ini = where == SUBMISSION[2] and config.inipath is not None
    base = config.inipath.parent if from_ini else config.invocation_params.dir
    try:
        exercises = options.validate_exercises(_option(config, EXERCISE), manifest.load(), EXERCISE)
        methods = options.validate_start_method(*_setting(config, START_METHOD))
        path = options.validate_path(os.path.join(str(base), submission), exercises, where)
        seed = options.validate_shake(_option(config, SHAKE), SHAKE)
        backstop = grading.backstop_timeout(exercises)
    except (options.UsageError, grading.GradingError, manifest.ManifestError) as exc:
        raise pytest.UsageError(str(exc))
    run = GradedRun(os.path.abspath(path), exercises, methods, backstop, seed)
    config.pluginmanager.register(run, "mpkit-graded-run")


class GradedRun:
    """The plugin of a run with a submission: collects the graded tests and adds up the points."""

    def __init__(self, submission, exercises, methods, backstop, seed=None):
        self.submission = submission
        self.seed = seed  # of shaken schedules, or None
        self.exercises = exercises
        self.methods = methods
        self.backstop = backstop
        self.points = {}  # exercise folder -> [score, max_score] of the tests that ran

    def pytest_report_header(self):
        own = ["%s: %s" % (e.folder, ", ".join(e.methods_for(self.methods))) for e in self.exercises
               if e.methods_for(self.methods) != list(self.methods)]  # a manifest's start_methods
        return "mpkit: grading %s (%s) under %s%s%s" % (
            self.submission, ", ".join(e.folder for e in self.exercises), ", ".join(self.methods),
            " (%s)" % "; ".join(own) if own else "",
            "" if self.seed is None else "; schedules shaken with seed %d (--mpkit-shake %d)" % (self.seed, self.seed))

    @pytest.hookimpl(tryfirst=True)
    def pytest_make_collect_report(self, collector):
        """The session collects one node per exercise, and nothing else: no test files."""
        if not isinstance(collector, pytest.Session):
            return None
        nodes = [ExerciseTests.from_parent(collector, name=e.folder, nodeid=e.folder, exercise=e,
                                           path=Path(self.submission, e.folder), graded_run=self)
                 for e in self.exercises]
        return pytest.CollectReport(collector.nodeid, "passed", None, nodes)

    def pytest_runtest_logreport(self, report):
        props = dict(report.user_properties)
        if report.when == "call" and "exercise" in props:
            points = self.points.setdefault(props["exercise"], [0, 0])
            points[0] += props.get("score", 0)
            points[1] += props["max_score"]

    def pytest_terminal_summary(self, terminalreporter):
        if not self.points:
            return
        terminalreporter.section("mpkit points", sep="-")
        for exercise in self.exercises:
            if exercise.folder in self.points:
                score, top = self.points[exercise.folder]
                terminalreporter.write_line(POINTS.format(name=exercise.folder, score=_num(score),
                                                          max_score=_num(top)))
        total = [sum(p[i] for p in self.points.values()) for i in (0, 1)]
        terminalreporter.write_line(POINTS.format(name="total", score=_num(total[0]),
                                                  max_score=_num(total[1])))


class ExerciseTests(pytest.Collector):
    def __init__(self, *, graded_run, exercise, **kwargs):
        super().__init__(**kwargs)
        self.graded_run = graded_run
        self.exercise = exercise

    def collect(self):
        for scenario in self.exercise.scenarios():
            for method in self.exercise.methods_for(self.graded_run.methods):
                yield GradedTest.from_parent(self, name="%s[%s]" % (scenario.name, method),
                                             scenario=scenario, start_method=method)


class GradedFailure(Exception):
    """A verdict other than passed; repr_failure shows the verdict, not this plugin's code."""

    def __init__(self, verdict):
        super().__init__(verdict.status)
        self.verdict = verdict


class GradedTest(pytest.Item):
    def __init__(self, *, scenario, start_method, **kwargs):
        super().__init__(**kwargs)
        self.scenario = scenario
        self.start_method = start_method
        self.add_marker(pytest.mark.points(scenario.points))
        if scenario.hidden:
            self.add_marker(pytest.mark.hidden)
        if self.config.pluginmanager.hasplugin("timeout"):
            self.add_marker(pytest.mark.timeout(self.parent.graded_run.backstop))
        self.user_properties += [("exercise", self.parent.exercise.folder), ("name", scenario.name),
                                 ("max_score", scenario.points), ("start_method", start_method)]

    def runtest(self):
        from grader import grading

        job = grading.Job(self.parent.graded_run.submission, self.parent.exercise, self.scenario,
                          self.start_method)
        verdict = grading.run_job(job)
        self.user_properties += [("status", verdict.status), ("score", verdict.score)]
        if not verdict.passed:
            raise GradedFailure(verdict)

    def repr_failure(self, excinfo):
        if not isinstance(excinfo.value, GradedFailure):
            return super().repr_failure(excinfo)
        verdict = excinfo.value.verdict
        lines = [FAILURE.format(status=verdict.status, message=verdict.message)]
        if verdict.output.strip():
            lines += [OUTPUT] + ["    " + line for line in verdict.output.rstrip().splitlines()]
        return "\n".join(lines)

    def reportinfo(self):
        return self.path, None, self.nodeid


def _num(value):
    return "%g" % value
