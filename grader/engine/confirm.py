"""What the supervisor confirms of the observations a scenario reported about itself.

The events and the runner's result are written inside the student's processes, so student
code can write them too. The supervisor keeps an observation only where its own view agrees:

* a pid (the process an event came from, a child an event or a call record names) must be a
  number the scenario's pid namespace handed out while the scenario lived (engine/pidns.py:
  every number below the one a last fork there gets), so nothing can be reported of a process
  that never existed;
* a write to stdout must have reached stdout, as the supervisor read it from the pipe every
  process of the scenario writes to: text nobody printed cannot be claimed as printed;
* an event or a result must nest no deeper than MAX_DEPTH (the kit's own are 6 deep at most):
  JSON nested near the recursion limit parses in one process and not in the next, and the
  grader must read back every report the supervisor writes.

What is dropped is counted in the report (``unconfirmed``). Which process an event comes from,
and what it says besides, still rest on the student's interpreter: docs/threat-model.md lists
each claim and what forging it takes.
"""
SEARCH_WINDOW = 16 * 1024  # where a write is looked for first: near where the last one landed
SEARCH_BUDGET = 256 * 1024 * 1024  # characters compared at most, on top of:
SEARCH_PER_CHARACTER = 256  # per character of output, so 256 searches of all of it
PID_FIELDS = ("pid", "child")
MAX_DEPTH = 32


def shallow(value, limit=MAX_DEPTH):
    """Whether `value` (parsed JSON) nests lists and objects at most `limit` deep; walked with
    a stack, not by recursion, in time linear in its size."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= limit:
                return False
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return True


class Stream:
    """What the supervisor read of one output stream, as text, and whether it read it all."""

    def __init__(self, text, complete):
        self.text = text.replace("\r", "")  # Windows writes "\n" as "\r\n"
        self.complete = complete
        self.cursor = 0
        self.budget = SEARCH_BUDGET + SEARCH_PER_CHARACTER * len(self.text)

    def find(self, needle):
        """Whether `needle` was written: looked for near where the last write landed, then
        anywhere (writes made at once by several processes land in any order). Once the
        budget is spent (only many writes that were never made spend it), nothing more is."""
        text, cursor = self.text, self.cursor
        for start, end in ((cursor, cursor + SEARCH_WINDOW + len(needle)),
                           (max(0, cursor - SEARCH_WINDOW), cursor + len(needle)), (0, len(text))):
            end = min(end, len(text))
            if self.budget <= 0:
                return False
            at = text.find(needle, start, end)
            self.budget -= (end if at < 0 else at + len(needle)) - start
            if at >= 0:
                self.cursor = max(cursor, at + len(needle))
                return True
        return False


def _numbered(event, bound):
    return all(type(event.get(field)) is not int or 0 < event[field] < bound
               for field in PID_FIELDS if field in event)


def events(found, bound, stdout):
    """The events the supervisor can confirm, in their order, and how many it dropped.
    `bound`: the first number the pid namespace had not handed out, or None without one;
    `stdout`: a Stream of what the scenario printed."""
    kept = []
    for event in found:
        if bound is not None and not _numbered(event, bound):
            continue
        if event["kind"] == "write" and not _written(event, stdout):
            continue
        kept.append(event)
    return kept, len(found) - len(kept)


def _written(event, stdout):
    text = event.get("text")
    if event.get("stream") != "stdout" or not isinstance(text, str):
        return False
    return stdout.find(text.replace("\r", "")) or not stdout.complete


def result(found, bound, runner_pid):
    """The runner's result with the supervisor's runner pid, and without the processes of a
    call record whose pid the namespace never handed out; how many it dropped."""
    if not isinstance(found, dict):
        return found, 0
    found = dict(found, runner_pid=runner_pid)
    dropped = 0
    calls = found.get("calls")
    for record in calls if bound is not None and isinstance(calls, list) else []:
        if not isinstance(record, dict) or not isinstance(record.get("processes"), list):
            continue
        real = [p for p in record["processes"] if isinstance(p, dict) and _numbered(p, bound)]
        dropped += len(record["processes"]) - len(real)
        record["processes"] = real
    return found, dropped
