"""Source: oceanite/progjar, ETS_5025231040/server_processpool.py (a course's file server: a
module-level `semaphore = multiprocessing.BoundedSemaphore(MAX_WORKERS)`, MAX_WORKERS = 50, "to
limit the number of active workers"; handle_client(conn, addr) does all its work under `with
semaphore:`; main() starts one daemon Process per accepted connection and never joins them).
Adapted: handle_client(conn, addr) -> guarded(sem, work, i), the handling of one client (recv,
the UPLOAD/DOWNLOAD/LIST commands, close) -> work(i), still under the author's `with semaphore:`
(the module's own: the author's handler is given no semaphore, so `sem` is not used); main()'s
`while True: conn, addr = s.accept()` -> `for i in range(n)` in run_limited(work, n, limit), each
Process(target=guarded, args=(None, work, i)) made a daemon and started as the author does; the
socket, logging and the __main__ block's set_start_method('fork') dropped.
Expected: a bug: guarded calls work(i) holding the module's BoundedSemaphore(50), not the
semaphore it was given: guarded_holds fails under fork, spawn and forkserver. (run_limited is
wrong too, in more than one way: no Semaphore(limit) is made, under spawn and forkserver every
child makes a BoundedSemaphore(50) of its own at import, and no process is joined; its scenarios
are left out, as which of those a grader reports first is its choice.)
Before the fix (a held-out program of issue 26), the grader said: fork, spawn and forkserver:
guarded_holds failed (right), but "the calling process (pid 2) ran work(i) (at limited_work.py:27
in guarded: work(i)) while holding no semaphore": untrue, it held the module's BoundedSemaphore.
The diagnosis then: the grader's work(i) records every watched semaphore its process holds, and
the check said "no semaphore" whenever the given one was not among them. Now it names the other
one and the line that made it. (run_limited_*: not_joined, fork, spawn and forkserver.)
"""
import multiprocessing

MAX_WORKERS = 50  # Jumlah maksimal worker

# Gunakan Semaphore untuk membatasi jumlah worker yang aktif
semaphore = multiprocessing.BoundedSemaphore(MAX_WORKERS)


def guarded(sem, work, i):
    with semaphore:
        work(i)


def run_limited(work, n, limit):
    for i in range(n):
        p = multiprocessing.Process(target=guarded, args=(None, work, i))
        p.daemon = True
        p.start()
