"""The verdict vocabulary, and Fail: how a check says a scenario did not pass.

Free of imports, because the check modules that use it are also loaded by every scenario's
runner, where start-up time counts.
"""

PASSED = "passed"
FAILED = "failed"
NOT_IMPLEMENTED = "not_implemented"
DEADLOCK = "deadlock"
TIMEOUT = "timeout"
CRASHED = "crashed"
NOT_JOINED = "not_joined"
NO_PROCESS = "no_process"
LEAKED = "leaked_processes"
ERROR = "error"
STATUSES = (PASSED, FAILED, NOT_IMPLEMENTED, DEADLOCK, TIMEOUT, CRASHED, NOT_JOINED,
            NO_PROCESS, LEAKED, ERROR)


class Fail(Exception):
    """Raised by a judge: the scenario gets `status`, and the student reads `message`."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message
