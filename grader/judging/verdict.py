"""The verdict of one graded test: plain, serialisable data."""
from dataclasses import dataclass, field

from grader.judging.outcomes import PASSED, STATUSES

JSON_FIELDS = ("exercise", "name", "status", "score", "max_score", "message", "output",
               "start_method", "duration_s")


@dataclass
class Verdict:
    exercise: str
    name: str
    status: str
    max_score: float
    message: str = ""
    output: str = ""
    start_method: str = ""
    duration_s: float = 0.0
    hidden: bool = False
    events: list = field(default_factory=list, repr=False)
    timeline: dict = field(default=None, repr=False)  # of a failing test (grader.reports.timeline)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError("unknown verdict %r" % self.status)
        # text from a student's process may hold lone surrogates, which no output can encode
        self.message = _printable(self.message)
        self.output = _printable(self.output)

    @property
    def passed(self):
        return self.status == PASSED

    @property
    def score(self):
        return self.max_score if self.passed else 0

    def to_json(self):
        return {name: getattr(self, name) for name in JSON_FIELDS}


def _printable(text):
    return text.encode("utf-8", "replace").decode("utf-8")

