"""Describe a value as plain JSON: its type, a short repr, and a digest of its full repr.

Used on both sides: the runner describes what the student's function returned, the grader
describes what it expected, and they compare digests. Nothing a student's process produced is
ever unpickled.
"""
import hashlib

PREVIEW = 300


def safe_repr(value, limit=PREVIEW):
    try:
        text = repr(value)
    except Exception as exc:  # a student's object whose __repr__ fails
        text = "<unrepresentable %s: %s>" % (type(value).__name__, type(exc).__name__)
    return text if len(text) <= limit else text[: limit - 5] + " ...]"


MAX_ITEMS = 200


def digest(value):
    """A digest of the value's full repr: equal values of the kinds the exercises pass have
    equal digests in every process."""
    try:
        full = repr(value)
    except Exception:
        full = safe_repr(value)
    return hashlib.sha256(full.encode("utf-8", "replace")).hexdigest()


def describe(value):
    sequence = isinstance(value, (list, tuple))
    return {
        "type": type(value).__name__,
        "repr": safe_repr(value),
        "digest": digest(value),
        "length": len(value) if sequence else None,
        # each item's digest, so the judge can follow where each one came from
        "items": [digest(item) for item in value[:MAX_ITEMS]] if sequence else None,
    }


def same(described, expected):
    """Whether a described value equals the expected one."""
    return isinstance(described, dict) and described.get("digest") == describe(expected)["digest"]
