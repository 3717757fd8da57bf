"""Schedules shaken on purpose: small random delays, seeded, where interleavings change.

On the grader's side, ``MPKIT_SHAKE`` (set by ``mpkit grade --shake [SEED]`` or by hand) asks
for it: a seed, a non-negative integer. The supervisor then gives each scenario's runner
(``runner_env``) the seed, the scenario's name and the largest delay, scaled against the
scenario's timeout, in variables of its own; nothing the student's code controls chooses them.

In the student's processes, the hooks call ``pause(point)`` at process start (in the parent
after start(), "started"; in the child at the start of its bootstrap, "start", which may wait
longest: a parent that waited as long would let each child run ahead of the next), Queue put
and get, Connection send and recv, Lock and Semaphore acquire and release, join, and writes to
stdout. Each process
draws from a stream of its own, derived from (seed, scenario, the process's name: "MainProcess",
"Process-1", "Process-1:2", ..., never a pid), so the same seed gives each process the same
delays again. A process's delays add up to at most ``BUDGET`` of the timeout, so correct code
never runs out of time because of them. The supervisor and the grader never sleep here.
"""
import os
import time

_sleep = time.sleep  # kept before any student code can replace it

SETTING = "MPKIT_SHAKE"  # the grader's: the seed
SEED_VAR, KEY_VAR, MAX_VAR = "MPKIT_SHAKE_SEED", "MPKIT_SHAKE_KEY", "MPKIT_SHAKE_MAX_MS"
MAX_DELAY_S = 0.004  # the largest delay at an operation (put, get, acquire...)
START_FACTOR = 8  # a child's start: up to 8 times that, so children often start out of order
TIMEOUT_SHARE = 2500  # ...and never more than timeout / 2500 (4 ms for 10 s)
BUDGET = 0.05  # the delays of one process add up to at most this share of the timeout
CHANCE = 0.5  # the share of the points that wait at all
SEED_LIMIT = 2 ** 32


def validate_seed(value, where):
    """The seed of `value` (a string or an int), or ValueError naming `where`."""
    try:
        seed = int(str(value).strip(), 10)
    except ValueError:
        raise ValueError("%s: the seed must be a whole number from 0 to %d, not %r"
                         % (where, SEED_LIMIT - 1, value))
    if not 0 <= seed < SEED_LIMIT:
        raise ValueError("%s: the seed must be from 0 to %d, not %d" % (where, SEED_LIMIT - 1, seed))
    return seed


def requested():
    """The seed MPKIT_SHAKE asks for, or None (unset or empty). Raises ValueError."""
    raw = os.environ.get(SETTING, "")
    return validate_seed(raw, SETTING) if raw.strip() else None


def new_seed():
    """A seed for a run that did not name one."""
    import random

    return random.SystemRandom().randrange(SEED_LIMIT)


def job_part(seed, key, timeout):
    """A supervisor job's "shake": None when `seed` is None. `key` names the scenario."""
    if seed is None:
        return None
    largest = min(MAX_DELAY_S, timeout / TIMEOUT_SHARE)
    return {"seed": seed, "key": key, "max_ms": round(largest * 1000, 3), "budget_s": round(timeout * BUDGET, 3)}


def runner_vars(job):
    """The runner's environment variables for a job's shaking (none when it is not shaken)."""
    shake = job.get("shake")
    if not shake:
        return {}
    return {SEED_VAR: str(int(shake["seed"])), KEY_VAR: str(shake["key"]),
            MAX_VAR: "%s/%s" % (float(shake["max_ms"]), float(shake["budget_s"]))}


# ---- in the student's processes ------------------------------------------------------------

def _settings():
    try:
        largest, budget = (float(part) for part in os.environ[MAX_VAR].split("/"))
        return int(os.environ[SEED_VAR]), os.environ.get(KEY_VAR, ""), largest / 1000.0, budget
    except (KeyError, ValueError):
        return None


_SETTINGS = _settings()
ON = _SETTINGS is not None
_stream = {"pid": None, "random": None, "left": 0.0}


def configure():
    """Read the settings again from this process's environment: a warm runner imported this
    module in the zygote, before its scenario's environment was set (engine/warm.py)."""
    global _SETTINGS, ON
    _SETTINGS = _settings()
    ON = _SETTINGS is not None
    _stream.update(pid=None, random=None, left=0.0)


def _process_name():
    try:
        import multiprocessing

        return multiprocessing.current_process().name
    except Exception:
        return "?"


def begin(name):
    """Start this process's stream: `name` is its Process name (a child's, at its bootstrap)."""
    import hashlib  # only in a shaken scenario: every other process is spared the imports
    import random

    seed, key, _, budget = _SETTINGS
    digest = hashlib.sha256(("%d|%s|%s" % (seed, key, name)).encode("utf-8")).digest()
    _stream.update(pid=os.getpid(), random=random.Random(int.from_bytes(digest[:8], "big")), left=budget)


def pause(point, name=None):
    """Maybe wait a little, as this process's stream says. Never raises."""
    if not ON:
        return
    try:
        if name is not None or _stream["pid"] != os.getpid():
            begin(name if name is not None else _process_name())
        draw = _stream["random"]
        wait, size = draw.random() < CHANCE, draw.random()
        if not wait or _stream["left"] <= 0:
            return
        largest = _SETTINGS[2] * (START_FACTOR if point == "start" else 1)
        began = time.monotonic()
        _sleep(min(size * largest, _stream["left"]))
        _stream["left"] -= time.monotonic() - began  # what it took, oversleeping included
    except Exception:
        pass
