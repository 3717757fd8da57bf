"""A demo at the bottom of the module runs collect() on import, without the
`if __name__ == "__main__":` guard: every spawn or forkserver child imports the module again."""
from multiprocessing import Process, Queue

STOP = "STOP"


def produce(q, items):
    for item in items:
        q.put(item)
    q.put(STOP)


def collect(items):
    q = Queue()
    p = Process(target=produce, args=(q, items))
    p.start()
    got = []
    while True:
        item = q.get()
        if item == STOP:
            break
        got.append(item)
    p.join()
    return got


print(collect([1, 2, 3]))
