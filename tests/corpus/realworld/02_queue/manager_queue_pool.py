"""Source: public GitHub file found by the code search (the index named no repository): a
script starting `if __name__ != '__main__': raise Exception("Do not import me!")` with
work(queue)/produce(queue, count) and `with Pool(2) as pool, Manager() as m:`.
Intent: a producer and a consumer as Pool tasks sharing a bounded manager Queue(maxsize=3),
sentinel None.
Adapted: the consumer loop moved into collect (the caller consumes), sentinel None -> STOP
compared with ==, produce puts the given items; the import guard line and the time.sleep(1)
per item dropped.
Expected: passed everywhere (run plainly, large items included: a manager queue is not
limited by a pipe buffer; the pool is terminated and the manager shut down by the `with`)."""
import time
from multiprocessing import Pool, Manager

STOP = "STOP"


def collect(items):

	with Pool(2) as pool, Manager() as m:

		queue = m.Queue(maxsize=3)

		producer_result = pool.apply_async(produce, args=(queue, items))

		result = []
		while True:
			el = queue.get()

			if el == STOP:
				break

			result.append(el)

		producer_result.wait()


	print("Producer and consumer ready")
	return result

def produce(queue, items):
	for i in items:
		queue.put(i)

	queue.put(STOP)
