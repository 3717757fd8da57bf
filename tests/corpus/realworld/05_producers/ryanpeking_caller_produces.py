"""Source: RyanPeking/PythonPractice, 高级语法/多线程/24.py.
Intent: two consumer processes over one Queue; the main program produces the items itself by
calling producer(sequence, q), then puts one None per consumer and joins them.
Adapted: the names (producer -> produce, consumer -> consume, whose print of each item became a
put on a results queue); the sentinel None -> STOP (the author's == kept); the module-level
code moved into run_pipeline, which calls produce itself once per batch, starts n_consumers
consumers and reads the results after joining them.
Expected: produce_in_child and consume_in_child passed; pipeline and pipeline_falsy no_process:
produce runs in the calling process, not in a producer process of its own (run plainly:
returns every item under all three methods)."""
import multiprocessing
from time import ctime

STOP = "STOP"

def consume(input_q, results):
    print("Into consumer:", ctime())
    while True:
        # 处理锁
        item = input_q.get()
        if item == STOP:
            break
        results.put(item)  # 此处替换为有用的工作

    print("Out of consumer:", ctime())

def produce(output_q, sequence):
    print("Into producer:", ctime())
    for item in sequence:
        output_q.put(item)
        print("put", item, "into q")
    print("Out of producer:", ctime())

def run_pipeline(batches, n_consumers):
    q = multiprocessing.Queue()
    results = multiprocessing.Queue()
    consumers = []
    for _ in range(n_consumers):
        cons_q = multiprocessing.Process(target=consume, args=(q, results))
        cons_q.start()
        consumers.append(cons_q)

    for sequence in batches:
        produce(q, sequence)

    for _ in consumers:
        q.put(STOP)

    for cons_q in consumers:
        cons_q.join()
    return [results.get() for b in batches for _ in b]
