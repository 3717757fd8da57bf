"""Source: liberbell/py28, sharedata.py.
Intent: show (or discover) that a child's appends to a global list do not reach the parent.
Adapted: square(num_list) -> produce(q, num_list) appending each item (not its square) to the
global `result`; the module-level script -> collect; the child's per-item print of the whole
list dropped (it would print megabytes for the large case).
Expected: produce_in_child failed (nothing, not even STOP, is put on the queue); collect
tutorial/mixed/large failed (always returns []); collect_empty passed ([] is the right answer
and a child was started and joined). Run plainly: the same under all three methods."""
import multiprocessing

STOP = "STOP"

result = []

def produce(q, num_list):
    global result

    for num in num_list:
        result.append(num)

def collect(num_list):
    q = multiprocessing.Queue()
    p1 = multiprocessing.Process(target=produce, args=(q, num_list, ))

    p1.start()
    p1.join()

    print("Main process result:", result)
    return result
