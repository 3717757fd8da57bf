"""Describe a value as plain JSON: its type, a short repr, and a digest of its full repr.

Used on both sides: the runner describes what the student's function returned, the grader
describes what it expected, and they compare digests. Nothing a student's process produced is
ever unpickled.
"""
import hashlib

PREVIEW = 300


def safe_repr(value, limit=PREVIEW):
    return _shortened(_full_repr(value), limit)


def _full_repr(value):
    try:
        return repr(value)
    except Exception as exc:  # a student's object whose __repr__ fails
        return "<unrepresentable %s: %s>" % (type(value).__name__, type(exc).__name__)


def _shortened(text, limit):
    return text if len(text) <= limit else text[: limit - 5] + " ...]"


MAX_ITEMS = 200


def digest(value, full=None):
    """A digest of the value's full repr (`full`, when the caller has it already): equal
    values of the kinds the exercises pass have equal digests in every process."""
    if full is None:
        full = _full_repr(value)
    return hashlib.sha256(full.encode("utf-8", "replace")).hexdigest()


def describe(value):
    sequence = isinstance(value, (list, tuple))
    full = _full_repr(value)  # once: a 3 MB string's repr is not cheap
    return {
        "type": type(value).__name__,
        "repr": _shortened(full, PREVIEW),
        "digest": digest(value, full),
        "length": len(value) if sequence else None,
        # each item's digest, so the judge can follow where each one came from
        "items": [digest(item) for item in value[:MAX_ITEMS]] if sequence else None,
    }


def same(described, expected):
    """Whether a described value equals the expected one."""
    return isinstance(described, dict) and described.get("digest") == digest(expected)
