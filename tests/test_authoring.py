"""Authoring exercises: docs/authoring.md's walkthrough, followed in a copy of the kit, ends in
an exercise `mpkit verify` and `mpkit release` accept; `mpkit new` scaffolds and verify lists
what is missing in order; graded tests in the plain pytest style explain a failed assert; the
course settings are validated by name."""
import json
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from grader import messages

GUIDE = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"^```(\w+)(?: (file|entry|append)=(\S+))?\n(.*?)^```\n", re.S | re.M)


def _kit_copy(where):
    for name in ("grader", "solutions", "exercises", "pyproject.toml", "README.md"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, where / name)
    shutil.copytree(ROOT / "tests" / "corpus", where / "tests" / "corpus")
    shutil.copytree(ROOT / "notebooks", where / "notebooks")  # made from the exercises: verify compares
    (where / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "classroom.yml", where / "docs" / "classroom.yml")
    return where


def _mpkit(kit, *args):
    """The copy's own CLI (python -m grader.cli in it imports the copy's grader)."""
    return subprocess.run([sys.executable, "-m", "grader.cli"] + list(args), cwd=kit,
                          capture_output=True, text=True)


def _walkthrough():
    text = GUIDE.read_text(encoding="utf-8")
    return BLOCK.findall(text[text.index("## Walkthrough"):])


def _replace_entry(manifest, content):
    text = manifest.read_text(encoding="utf-8")
    folder = re.search(r'folder = "([^"]+)"', content).group(1)
    start = text.index('[[exercise]]\nfolder = "%s"' % folder)
    following = text.find("[[exercise]]", start + 1)
    manifest.write_text(text[:start] + content + ("\n" + text[following:] if following > 0 else ""),
                        encoding="utf-8")


@pytest.fixture(scope="module")
def guided_kit(tmp_path_factory):
    """A copy of the kit where every step of the guide's walkthrough was done; each command's
    output, in order."""
    kit = _kit_copy(tmp_path_factory.mktemp("fork") / "kit")
    outputs = []
    for language, mode, target, body in _walkthrough():
        if language == "console":
            if "mpkit stubs" in body:  # step 7's first sentence: the corpus READMEs' TODO lines go
                for readme in (kit / "tests" / "corpus").glob("*/18_square/README.md"):
                    readme.write_text("".join(line for line in readme.read_text(encoding="utf-8").splitlines(True)
                                              if "MPKIT-TODO" not in line), encoding="utf-8")
            for line in body.splitlines():
                assert line.startswith("$ mpkit "), line
                done = _mpkit(kit, *shlex.split(line[len("$ mpkit "):]))
                outputs.append((line, done))
        elif mode == "file":
            (kit / target).parent.mkdir(parents=True, exist_ok=True)
            (kit / target).write_text(body, encoding="utf-8")
        elif mode == "append":
            with open(kit / target, "a", encoding="utf-8") as f:
                f.write("\n" + body)
        elif mode == "entry":
            _replace_entry(kit / target, body)
    return kit, outputs


def test_the_guides_walkthrough_ends_in_an_exercise_verify_and_release_accept(guided_kit):
    kit, outputs = guided_kit
    commands = [line for line, _ in outputs]
    assert commands == ['$ mpkit new 18_square --title "Square in a child"', "$ mpkit stubs",
                        "$ mpkit workflow classroom --output docs/classroom.yml", "$ mpkit notebooks notebooks",
                        "$ mpkit verify --exercise 18_square --quick", "$ mpkit release ../student-release"]
    for line, done in outputs:
        assert done.returncode == 0, "%s failed:\n%s%s" % (line, done.stdout, done.stderr)
    verified = outputs[4][1].stdout
    assert verified.count(" ok") == 5, verified
    student = kit.parent / "student-release"
    tests = (student / "grader" / "judging" / "checks" / "test_square.py").read_text(encoding="utf-8")
    assert "test_square_in_child(" in tests and "negative" not in tests and "144" not in tests
    assert (student / "exercises" / "18_square" / "square_tasks.py").is_file()
    assert "`18_square`" in (student / "README.md").read_text(encoding="utf-8")
    assert not (student / "grader" / "course" / "templates" / "new").exists()
    assert "--exercise 18_square" in (kit / "docs" / "classroom.yml").read_text(encoding="utf-8")
    assert (kit / "notebooks" / "source" / "mpkit" / "18_square.ipynb").is_file()


