"""Source: GoIT-Python-Web/Py16Web, m16_03_02/09_semaphore_manager.py (a course's semaphore
example).
Intent: ten named processes share one Semaphore(3) and a Manager's dict; each, holding the
semaphore, stores a random delay under its name, sleeps 0.2 s and calls sys.exit(0) inside the
`with` block; the parent starts them all inside `with Manager() as m`, joins them, prints the dict.
Adapted: worker(semaphore, r) -> guarded(semaphore, work, i, r=None), which also calls work(i)
while holding the semaphore (the dict is passed by keyword); the `__main__` block ->
run_limited(work, n, limit) (Semaphore(3) -> Semaphore(limit), range(10) -> range(n), the
sleep -> 0.02 s, the prints dropped).
Expected: passed: sys.exit(0) inside `with` still releases the semaphore (__exit__ runs on
SystemExit), and the manager's own process is not one of the workers."""
import sys
from multiprocessing import Process, Semaphore, current_process, Manager
from random import randint
from time import sleep


def guarded(semaphore, work, i, r=None):
    name = current_process().name
    with semaphore:
        work(i)
        delay = randint(1, 100)
        if r is not None:
            r[name] = delay
        sleep(0.02)  # Імітуємо якусь роботу
        sys.exit(0)


def run_limited(work, n, limit):
    semaphore = Semaphore(limit)
    with Manager() as m:
        result = m.dict()
        prs = []
        for num in range(n):
            pr = Process(name=f'Process-{num}', target=guarded, args=(semaphore, work, num),
                         kwargs={"r": result})
            pr.start()
            prs.append(pr)

        [pr.join() for pr in prs]
