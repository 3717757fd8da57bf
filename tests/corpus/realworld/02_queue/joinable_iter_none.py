"""Source: denis-trofimov/bitshares-stress-test, ideas/multiprocess_test.py.
Intent: workers consume a JoinableQueue with `for item in iter(q.get, None)` and task_done,
the main program puts the items, then one None per worker, and joins.
Adapted: the roles the exercise fixes: the child produces (produce puts the items, then the
sentinel, renamed STOP) and collect consumes with the author's iter(q.get, STOP) loop and
task_done calls; num_procs = 1; do_work (which printed every item) dropped; the author's module
level code moved into collect, including the final active_children() print.
Expected: passed everywhere (run plainly)."""
import multiprocessing

STOP = "STOP"

num_procs = 1
def produce(q, source):
  for item in source:
    q.put(item)
  q.put( STOP )

def collect(source):
  q = multiprocessing.JoinableQueue()
  procs = []
  for i in range(num_procs):
    procs.append( multiprocessing.Process(target=produce, args=(q, source)) )
    procs[-1].start()

  result = []
  for item in iter( q.get, STOP ):
    result.append(item)
    q.task_done()
  q.task_done()

  for p in procs:
    p.join()

  print ("num active children:", multiprocessing.active_children())
  return result
