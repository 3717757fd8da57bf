"""The parts of multiprocessing the hooks reach into (grader/engine/hooks/internals.py): present
in the Python running the tests (CI runs them on 3.10 and 3.14), checked in a source tree that
cannot be run, and a verdict made without one of them says which evidence it lacked."""
import os
import shutil
import sysconfig

from grader.engine.hooks import internals
from grader.judging.judge import judge
from grader.judging.outcomes import FAILED, PASSED
from grader.judging.scenario import Scenario
from grader.judging.outcomes import Fail
from grader.messages import language, text


def test_every_internal_the_hooks_reach_into_is_in_this_python():
    assert internals.missing() == []


def test_reading_a_python_s_sources_finds_what_the_hooks_need_and_names_what_is_gone(tmp_path):
    lib = sysconfig.get_paths()["stdlib"]
    assert internals.missing_in_source(lib) == []
    copy = tmp_path / "Lib"
    shutil.copytree(os.path.join(lib, "multiprocessing"), copy / "multiprocessing")
    shutil.copytree(os.path.join(lib, "concurrent"), copy / "concurrent")
    shutil.copy(os.path.join(lib, "threading.py"), copy / "threading.py")
    queues = copy / "multiprocessing" / "queues.py"
    queues.write_text(queues.read_text().replace("def empty(self)", "def is_empty(self)"))
    (copy / "multiprocessing" / "spawn.py").unlink()
    assert internals.missing_in_source(str(copy)) == ["multiprocessing.spawn:_main", "multiprocessing.queues:Queue.empty"]


def test_every_hook_names_the_evidence_it_gives():
    from grader.engine import hooks
    from grader.engine.hooks import shared_memory

    named = {patch.__name__ for patch in hooks.PATCHES} | {shared_memory._patch_sharedctypes.__name__}
    assert named <= set(internals.EVIDENCE)
    for key in set(internals.EVIDENCE.values()) | {"other"}:
        assert text("evidence_" + key)


def _scenario(fails):
    scenario = Scenario("greet_prints", 1, drive=None, call="greet('Ada')")

    def judge_fn(obs):
        if fails:
            raise Fail(FAILED, "greet('Ada') printed nothing.")
    scenario.judge_fn = judge_fn
    return scenario


def _report(*missing):
    events = [{"kind": "process", "pid": 7, "t": 0.0}]
    events += [{"kind": "hook_missing", "pid": 7, "t": 0.1, "hook": hook, "error": "AttributeError: gone"}
               for hook in missing]
    return {"outcome": "exited", "runner_pid": 7, "events": events,
            "result": {"phase": "done", "calls": [], "extra": {}}}


def test_a_failing_verdict_made_without_a_hook_says_which_evidence_was_missing():
    status, message = judge(_report("_patch_semlock", "_patch_pickler"), _scenario(True), None, "", 10)
    assert status == FAILED
    assert message.startswith("greet('Ada') printed nothing.")
    assert text("evidence_locks") in message and text("evidence_traffic") in message
    assert "_patch_semlock (AttributeError: gone)" in message
    with language("zh"):
        _, chinese = judge(_report("_patch_semlock"), _scenario(True), None, "", 10)
        assert text("evidence_locks") in chinese and "评分器" in chinese


def test_a_verdict_with_every_hook_in_place_or_a_pass_says_nothing_of_it():
    assert judge(_report(), _scenario(True), None, "", 10) == (FAILED, "greet('Ada') printed nothing.")
    assert judge(_report("_patch_semlock"), _scenario(False), None, "", 10) == (PASSED, "")
