"""Source: openai/baselines, baselines/common/vec_env/subproc_vec_env.py: worker(remote,
parent_remote, env_fn_wrapper) closes parent_remote, then loops on `cmd, data = remote.recv()`,
sending back one reply per command and, on 'close', closing remote and breaking;
SubprocVecEnv makes `self.remotes, self.work_remotes = zip(*[Pipe() ...])`, starts each
Process(target=worker, ...) with daemon = True ("if the main process crashes, we should not
cause things to hang"), closes its copies of the work remotes, sends a command and receives its
reply (step_async / step_wait), and close_extras() sends ('close', None) to every worker and
joins them.
Adapted: one environment: serve(conn) is the worker's loop, its requests plain objects instead
of (cmd, data) pairs: the 'close' command -> STOP, every other request answered with
request * 2 (the env, its wrapper and parent_remote, which serve cannot receive, dropped);
ask_all(requests) is SubprocVecEnv's __init__, one step per request and close_extras().
Expected: correct everywhere: daemon server, the caller's copy of the server end closed, one
request and its reply at a time, STOP then join. Run plainly under fork, spawn and forkserver:
[42, 'abab', [1, 1]], [] and the 1 MB requests answered."""
from multiprocessing import Pipe, Process

STOP = "STOP"


def serve(remote):
    try:
        while True:
            data = remote.recv()
            if data == STOP:
                remote.close()
                break
            else:
                remote.send(data * 2)
    except KeyboardInterrupt:
        print('SubprocVecEnv worker: got KeyboardInterrupt')


def ask_all(requests):
    remotes, work_remotes = zip(*[Pipe() for _ in range(1)])
    ps = [Process(target=serve, args=(work_remote,)) for work_remote in work_remotes]
    for p in ps:
        p.daemon = True  # if the main process crashes, we should not cause things to hang
        p.start()
    for remote in work_remotes:
        remote.close()

    replies = []
    for request in requests:
        for remote in remotes:
            remote.send(request)
        replies.extend(remote.recv() for remote in remotes)

    for remote in remotes:
        remote.send(STOP)
    for p in ps:
        p.join()
    return replies
