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


def describe(value):
    try:
        full = repr(value)
    except Exception:
        full = safe_repr(value)
    return {
        "type": type(value).__name__,
        "repr": safe_repr(value),
        "digest": hashlib.sha256(full.encode("utf-8", "replace")).hexdigest(),
        "length": len(value) if isinstance(value, (list, tuple)) else None,
    }


def same(described, expected):
    """Whether a described value equals the expected one."""
    return isinstance(described, dict) and described.get("digest") == describe(expected)["digest"]
