"""Source: lyonyang/blogs, Code/blogs-code/ConcurrentProgramming/ConcurrentProcess/multiprocessing_communication_Pipe.py.
Intent: producer/consumer over multiprocessing.Pipe(): each side closes the end it does not
use, the producer closes after sending (for/else), the consumer recv()s until EOFError.
Adapted: the exercise's roles (the child sends, the caller receives); Pipe() is returned by
make_one_way_pipe as the author created it (two-way); the consumer loop collects into a list.
Expected: make_one_way_pipe failed (two-way pipe); send_all and receive_all_* passed under all
three methods (run plainly, large items included)."""
import multiprocessing

def make_one_way_pipe():
    left, right = multiprocessing.Pipe()
    return left, right

def send_all(left, seq):
    for i in seq:
        left.send(i)
    else:
        left.close()

def receive_all(seq):
    left, right = make_one_way_pipe()
    c1 = multiprocessing.Process(target=send_all, args=(right, seq))
    c1.start()
    right.close()
    result = []
    while True:
        try:
            bun = left.recv()
            result.append(bun)
        except EOFError:
            left.close()
            break
    c1.join()
    print('End of main process...')
    return result
