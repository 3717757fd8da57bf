"""Every sentence a student reads exists in English and in Chinese, with the same fields, in
catalogs that translators' tools read; every exercise has its hints, title and statement in both
languages."""
import os
import re
import shutil
import string

import polib
import pytest

from conftest import ROOT
from grader.course import verify
from grader.messages import LANGUAGES, LOCALE, TEMPLATE, Catalogs, text

CJK = re.compile(r"[\u4e00-\u9fff]")
CATALOG_FILES = sorted(name for name in os.listdir(LOCALE) if name.endswith((".po", ".pot")))


def fields(template):
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None)


def words(template):
    """The template's own words, without its fields."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def test_every_message_exists_in_both_languages_with_the_same_fields():
    assert LANGUAGES == ("en", "zh") and CATALOG_FILES == [TEMPLATE, "zh.po"]
    catalogs = Catalogs(LOCALE)
    en, zh = catalogs.templates("en"), catalogs.templates("zh")
    assert sorted(set(en) - set(zh)) == [], "keys without Chinese text (or only a fuzzy one)"
    assert sorted(set(zh) - set(en)) == [], "Chinese keys without English text"
    assert [key for key in en if fields(en[key]) != fields(zh[key])] == []
    # a Chinese text that is really the English one, or empty, is not a translation
    untranslated = [key for key in en if re.search("[A-Za-z]{3}", words(en[key]))
                    and not CJK.search(zh[key])]
    assert untranslated == []


def test_no_placeholder_shares_a_name_with_text_s_own_parameters():
    """text(key, lang, **fields): a `{key}` or `{lang}` field can never be filled in (a TypeError
    where the judge meant to give a verdict)."""
    en = Catalogs(LOCALE).templates("en")
    assert [k for k, template in en.items() if {"key", "lang"} & {n for n, _ in fields(template)}] == []


@pytest.mark.parametrize("name", CATALOG_FILES)
def test_every_catalog_parses_and_translates_the_template_entry_for_entry(name):
    entries = polib.pofile(os.path.join(LOCALE, name), encoding="utf-8")
    keys = [entry.msgctxt for entry in entries]
    assert [key for key in keys if not key] == [], "entries without their key as msgctxt"
    assert len(set(keys)) == len(keys), "a key twice"
    assert [entry.msgctxt for entry in entries if entry.fuzzy or entry.obsolete] == []
    # translation tools check the placeholders of the entries flagged python-brace-format
    assert [entry.msgctxt for entry in entries if "python-brace-format" not in entry.flags] == []
    # the same keys as the template, each translating the template's English as it is today
    template = polib.pofile(os.path.join(LOCALE, TEMPLATE), encoding="utf-8")
    assert [(entry.msgctxt, entry.msgid) for entry in entries] == [(entry.msgctxt, entry.msgid) for entry in template]


FRENCH = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: fr\n"

#, python-brace-format
msgctxt "died_code"
msgid "exit code {code}"
msgstr "code de sortie {code}"

#, fuzzy, python-brace-format
msgctxt "died_signal"
msgid "killed by {signal}"
msgstr "tué par {signal}"
'''


def test_a_new_language_is_one_new_catalog_beside_the_template(tmp_path):
    shutil.copy(os.path.join(LOCALE, TEMPLATE), str(tmp_path))
    (tmp_path / "fr.po").write_text(FRENCH, encoding="utf-8")
    catalogs = Catalogs(str(tmp_path))
    assert catalogs.languages == ("en", "fr")
    assert catalogs.text("died_code", "fr", code=3) == "code de sortie 3"
    # a fuzzy entry (a translation to review) and a missing one are shown in English
    assert catalogs.text("died_signal", "fr", signal="SIGKILL") == "killed by SIGKILL"
    assert catalogs.text("died_code", "en", code=3) == text("died_code", "en", code=3) == "exit code 3"
    for unknown in (lambda: catalogs.text("no_such_key", "fr"), lambda: text("no_such_key", "zh")):
        with pytest.raises(KeyError, match="no_such_key"):
            unknown()


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


def test_no_chinese_text_shows_markdown_emphasis_as_asterisks():
    """A terminal shows `*之前*` as it is: Chinese texts stress a word in words, not with stars."""
    zh = Catalogs(LOCALE).templates("zh")
    starred = {key: t for key, t in zh.items() if re.search(r"(?<![*A-Za-z0-9_])\*[^*\s][^*]*\*(?![*A-Za-z0-9_])", t)}
    assert starred == {}


def test_every_statement_says_what_grade_runs_by_default_and_how_to_ask_for_all(exercises):
    """`mpkit grade` runs the platform's default start method: no statement may say that every
    check runs under all three, and each (and the template of a new one) says how to ask for all."""
    templates = ROOT / "grader" / "course" / "templates" / "new"
    statements = [templates / "README.md", templates / "README.zh.md"]
    for exercise in exercises:
        if not exercise.start_methods:  # one graded under its own methods says which
            statements += [ROOT / "exercises" / exercise.folder / name for name in ("README.md", "README.zh.md")]
    for path in statements:
        statement = path.read_text(encoding="utf-8")
        assert "--start-method all" in statement, path
        assert "Every check runs under" not in statement and "每项检查都" not in statement, path
