"""Source: FirminSun/segmentation, data_processing/multiproc_wr.py.
Intent: writers run as Pool tasks on a Manager queue, a reader takes values until None.
Adapted: write(q, data) -> produce(q, data) putting each item then STOP; the reader's loop
(`if value != None ... else: break`, sentinel renamed STOP) runs in collect after
p.close(); p.join(), as the author's main did before putting its sentinel.
Expected: passed everywhere: joining before reading is safe here because the manager process
holds the queue (run plainly, large items included)."""
from multiprocessing import Process, Pool, cpu_count
import multiprocessing

STOP = "STOP"

# write process:
def produce(q,data):
    # while True:
    #     pass
    for item in data:
        q.put(item)
    q.put(STOP)


def collect(data):
    manager = multiprocessing.Manager()
    q = manager.Queue()

    p = Pool()
    p.apply_async(produce, args=(q, data))

    p.close()
    p.join()

    result = []
    while True:
        value = q.get(True)
        if value !=STOP:
            result.append(value)
        else:
            break

    print("end")
    return result