def test_mpkit_new_scaffolds_and_verify_says_what_is_missing_in_order(tmp_path):
    kit = _kit_copy(tmp_path / "kit")
    made = _mpkit(kit, "new", "18_echo")
    assert made.returncode == 0, made.stderr
    for path in ("solutions/18_echo/echo_tasks.py", "exercises/18_echo/echo_tasks.py", "exercises/18_echo/README.md",
                 "exercises/18_echo/README.zh.md", "grader/judging/checks/test_echo.py", "tests/corpus/correct/18_echo/README.md",
                 "tests/corpus/wrong/18_echo/README.md"):
        assert (kit / path).is_file(), path
    assert "中文" in (kit / "exercises/18_echo/README.zh.md").read_text(encoding="utf-8")
    assert "### BEGIN SOLUTION" in (kit / "solutions/18_echo/echo_tasks.py").read_text(encoding="utf-8")
    again = _mpkit(kit, "new", "18_echo")
    assert again.returncode == 2 and "18_echo" in again.stderr
    verified = _mpkit(kit, "verify", "--exercise", "echo", "--quick")
    assert verified.returncode == 1
    lines = verified.stdout.splitlines()
    problems = [line for line in lines if line.startswith("  - ")]
    order = ["manifest.toml", "solutions/18_echo", "exercises/18_echo/README.md",
             "exercises/18_echo/README.zh.md", "checks/test_echo.py",
             "correct/18_echo/README.md", "wrong/18_echo/README.md", "holds no correct submission",
             "has no case of 18_echo"]
    firsts = [min(i for i, p in enumerate(problems) if word in p) for word in order]
    assert firsts == sorted(firsts), problems
    assert all("not checked yet" in line for line in lines if line.startswith(("manifest ", "stubs, ", "corpus ")))


def test_mpkit_new_refuses_a_number_in_use_and_names_the_next_free_one(tmp_path, exercises):
    kit = _kit_copy(tmp_path / "kit")
    before = (kit / "grader" / "course" / "manifest.toml").read_text(encoding="utf-8")
    made = _mpkit(kit, "new", "05_pool")
    assert made.returncode == 2
    free = "%02d" % (max(int(e.folder[:2]) for e in exercises) + 1)
    assert "05_producers" in made.stderr and "mpkit new %s_pool" % free in made.stderr, made.stderr
    assert "Traceback" not in made.stderr
    assert not (kit / "solutions" / "05_pool").exists() and not (kit / "exercises" / "05_pool").exists()
    assert (kit / "grader" / "course" / "manifest.toml").read_text(encoding="utf-8") == before
    assert _mpkit(kit, "new", "%s_pool" % free).returncode == 0


def test_the_readmes_example_of_mpkit_new_is_a_free_number(exercises):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"mpkit new ([0-9]{2})_", readme)
    assert named and not {n for n in named} & {e.folder[:2] for e in exercises}


