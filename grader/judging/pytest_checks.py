"""Graded tests written as plain pytest test functions.

A check module whose name starts with ``test_`` (``grader.judging.checks.test_queue``) holds
ordinary pytest tests::

    @pytest.mark.points(2)
    def test_collect(scenario):
        seen = scenario.call("collect", [1, 2])
        assert seen.ran_in_child("produce")
        assert seen.returned == [1, 2]

Each test is one graded scenario (named without its ``test_``), worth its ``points`` marker,
hidden with the ``hidden`` marker. The test runs in the grader; ``scenario.call`` runs one call
of the student's module as a real, supervised scenario (grader/grading.py) and hands back what
was observed (`Seen`), after the verdicts every scenario gets (deadlock, timeout, crashed,
not_joined...). The module is loaded with pytest's assertion rewriting, so a failing plain
``assert`` explains itself: the test's verdict is ``failed`` with pytest's message. An assert
whose whole expression is one of `Seen`'s evidence checks (``assert seen.ran_in_child(f)``)
gives that check's own verdict and message instead (no_process for a call that ran no child).
"""
import ast
import importlib.util
import sys
import types

from grader.engine.values import safe_repr, same
from grader.judging import judge as judging
from grader.judging.checks import common
from grader.judging.outcomes import ERROR, FAILED, PASSED, Fail
from grader.judging.scenario import Scenario
from grader.messages import text

FIXTURE = "scenario"
PREFIX = "test_"
CALL_OPTIONS = ("deadlock_hint", "explain_stuck", "allow_unjoined", "expect_child_failure",
                "gate", "child_exit")


class AuthoringError(Exception):
    """A graded test file is wrong; the message names the file, the test and what to change."""


def is_test_module(name):
    return name.rsplit(".", 1)[-1].startswith(PREFIX)


_loaded = {}


def scenarios_of(module_name):
    """The graded tests of a test module, as scenarios, in the order they are written."""
    if module_name not in _loaded:
        module = load(module_name)
        _loaded[module_name] = [TestScenario.of(function, module.__file__)
                                for name, function in vars(module).items()
                                if name.startswith(PREFIX) and isinstance(function, types.FunctionType)
                                and function.__module__ == module_name]
    return _loaded[module_name]


