"""Source: a nested-sampling package's Sampler.produce_sample(...) (public GitHub file, code index
id 12987968177, cpnest-style): each sampler process takes a job id from a shared
Value IDcounter with `IDcounter.get_lock().acquire()`, `job_id = IDcounter.get_obj()`,
`id = job_id.value`, `job_id.value+=1`, `IDcounter.get_lock().release()`.
Adapted: the id-taking steps -> add_many(counter, n), done n times (IDcounter -> counter; the
MCMC work and queue.put dropped); the sampler processes -> count_up(n_processes, n_each), which
starts them on one Value("i", 0), joins them and returns the value.
Expected: passed under fork and spawn: every increment is made on the Value's raw object while
its own lock, counter.get_lock(), is held (acquire/release instead of `with`).
Held out, graded once: agreed under fork and spawn."""
from multiprocessing import Process, Value


def add_many(counter, n):
    for _ in range(n):
        counter.get_lock().acquire()
        job_id = counter.get_obj()
        id = job_id.value
        job_id.value+=1
        counter.get_lock().release()


def count_up(n_processes, n_each):
    IDcounter = Value('i', 0)
    samplers = [Process(target=add_many, args=(IDcounter, n_each)) for _ in range(n_processes)]
    for s in samplers:
        s.start()
    for s in samplers:
        s.join()
    return IDcounter.value
