"""The course's settings in grader/course/manifest.toml, validated: points, timeouts, limits,
start methods and languages. A wrong value is reported with the file, the key, the value and
what is allowed; nothing else of the kit reads the raw TOML."""
import difflib
import re


class SettingsError(Exception):
    """A setting is wrong: the message names the file, the key, the value and what is allowed."""


def _number(low, high, unit):
    def check(value):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and low < value <= high
        return ok, "a number of %s above %g, at most %g" % (unit, low, high)
    return check


def _integer(low, high, unit):
    def check(value):
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return ok, "a whole number of %s from %d to %d" % (unit, low, high)
    return check


def _matching(pattern, what):
    def check(value):
        return isinstance(value, str) and re.fullmatch(pattern, value) is not None, what
    return check


def _one_of(choices):
    def check(value):
        return value in choices, "one of %s" % ", ".join(repr(c) for c in choices)
    return check


def _strings(value):
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value), \
        "a list of non-empty strings"


def _methods(value):
    own = ("fork", "spawn", "forkserver")
    ok = isinstance(value, list) and bool(value) and all(v in own for v in value) \
        and len(set(value)) == len(value) and "spawn" in value
    return ok, "a list of start methods from %s, without repeats, \"spawn\" among them (the " \
        "only method on Windows)" % ", ".join(own)


def _text(value):
    return isinstance(value, str) and bool(value.strip()), "a non-empty string"


LANGUAGES = ("en", "zh")
START_METHODS = ("platform", "fork", "spawn", "forkserver", "all")

# limits an exercise may set for itself, else [defaults] gives them
LIMITS = {
    "timeout": _number(0, 600, "seconds"),
    "max_processes": _integer(2, 4096, "processes"),
    "memory_mb": _integer(64, 1048576, "MiB"),
    "output_kb": _integer(1, 16777216, "KiB"),
    "open_files": _integer(16, 1048576, "files"),
}
COURSE = dict(LIMITS, **{
    "start_method": _one_of(START_METHODS),
    "languages": lambda value: (isinstance(value, list) and bool(value) and "en" in value
                                and all(v in LANGUAGES for v in value),
                                "a list of languages from %s, \"en\" among them" % ", ".join(LANGUAGES)),
})
BUILT_IN = {"timeout": 10.0, "max_processes": 64, "memory_mb": 1024, "output_kb": 16384,
            "open_files": 256, "start_method": "platform", "languages": ["en", "zh"]}
EXERCISE = dict(LIMITS, **{
    "folder": _matching(r"[0-9]{2}_[a-z][a-z0-9_]*", "two digits, an underscore and a lower-case "
                        "name (like 05_pool)"),
    "module": _matching(r"[a-z_][a-z0-9_]*", "a lower-case Python module name (like pool_tasks)"),
    "checks": _matching(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*",
                        "a dotted module name (like grader.judging.checks.test_pool)"),
    "title": _text,
    "title_zh": _text,
    "points": _number(0, 1000, "points"),
    "hints": _strings,
    "hints_zh": _strings,
    "start_methods": _methods,
})
REQUIRED = ("folder", "module", "checks", "title", "points")


def check(path, where, key, value, rules):
    ok, allowed = rules[key](value)
    if not ok:
        raise SettingsError("%s: %s %s = %r is not allowed: give %s" % (path, where, key, value, allowed))
    return value


def course(path, data):
    """The [defaults] table, validated, with the kit's own value for each key left out."""
    table = data.get("defaults", {})
    if not isinstance(table, dict):
        raise SettingsError("%s: [defaults] must be a table of settings" % path)
    for key, value in table.items():
        if key not in COURSE:
            raise SettingsError("%s: [defaults] %s = %r is not a setting%s; the settings are %s" % (
                path, key, value, _did_you_mean(key, COURSE), ", ".join(COURSE)))
        check(path, "[defaults]", key, value, COURSE)
    return dict(BUILT_IN, **table)


def exercise(path, index, entry, defaults):
    """One [[exercise]] entry, validated: its values, and its limits with the defaults."""
    where = "[[exercise]] #%d%s" % (index, " (%s)" % entry["folder"] if isinstance(entry.get("folder"), str) else "")
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise SettingsError("%s: %s lacks %s" % (path, where, ", ".join(missing)))
    for key, value in entry.items():
        if key in EXERCISE:
            check(path, where, key, value, EXERCISE)
    return {key: entry.get(key, defaults[key]) for key in LIMITS}


def unknown_keys(path, entries):
    """Keys of exercise entries that look like a misspelt setting (other keys are left to
    the parts of the kit that read them)."""
    found = []
    for index, entry in enumerate(entries, 1):
        for key in entry:
            close = _did_you_mean(key, EXERCISE) if key not in EXERCISE else ""
            if close:
                found.append("%s: [[exercise]] #%d has %s%s" % (path, index, key, close))
    return found


def _did_you_mean(key, known):
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.8)
    return " (did you mean %s?)" % close[0] if close else ""
