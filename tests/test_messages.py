"""Every sentence a student reads exists in English and in Chinese, with the same fields; every
exercise has its hints, title and statement in both languages."""
import re
import string

import pytest

from conftest import ROOT
from grader.course import verify
from grader.messages import EN, LANGUAGES, ZH

CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template):
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None)


def words(template):
    """The template's own words, without its fields."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def test_every_message_exists_in_both_languages_with_the_same_fields():
    assert set(LANGUAGES) == {"en", "zh"}
    assert sorted(set(EN) - set(ZH)) == [], "keys without Chinese text"
    assert sorted(set(ZH) - set(EN)) == [], "Chinese keys without English text"
    assert [key for key in EN if fields(EN[key]) != fields(ZH[key])] == []
    # a Chinese text that is really the English one, or empty, is not a translation
    untranslated = [key for key in EN if re.search("[A-Za-z]{3}", words(EN[key]))
                    and not CJK.search(ZH[key])]
    assert untranslated == []


def test_every_exercise_has_hints_title_and_statement_in_both_languages(exercises):
    assert verify.check_manifest(str(ROOT), exercises) == []
    for exercise in exercises:
        assert len(exercise.hints) == len(exercise.hints_zh) >= verify.MIN_HINTS, exercise.folder
        assert all(CJK.search(hint) for hint in exercise.hints_zh + [exercise.title_zh]), exercise.folder
        assert not any(CJK.search(hint) for hint in exercise.hints), exercise.folder
        statement = ROOT / "exercises" / exercise.folder / "README.zh.md"
        assert CJK.search(statement.read_text(encoding="utf-8")), statement


@pytest.mark.parametrize("change, problem", [
    (lambda e: e.hints_zh.pop(), "has 4 hints but 3 hints_zh"),
    (lambda e: setattr(e, "title_zh", ""), "has no title_zh"),
])
def test_verify_names_an_exercise_that_lacks_a_language(exercises, change, problem):
    import copy

    broken = copy.deepcopy(exercises)
    change(broken[1])
    assert verify.check_manifest(str(ROOT), broken) == ["manifest: %s %s" % (broken[1].folder, problem)
                                                        + ("; each hint needs its Chinese text" if "hints" in problem else "")]


def test_verify_names_a_missing_chinese_statement(tmp_path, exercises):
    import shutil

    for side in ("exercises", "solutions"):
        shutil.copytree(str(ROOT / side), str(tmp_path / side), ignore=shutil.ignore_patterns(".mpkit"))
    (tmp_path / "exercises" / "04_lock" / "README.zh.md").unlink()
    assert verify.check_manifest(str(tmp_path), exercises) == [
        "%s is missing: every exercise folder needs one" % (tmp_path / "exercises" / "04_lock" / "README.zh.md")]