def test_verify_names_each_generated_file_left_behind_and_the_command_that_remakes_it(tmp_path):
    kit = _kit_copy(tmp_path / "kit")
    manifest = kit / "grader" / "course" / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert 'title = "Pass data through a Queue"' in text
    manifest.write_text(text.replace('title = "Pass data through a Queue"', 'title = "Messages on a Queue"', 1),
                        encoding="utf-8")  # the title names Classroom's step
    with open(kit / "exercises" / "02_queue" / "README.md", "a", encoding="utf-8") as f:
        f.write("\nOne more sentence of the statement.\n")  # the notebook's statement cell
    stale = _mpkit(kit, "verify", "--exercise", "queue", "--quick")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    problems = [line for line in stale.stdout.splitlines() if line.startswith("  - ")]
    assert len(problems) == 2, stale.stdout
    assert "docs/classroom.yml" in problems[0] and "`mpkit workflow classroom --output docs/classroom.yml`" in problems[0]
    assert "02_queue.ipynb" in problems[1] and "`mpkit notebooks notebooks`" in problems[1]
    for command in (["workflow", "classroom", "--output", "docs/classroom.yml"], ["notebooks", "notebooks"]):
        assert _mpkit(kit, *command).returncode == 0
    fixed = _mpkit(kit, "verify", "--exercise", "queue", "--quick")
    assert fixed.returncode == 0 and fixed.stdout.count(" ok\n") == 5, fixed.stdout + fixed.stderr


def test_a_failed_plain_assert_is_the_verdict_with_pytests_explanation(guided_kit, tmp_path):
    kit, _ = guided_kit
    submission = tmp_path / "submission" / "18_square"
    submission.mkdir(parents=True)
    solution = (kit / "solutions" / "18_square" / "square_tasks.py").read_text(encoding="utf-8")
    (submission / "square_tasks.py").write_text(solution.replace("x * x", "x + x"), encoding="utf-8")
    done = _mpkit(kit, "grade", str(submission.parent), "--exercise", "square", "--format", "json")
    verdict = {t["name"]: t for t in json.loads(done.stdout)["tests"]}["square_in_child"]
    assert verdict["status"] == "failed"
    assert verdict["message"] == ("square_in_child(7) did not do what the test expects:\n"
                                  "assert 14 == 49\n +  where 14 = square_in_child(7).returned")


def test_an_asserted_evidence_check_gives_its_own_verdict_and_message(submit):
    grade = submit("02_queue", (ROOT / "tests/corpus/wrong/02_queue/called_in_parent.py").read_text())
    verdict = grade(names={"collect_tutorial"})["collect_tutorial"]
    assert verdict.status == "no_process"
    assert "produce ran in the calling process" in verdict.message and "assert" not in verdict.message


def test_a_later_calls_failed_assert_says_the_first_call_worked_and_keeps_its_lines_as_written(submit):
    grade = submit("02_queue", (ROOT / "tests/corpus/wrong/02_queue/global_results_kept.py").read_text())
    verdict = grade(names={"collect_tutorial"})["collect_tutorial"]
    assert verdict.status == "failed"
    assert verdict.message == "\n".join([
        messages.text("cause_second_call", call="collect([11, None, 'lily'])"),
        "collect([11, None, 'lily']) returned [11, None, 'lily', 11, None, 'lily'], expected [11, None, 'lily']."])


@pytest.mark.parametrize("old, new, key, value", [
    ("timeout = 10.0\n", "timeout = -1\n", "timeout", "-1"),
    ('start_method = "platform"', 'start_method = "threads"', "start_method", "'threads'"),
    ("[defaults]\n", "[defaults]\ntimout = 5\n", "timout", "5"),
    ('module = "queue_messages"\n', 'module = "queue_messages"\nmemory_mb = "lots"\n', "memory_mb", "'lots'"),
    ('start_methods = ["spawn", "forkserver"]', 'start_methods = ["fork"]', "17_spawn_safe) start_methods",
     "['fork']"),
])
def test_a_wrong_course_setting_names_the_file_key_value_and_what_is_allowed(tmp_path, old, new, key, value):
    shutil.copytree(ROOT / "grader", tmp_path / "grader", ignore=shutil.ignore_patterns("__pycache__"))
    manifest = tmp_path / "grader" / "course" / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "grader.cli", "grade", "--exercise", "queue"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 2
    message = done.stderr
    assert "manifest.toml" in message and key in message and value in message, message
    assert "give " in message or "the settings are" in message, message
