"""What a scenario wrote, read back by its supervisor: the runner's output pipes, the event
logs of its processes, their stack dumps and the result channel. All of it is hostile input:
every read is capped, no event is kept under a pid other than its file's, and what cannot be
parsed is left out.
"""
import json
import os

from grader.engine import confirm, safe_files
from grader.engine.hooks import TIMELINE_KINDS

OUTPUT_KEEP = 64 * 1024
WRITTEN_KEEP = 4 * 1024 * 1024  # of stdout, to confirm the writes the scenario reports
DUMP_KEEP = 32 * 1024
RESULT_KEEP = 8 * 1024 * 1024
MAX_EVENTS = 20000
MAX_NOTES = 20000  # timeline events, kept apart: they never crowd out what the judge reads


class OutputReader:
    """Drains one of the runner's output pipes in a thread, as fast as it is written: keeps the
    first `keep` bytes to show, the first `confirm` bytes to confirm writes by (engine/confirm.py),
    and counts the rest. How much a scenario prints costs only its time; a flood is bounded by
    the time limit, not failed for its size."""

    def __init__(self, fd, keep=OUTPUT_KEEP, confirm=0):
        import threading

        self.fd, self.keep, self.head, self.size = fd, keep, bytearray(), 0
        self.hold = max(keep, confirm)
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self):
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except OSError:
                return
            if not chunk:
                return
            self.size += len(chunk)
            room = self.hold - len(self.head)
            if room > 0:
                self.head += chunk[:room]

    def result(self, wait=1.0):
        """What was kept, once every writer is gone (or after `wait` seconds)."""
        self.thread.join(wait)
        try:
            os.close(self.fd)
        except OSError:
            pass
        head = bytes(self.head[:self.keep])
        return {"text": head.decode("utf-8", "replace"), "size": self.size, "cut": max(0, self.size - len(head))}

    def written(self):
        """Everything held, for confirming writes (after result())."""
        return confirm.Stream(bytes(self.head).decode("utf-8", "replace"), self.size <= len(self.head))


def _listdir(folder):
    """Names in a folder; none if student code deleted it."""
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


MAX_EVENT_FILES = 1024  # one per process: far more than max_processes
MAX_EVENT_BYTES = 32 * 1024 * 1024  # read in all, across files


def read_events(events_dir):
    """Every process's events, and apart from them the timeline's (TIMELINE_KINDS). A line is
    kept only in its own process's file (<pid>.jsonl), so an event cannot be slipped in under a
    made-up pid, and only with the fields every reader relies on of the right type (an int
    pid, a str kind, a number t). The number of files and the bytes read are capped, and no
    file is read through a link or as a FIFO (safe_files): a scenario cannot flood, block or
    redirect the trusted side."""
    events, notes, budget = [], [], MAX_EVENT_BYTES
    for name in _listdir(events_dir)[:MAX_EVENT_FILES]:
        if budget <= 0:
            break
        try:
            data = safe_files.read(os.path.join(events_dir, name), min(RESULT_KEEP, budget),
                                   beneath=events_dir)[0]
        except OSError:
            continue
        budget -= len(data)
        for line in data.splitlines():
            try:
                event = json.loads(line.decode("utf-8", "replace"))
            except (ValueError, RecursionError):
                continue
            if _well_formed(event) and name == "%d.jsonl" % event["pid"]:
                (notes if event["kind"] in TIMELINE_KINDS else events).append(event)
    events.sort(key=lambda e: e["t"])
    notes.sort(key=lambda e: e["t"])
    return events[:MAX_EVENTS], notes[:MAX_NOTES]


def _well_formed(event):
    return isinstance(event, dict) and type(event.get("pid")) is int \
        and isinstance(event.get("kind"), str) and type(event.get("t")) in (int, float) \
        and confirm.shallow(event)


def read_dumps(dumps_dir, numbers):
    """The stack dumps of the processes the supervisor asked (`numbers`, in the scenario's
    numbering), by number: a file under any other number is not read, nor one that is a link
    or a FIFO."""
    dumps = {}
    for number in sorted(numbers)[:MAX_EVENT_FILES]:
        try:
            text = safe_files.read_text(os.path.join(dumps_dir, "%d.txt" % number), DUMP_KEEP,
                                        beneath=dumps_dir)
        except OSError:
            continue
        if text.strip():
            dumps[str(number)] = text
    return dumps


def read_result(channel):
    """The runner's result, from the start of the channel (a file it wrote): a dict, one that
    says what was wrong with the channel, or None if it holds nothing."""
    channel.seek(0)
    raw = channel.read(RESULT_KEEP)
    if not raw:
        return None
    try:
        result = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return {"channel_error": "the result channel held no valid JSON"}
    if not confirm.shallow(result):
        return {"channel_error": "nested deeper than %d" % confirm.MAX_DEPTH}
    return result if isinstance(result, dict) else {"channel_error": "not an object"}
