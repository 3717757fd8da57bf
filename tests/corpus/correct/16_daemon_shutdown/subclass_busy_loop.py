"""Correct: the worker is a Process subclass made a daemon in its __init__; serve is a busy
loop that polls the queue with get_nowait() and goes round again when it is empty."""
import multiprocessing
import queue


def serve(jobs, results):
    while True:
        try:
            n = jobs.get_nowait()
        except queue.Empty:
            continue
        results.put(n * n)


class Server(multiprocessing.Process):
    def __init__(self, jobs, results):
        super().__init__(daemon=True)
        self.jobs, self.results = jobs, results

    def run(self):
        serve(self.jobs, self.results)


def run_jobs(numbers):
    jobs, results = multiprocessing.Queue(), multiprocessing.Queue()
    server = Server(jobs, results)
    server.start()
    for n in numbers:
        jobs.put(n)
    answers = []
    while len(answers) < len(numbers):
        answers.append(results.get())
    server.terminate()
    server.join()
    return (answers, server.exitcode)