def load(module_name):
    """Import a test module with pytest's assertion rewriting, under its own name (so the
    runner can import its driver functions by name)."""
    from _pytest.assertion.rewrite import rewrite_asserts

    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        raise AuthoringError("the graded test module %s cannot be found: is `checks` in the "
                             "manifest right, and is it a .py file of an installed package?" % module_name)
    with open(spec.origin, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, filename=spec.origin)
    except SyntaxError as exc:
        raise AuthoringError("%s, line %s: %s" % (spec.origin, exc.lineno, exc.msg))
    rewrite_asserts(tree, source, spec.origin, None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        exec(compile(tree, spec.origin, "exec", dont_inherit=True), module.__dict__)
    except Exception as exc:  # noqa: BLE001 - the instructor's module, reported by name
        del sys.modules[module_name]
        raise AuthoringError("%s could not be loaded: %s: %s" % (spec.origin, type(exc).__name__, exc))
    return module


def _marks(function):
    return {mark.name: mark for mark in getattr(function, "pytestmark", [])}


class TestScenario(Scenario):
    """One plain pytest test as a graded scenario."""

    __test__ = False  # not a test class, for pytest itself

    @classmethod
    def of(cls, function, path):
        import inspect

        where = "%s, %s" % (path, function.__name__)
        marks = _marks(function)
        wanted = list(inspect.signature(function).parameters)
        if wanted != [FIXTURE]:
            raise AuthoringError("%s takes (%s): a graded test takes exactly one argument, the "
                                 "`%s` fixture" % (where, ", ".join(wanted), FIXTURE))
        points = marks["points"].args[0] if "points" in marks and marks["points"].args else None
        if not isinstance(points, (int, float)) or isinstance(points, bool) or points <= 0:
            raise AuthoringError("%s: give it @pytest.mark.points(n) with n a number above 0 "
                                 "(found %r)" % (where, points))
        made = cls(function.__name__[len(PREFIX):], points, None, function.__name__,
                   hidden="hidden" in marks)
        made.function = function
        made.judge_fn = function  # the test is its own judge
        made.doc = (function.__doc__ or "").strip()
        made.path = path
        return made

    def run_test(self, exercise, method, one_pass):
        """(status, message, output, events): the test run with a `scenario` fixture whose
        calls are passes made by `one_pass(scenario, call, read)` (grader/grading.py)."""
        fixture = Fixture(self, exercise, method, one_pass)
        try:
            self.function(fixture)
            for report, obs in fixture.passes:
                judging.leftovers(report, obs)
            status, message = PASSED, ""
        except Fail as fail:
            status, message = fail.status, fail.message
        except AuthoringError as exc:  # the test itself is wrong: `mpkit verify` shows it
            status, message = ERROR, str(exc)
        except AssertionError as exc:
            status, message = fixture.verdict_of(exc)
        except Exception as exc:  # noqa: BLE001 - the test's own code failed on what it saw
            status, message = FAILED, text("test_error", call=fixture.last_label or self.call,
                                           exc_type=type(exc).__name__, exc_message=safe_repr(str(exc)))
        return status, message, "\n".join(o for o in fixture.outputs if o), fixture.events


class Fixture:
    """The `scenario` fixture: `call` and `drive` run the student's code, supervised."""

    def __init__(self, test, exercise, method, one_pass):
        self.test = test
        self.exercise = exercise
        self.start_method = method
        self._one_pass = one_pass
        self.passes, self.outputs, self.events, self.refuted = [], [], [], []
        self.last_label = None

    def call(self, function, *args, label=None, **options):
        """Call the student's `function(*args)` in a fresh supervised scenario; the observed
        `Seen`. Options: deadlock_hint (a message key added to a deadlock's message),
        explain_stuck (observations -> a sentence for a deadlock), allow_unjoined,
        expect_child_failure, gate, child_exit (see grader/judging/scenario.py)."""
        label = label or "%s(%s)" % (function, ", ".join(safe_repr(a, 60) for a in args))
        return self._pass(function, args, label, None, options)

    def drive(self, driver, *args, label=None, **options):
        """Run `driver(run, *args)` next to the student's module (a top-level function of an
        importable module: it makes its calls with run.call and returns plain data, `extra`)."""
        if is_test_module(driver.__module__):
            raise AuthoringError("%s: the driver %s must live in a module of its own, not in a test "
                                 "module: it runs in the scenario, where pytest may not be installed"
                                 % (self.test.path, driver.__name__))
        name = "%s:%s" % (driver.__module__, driver.__qualname__)
        return self._pass(driver.__name__, args, label or driver.__name__, name, options)

    def _pass(self, function, args, label, driver, options):
        unknown = set(options) - set(CALL_OPTIONS)
        if unknown:
            raise AuthoringError("%s: unknown option(s) %s of scenario.call; known: %s" % (
                self.test.path, ", ".join(sorted(unknown)), ", ".join(CALL_OPTIONS)))
        self.last_label = label
        step = Scenario(self.test.name, self.test.points, None, label, hidden=self.test.hidden, **options)
        call = {"function": function, "label": label, "args": list(args), "driver": driver}
        return self._one_pass(step, call, lambda report, module_dir, timeout:
                              self._read(step, report, module_dir, timeout))

    def _read(self, step, report, module_dir, timeout):
        failure = judging.kit_failure(report, step.call)
        if failure:
            raise failure
        self.events += report.get("events", [])
        self.outputs.append(judging.output_of(report, module_dir))
        obs = judging.Observations(report, step, self.exercise, module_dir, self.start_method)
        judging.generic(report, obs, timeout)
        self.passes.append((report, obs))
        return Seen(obs, self)

    def verdict_of(self, exc):
        """A failed assert: the verdict of the evidence it asserted alone; else failed, with
        the assert's own message when it has one (the instructor's words for students), or
        pytest's explanation of the expression."""
        explanation = str(exc).strip()
        lines = explanation.splitlines()
        for evidence in reversed(self.refuted):
            if "assert %r" % evidence in lines:
                return evidence.status, "\n".join([evidence.message] + lines[:lines.index("assert %r" % evidence)])
        first = next((i for i, line in enumerate(lines) if line.startswith("assert ")), len(lines))
        if lines[:first]:  # pytest indents a message's later lines by two spaces: as written
            return FAILED, "\n".join(lines[:1] + [line[2:] if line.startswith("  ") else line
                                                  for line in lines[1:first]])
        return FAILED, text("assert_failed", call=self.last_label or self.test.call,
                            explanation=explanation or "assert False")


class Evidence:
    """What one of Seen's checks found: true or false, and when false the verdict and the
    message the check's own judge gives."""

    def __init__(self, fixture, claim, failure):
        self._fixture = fixture
        self.claim = claim
        self.status = failure.status if failure else PASSED
        self.message = failure.message if failure else ""

    def __bool__(self):
        if self.status != PASSED:
            self._fixture.refuted.append(self)
        return self.status == PASSED

    def __repr__(self):
        return "<%s: %s>" % (self.claim, "yes" if self.status == PASSED else "no")


def _evidence(fixture, claim, check, *args, again=""):
    try:
        check(*args)
    except Fail as fail:
        fail.message = again + fail.message
        return Evidence(fixture, claim, fail)
    return Evidence(fixture, claim, None)


class Value:
    """A value the student's code produced, known by its description (never unpickled):
    compared with == to what you expect, shown by its own repr."""

    def __init__(self, described):
        self.described = described or {}

    def __eq__(self, other):
        return same(self.described, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __repr__(self):
        return self.described.get("repr", "nothing")

    def __len__(self):
        if self.described.get("length") is None:
            raise TypeError("a %s has no len()" % self.type_name)
        return self.described["length"]

    @property
    def type_name(self):
        return self.described.get("type", "NoneType")


class Process:
    """A process the call started, as the runner saw it when the call returned."""

    def __init__(self, state):
        self.pid = state.get("pid")
        self.target = state.get("target")
        self.joined = bool(state.get("waited"))
        self.exitcode = state.get("exitcode")
        self.daemon = bool(state.get("daemon"))

    def __repr__(self):
        return "<process %s running %s%s>" % (self.pid, self.target, ", joined" if self.joined else "")


class Seen:
    """What one supervised call showed: the evidence behind every claim (docs/evidence.md)."""

    def __init__(self, obs, fixture, record=None):
        self.obs = obs
        self._fixture = fixture
        # a driver may make no call of its own (it starts the student's function itself)
        self.record = record or (obs.calls[0] if obs.calls else {"label": obs.scenario.call, "function": None,
                                                                 "processes": []})
        # what a failed check of a later call says first: the first call worked, this one did not
        self.again = text("cause_second_call", call=self.record["label"]) + "\n" \
            if obs.calls and self.record is not obs.calls[0] else ""
        self.label = self.record["label"]
        self.returned = Value(self.record.get("returned"))
        self.extra = obs.extra
        self.processes = [Process(p) for p in self.record.get("processes", [])]
        self.duration_s = self.record.get("duration_s")

    def __repr__(self):
        return self.label

    def later_calls(self):
        """What each later call of the student's function in the same pass showed, in order (a
        driver may call it twice, as a program may): one Seen per call."""
        return [Seen(self.obs, self._fixture, record) for record in self.obs.calls[1:]]

    @property
    def joined(self):
        """Every process the call started was waited for before it returned."""
        return all(p.joined for p in self.processes)

    def value(self, key):
        """extra[key], a value a driver described with grader.engine.values.describe."""
        return Value(self.extra.get(key))

    def ran_in_child(self, function):
        """The student's `function` ran in a process the call started, not in the caller."""
        return _evidence(self._fixture, "ran_in_child(%r)" % function, common.ran_in_child,
                         self.obs, self.record, function, again=self.again)

    def ran_in_caller(self, function):
        """The student's `function` ran in the calling process itself."""
        return self.obs.runner_pid in self.obs.ran_in(function)

    def crossed_from_child(self, items, function):
        """Each item of the returned list was received from another process (one running
        `function`): the pickler's own record, not an equal value."""
        return _evidence(self._fixture, "crossed_from_child(%r)" % function, common.expect_items_crossed,
                         self.obs, self.record, list(items), function, again=self.again)

    def stream_ended(self, items, end_marker=None):
        """The caller's receiving loop stopped at the end of the stream (EOFError, or
        `end_marker` received), not because a poll() or empty() found nothing yet."""
        return _evidence(self._fixture, "stream_ended", common.expect_stream_ended,
                         self.obs, self.record, end_marker, list(items), again=self.again)

    def printed(self, function=None):
        """{pid: text} each process wrote to stdout while `function` (the called one) ran."""
        return common.printed_by(self.obs, function or self.record["function"], None if function else self.record)

    def writes(self, function=None):
        """Each write to stdout while `function` ran: {"pid", "text", "held": lock ids}."""
        begin, end = self.obs.call_window(function or self.record["function"], None if function else self.record)
        return self.obs.writes(begin, end)


__all__ = ["AuthoringError", "Evidence", "Fixture", "Seen", "TestScenario", "Value",
           "is_test_module", "load", "scenarios_of"]
