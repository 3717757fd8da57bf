"""A class's results as they come: one small JSON file per student in a state folder, written
the moment that student is graded, so a batch stopped half-way resumes where it was; and
grades.csv and the feedback files, made from those records (one run's, or several shards')."""
import csv
import hashlib
import json
import os
from urllib.parse import quote

from grader.judging.verdict import JSON_FIELDS
from grader.messages import text
from grader.reports import html, markdown
from grader.reports.results import verdicts_of

STATE_VERSION = 1
SUFFIX = ".json"
MAX_OUTPUT_CHARS = 4000  # of a test's output kept for the feedback
# a file name made of a student's name stays this short (file systems allow 255 bytes, some
# less): a longer one is cut and ends in a digest of the whole name
MAX_STEM = 120
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a spreadsheet's formula


class LedgerError(Exception):
    """A state folder or record that cannot be used; the message names it."""


def _num(value):
    return "%g" % value


def record(student, key, settings, verdicts, notes, graded=True):
    tests = []
    for verdict in verdicts:
        test = verdict.to_json()
        test["output"] = test["output"][-MAX_OUTPUT_CHARS:]
        test["hidden"] = verdict.hidden
        if verdict.timeline:
            test["timeline"] = verdict.timeline
        tests.append(test)
    return {"version": STATE_VERSION, "student": student, "key": key, "graded": graded,
            "settings": settings, "notes": list(notes), "tests": tests}


def verdicts(rec):
    hidden = {(t["exercise"], t["name"]) for t in rec["tests"] if t.get("hidden")}
    return verdicts_of(rec["tests"], hidden)


def stem_of(student, safe=""):
    """The file name (without suffix) that stands for `student`: the name quoted, and when
    that is longer than MAX_STEM, its start and a digest of the whole name."""
    quoted = quote(student, safe=safe, errors="surrogateescape")
    if len(quoted) <= MAX_STEM:
        return quoted
    head = quoted[:MAX_STEM - 17]
    head = head[:head.rfind("%")] if "%" in head[-2:] else head  # no escape cut in two
    return head + "~" + hashlib.sha256(quoted.encode("ascii")).hexdigest()[:16]


def path_of(state_dir, student):
    return os.path.join(state_dir, stem_of(student) + SUFFIX)


def save(state_dir, rec):
    """Atomically: a batch killed while writing leaves the old record or the new one."""
    path = path_of(state_dir, rec["student"])
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(rec, f, ensure_ascii=False)
    os.replace(path + ".tmp", path)


def load(state_dir, student):
    """The student's record, or None if there is none or it cannot be read (then: regrade)."""
    rec = _read(path_of(state_dir, student))
    return rec if rec is not None and rec["student"] == student else None


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
    except (OSError, ValueError, RecursionError):
        return None
    return rec if _valid(rec) else None


def _valid(rec):
    try:
        return (rec["version"] == STATE_VERSION and isinstance(rec["student"], str)
                and isinstance(rec["settings"]["exercises"], list)
                and isinstance(rec["settings"]["start_methods"], list)
                and isinstance(rec["notes"], list) and isinstance(rec["tests"], list)
                and all(isinstance(t, dict) and set(JSON_FIELDS) <= set(t) for t in rec["tests"])
                and "key" in rec and "graded" in rec)
    except (KeyError, TypeError):
        return False


def load_all(state_dir, where):
    """Every record of a state folder, by student."""
    if not os.path.isdir(state_dir):
        raise LedgerError("%s: %r is not a state folder of mpkit grade-batch" % (where, state_dir))
    records = {}
    for name in sorted(os.listdir(state_dir)):
        if name.endswith(SUFFIX):
            rec = _read(os.path.join(state_dir, name))
            if rec is None:
                raise LedgerError("%s: %s is not a record of mpkit grade-batch"
                                  % (where, os.path.join(state_dir, name)))
            records[rec["student"]] = rec
    return records


def note(rec, exercises):
    """A short reason for the CSV: what kept points away, per exercise."""
    if not rec["graded"]:
        return "; ".join(rec["notes"])
    parts = []
    tests = rec["tests"]
    for exercise in exercises:
        own = [t for t in tests if t["exercise"] == exercise.folder]
        lost = [t["status"] for t in own if t["status"] != "passed"]
        if own and all(t["message"] == own[0]["message"] for t in own) and own[0]["message"] in rec["notes"]:
            parts.append(text("note_missing", folder=exercise.folder, file=exercise.filename))
        elif lost:
            counts = ", ".join("%s %d" % (s, lost.count(s)) for s in sorted(set(lost)))
            parts.append(text("note_statuses", folder=exercise.folder, statuses=counts))
    return "; ".join(parts)


def rows(records, exercises):
    """grades.csv's rows, sorted by student: student, points per exercise, total, note."""
    out = [["student"] + [e.folder for e in exercises] + ["total", "note"]]
    for student in sorted(records):
        rec = records[student]
        points = [sum(t["score"] for t in rec["tests"] if t["exercise"] == e.folder) for e in exercises]
        out.append([student] + [_num(p) for p in points] + [_num(sum(points)), note(rec, exercises)])
    return out


def _cell(value):
    """A cell no spreadsheet takes for a formula: one that would be starts with '."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(path, records, exercises, where="--csv"):
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([_cell(cell) for cell in row] for row in rows(records, exercises))
    except OSError as exc:
        raise LedgerError("%s: cannot write %r: %s" % (where, path, exc.strerror))


def write_feedback(folder, records, exercises, where="--feedback"):
    """Per student a Markdown file and an HTML page (with a timeline of each failing test),
    and index.html: the class's pass rate per test and the students by total."""
    try:
        os.makedirs(folder, exist_ok=True)
        for student, rec in sorted(records.items()):
            stem = os.path.join(folder, stem_of(student, safe=" "))
            with open(stem + ".md", "w", encoding="utf-8") as f:
                f.write(markdown.feedback(student, verdicts(rec), exercises, rec["notes"]))
            with open(stem + ".html", "w", encoding="utf-8") as f:
                f.write(html.student_page(student, verdicts(rec), exercises, rec["notes"]))
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
            f.write(html.class_index(records, exercises, lambda s: quote(stem_of(s, safe=" ")) + ".html"))
    except OSError as exc:
        raise LedgerError("%s: cannot write in %r: %s" % (where, folder, exc.strerror))
