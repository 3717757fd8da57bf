"""Every sentence mpkit shows a student, in one place, so it can be translated and tested.

Each entry is a ``str.format`` template; ``text(key, **fields)`` fills it in. Tests import the
keys rather than copying the sentences. ``ZH`` holds the same keys in Simplified Chinese.
"""
import contextlib
import contextvars
import os

EN = {
    # -- generic verdicts ------------------------------------------------------------------
    "not_implemented": "{call} still raises NotImplementedError: open {file}, replace the "
                       "`# TODO` and `raise NotImplementedError` lines with your code.",
    "not_implemented_child": "A child process ran your `{func}`, which still raises "
                             "NotImplementedError: replace its `# TODO` in {file}.",
    "import_error": "{file} could not be imported, so no test of it can run.\n{detail}",
    "import_exit": "{file} stopped the interpreter while being imported ({how}). Code at the "
                   "top level of a module runs on import: put it inside a function or under "
                   "`if __name__ == \"__main__\":`.",
    "import_hang": "Importing {file} never finished. Code at the top level of a module runs "
                   "on import: move loops and waits into functions or under "
                   "`if __name__ == \"__main__\":`.",
    "setup_failed": "The grader could not start this scenario before your module was even "
                    "imported: this is a problem of the grading kit or of the machine, not of "
                    "your code. Please report it with this detail:\n{detail}",
    "shadows_stdlib": "{file} has the name of a module of Python's standard library, so it "
                      "would replace that module for multiprocessing and the grader too. "
                      "Rename it (for example to my_{file}).",
    "no_result": "While running {call} the grader's process ended without handing in its "
                 "result: does your code close file descriptors it did not open (os.closerange, "
                 "os.close) or replace the grader's files? Close only what you opened.",
    # -- the students' README written by `mpkit release` ------------------------------------
    "release_hint_command": "`mpkit hint NAME` (for example `mpkit hint queue`) shows the next "
                            "hint of an exercise, from a nudge to nearly the answer; 提示有中文版。",
    "release_hint_manifest": "Each exercise has hints, from a nudge to nearly the answer, in "
                             "English and Chinese: they are the `hints` (`hints_zh`) of its entry "
                             "in `grader/course/manifest.toml`. Read them one at a time. 提示见 "
                             "`grader/course/manifest.toml` 中的 `hints_zh`。",
    "assert_failed": "{call} did not do what the test expects:\n{explanation}",
    "test_error": "The test of {call} could not read what your code did ({exc_type}: "
                  "{exc_message}): check what your function returns.",
    "raised": "{call} raised {exc_type}: {exc_message}\n{traceback}",
    "child_crashed": "A child process running {target} raised {exc_type}: {exc_message}\n"
                     "{traceback}",
    "child_exit": "A child process running {target} ended with exit code {code}{signal}. "
                  "Something in it failed: run it on its own to see why.",
    "runner_died": "The process running {call} died ({how}) before it could finish.{hint}",
    "died_signal": "killed by {signal}",
    "died_code": "exit code {code}",
    "hint_segfault": "In Python code a segmentation fault usually means recursion deeper than "
                     "the C stack allows (a raised sys.setrecursionlimit): use a loop instead.",
    "parent_killed": "The grader's supervising process was killed while running {call}. Does "
                     "your code kill its parent (os.getppid()) or its process group? A child "
                     "should never signal its parent.",
    "not_joined": "{call} returned while {count} process(es) it started had not been waited "
                  "for ({which}). Call .join() on every process you start before returning, "
                  "so none is left running or unwaited for.",
    "deadlock": "{call} was stuck: every process was blocked waiting for another one, so none "
                "could go on (stopped after {seconds:.1f} s).\nWhere each process was:\n{where}",
    "timeout": "{call} did not finish within {seconds:.0f} s.{why}\nWhere each process was:\n{where}",
    "timeout_busy": " Some processes were still running code (a loop that never ends?).",
    "timeout_timed": " No process was running code: they were waiting with a time limit (such "
                     "as poll(60), get(timeout=...) or sleep) that had not run out, or that is "
                     "retried forever. The other side never sent what they waited for.",
    "role_caller": "calling process (pid {pid})",
    "role_child": "child running {target} (pid {pid})",
    "role_other": "process {pid}",
    "where_no_frames": "none of your code on its stack ({inner})",
    "wait_feeder": "waiting for its queue's background thread to hand over data that no process "
                   "is reading: get everything from a queue before you join its producer",
    "wait_send": "waiting to send: the pipe is full and no process is reading the other end",
    "wait_receive": "waiting to receive from a queue or pipe",
    "wait_lock": "waiting for a lock",
    "wait_event": "waiting for an Event or Condition",
    "wait_join": "waiting for a process to end (join)",
    "wait_sleep": "sleeping",
    "wait_manager": "waiting for the Manager's process to answer",
    "wait_pool": "waiting for the Pool's workers",
    "wait_other": "waiting inside Python's {module} module",
    "activity_running": "[running code]",
    "activity_timed_wait": "[waiting with a time limit]",
    "activity_waiting": "[waiting]",
    "state_alive": "still running",
    "state_zombie": "finished but never joined",
    "state_gone": "ended",
    "not_called": "The grader did not get to call {call}.",
    "where_unknown": "  (no stack dump on this platform)",
    "where_none": "  (no process was in your code)",
    "leaked": "{call} left {count} process(es) running after everything returned ({which}). "
              "Every process you start must have ended and been joined; processes started "
              "outside multiprocessing (os.fork, setsid) are not allowed here.",
    "leaked_one": "pid {pid}, running {target}",
    "unreadable_report": "The grader could not read what the scenario of {call} reported "
                         "({detail}): something in the scenario wrote observations the grader "
                         "does not understand (did your code write into the grader's files?). "
                         "This test gets no points; the others are not affected.",
    "backstop": "The grader's supervisor did not come back while running {call}, so it was "
                "stopped and its processes killed.",
    "too_many_processes": "{call} started more than {limit} processes at once, so the grader "
                          "stopped it. Is a process starting processes in a loop?",
    "too_much_memory": "{call} used more than {limit} MB of memory across its processes, so the "
                       "grader stopped it.",
    "signal_output": "the file size limit of {limit} KB was reached: something writes a file "
                     "without end",
    "driver_error": "The grader could not use what {call} gave back: {exc_type}: {exc_message}",
    "output_cut": "[... {cut} more bytes of output were printed; the report keeps the first "
                  "part only ...]",
    # -- what breaks under spawn and forkserver, in plain words ------------------------------
    "cause_lambda": "Under the {method} start method a child gets its target by importing your "
                    "module, and a lambda has no name to import it by. Make the target a "
                    "top-level function (def ... at the left margin of the module).",
    "cause_closure": "Under the {method} start method a child gets its target by importing your "
                     "module, and a function defined inside another function cannot be found "
                     "that way. Move it to the top level of the module.",
    "cause_main": "Under the {method} start method a child imports your target from its module, "
                  "but this one lives in __main__ (a script run directly, or a notebook cell), "
                  "which the child cannot import. Put the target in the module file.",
    "cause_guard": "Your module starts a process while it is being imported ({where}). Under "
                   "the {method} start method every child imports your module again, so each "
                   "child would start processes of its own. Put that code inside a function or "
                   "under `if __name__ == \"__main__\":`.",
    "cause_threading_lock": "A threading.Lock works only between the threads of one process: it "
                            "cannot be handed to another process (under the {method} start "
                            "method everything a child gets is pickled, and a threading.Lock "
                            "cannot be). Use multiprocessing.Lock() instead.",
    "unknown_target": "a function of yours",
    "child_failed_so": "(A child process running {target} failed with {exc_type} because of it.)",
    "peer_closed": "{call} stopped receiving before the child running {target} had sent "
                   "everything: the child's send failed with {exc_type} because the other end "
                   "was already closed. Do not stop at the first poll() that finds nothing yet; "
                   "keep receiving until recv() raises EOFError (or STOP arrives).",
    "cause_output": "Your code wrote a file larger than the grader's limit, so the write "
                    "failed: something writes without end.",
    "cause_pickle": "Under the {method} start method everything passed to a child is pickled, "
                    "and this object cannot be: pass plain data, top-level functions and "
                    "multiprocessing objects.",
    # -- expectations shared by the checks ---------------------------------------------------
    "wrong_return": "{call} returned {actual}, expected {expected}.",
    "wrong_output": "{call} printed {actual}, expected exactly {expected}.",
    "ran_in_caller": "{call}: {function} ran in the calling process (pid {pid}), not in a new "
                     "one. Create a Process with target={function} and call .start() on it: "
                     "calling {function}(...) directly, or calling .run(), runs it right here.",
    "target_called": "{call} called {function}(...) itself while creating the Process: "
                     "`Process(target={function}(...))` runs {function} right there, in the "
                     "calling process, and gives the child its result (None) as the target, so "
                     "the child has nothing to do. Pass the function without calling it: "
                     "`Process(target={function}, args=(...))`.",
    "not_run_in_child": "{call} started {count} process(es) (running {targets}), but {function} "
                        "never ran in any of them. The new process must run {function}: "
                        "`Process(target={function}, args=(...))`.",
    "not_crossed": "{call} returned the right items, but {missing} never came from the child "
                   "running {function}: the grader saw no such item leave another process and "
                   "arrive in the caller. The child must send every item and the caller must "
                   "receive it; handing back the list it was given does not count.",
    "run_not_start": "{call} called .join() on a process that was never started: .run() runs "
                     "the target right here in the calling process. Call .start() instead, then "
                     ".join().",
    "gave_up_racy": "{call} stopped receiving because {how}() found nothing yet, not because the "
                    "sender was done (recv() raising EOFError, or STOP arriving). That races "
                    "with the sender: this time it was quick enough, another time it is not. "
                    "Keep receiving until the end of the stream.",
    "gave_up_stuck": "The caller had stopped receiving because {how}() found nothing yet, not "
                     "because the sender was done, and then waited for a sender that still had "
                     "data to hand over. Whether that happens depends on which process is "
                     "quicker: keep receiving until the end of the stream (EOFError, or STOP).",
    "sentinel_arrived": "STOP arrived, yet collect kept waiting for more: compare with "
                        "`item == STOP`. A string that crossed from another process is a new "
                        "object, so `item is STOP` is never true (and `if not item` stops at "
                        "None or 0, which are items too).",
    "stuck_where": "This time it got stuck; where each process was:\n{where}",
    "left_waiting": "The other processes were left waiting for it:\n{where}",
    "no_process_started": "{call} never started a process. Create a Process(target=..., "
                          "args=...) and call .start() on it.",
    # -- 01_process ----------------------------------------------------------------------------
    "exit_code_not_child": "{call} returned {actual}, but the child process's exit code was "
                           "{code}. Return p.exitcode after p.join(): before the join the child "
                           "may still be running and exitcode is None.",
    "background_not_process": "{call} returned {actual}; it should return the started "
                              "multiprocessing.Process.",
    "background_not_started": "{call} returned a Process that was never started: call "
                              ".start() before returning it.",
    "background_not_alive": "{call} returned a process that was no longer running, though the "
                            "grader's target was still waiting to be released. Did it wait for "
                            "or stop the process before returning?",
    "background_target": "{call} started a process, but the grader's target did not run in it "
                         "(ran in: {pids}). Pass target and *args to the Process.",
    "background_waits": "start_in_background must return at once, without waiting: the "
                        "grader's target only finishes when the grader releases it, after your "
                        "function returns. Don't call .join() in start_in_background.",
    # -- 02_queue ------------------------------------------------------------------------------
    "stop_changed": "queue_messages.STOP must be the string 'STOP' (it is given in the stub).",
    "produce_items": "produce(q, {items}) put {actual} on the queue, expected {expected} "
                     "(every item in order, then STOP).",
    "queue_deadlock_hint": "Hints: produce must put STOP after the items, and collect must get "
                           "every item (until STOP) *before* joining the producer: a process "
                           "that has put large items on a queue cannot end until they are read.",
    # -- 03_pipe -------------------------------------------------------------------------------
    "pipe_not_pair": "make_one_way_pipe() returned {actual}; expected a pair "
                     "(receiving_end, sending_end) of multiprocessing connections.",
    "pipe_two_way": "make_one_way_pipe() returned a two-way pipe: its receiving end can also "
                    "send. Use Pipe(duplex=False).",
    "pipe_swapped": "make_one_way_pipe() returned the ends the wrong way round: Pipe(duplex="
                    "False) gives (receiving end, sending end), return them in that order.",
    "pipe_broken": "make_one_way_pipe() returned ends that do not carry data from the sending "
                   "end to the receiving end: {detail}",
    "pipe_forward_arrived": "data sent on the sending end arrived",
    "pipe_forward_lost": "data sent on the sending end did not arrive",
    "send_all_items": "send_all(conn, {items}) sent {actual}, expected {expected} in order.",
    "send_all_open": "send_all(conn, items) sent the items but did not close conn: call "
                     "conn.close() at the end so the receiver gets EOFError.",
    "pipe_deadlock_hint": "Hint: recv() only raises EOFError once *every* copy of the sending "
                          "end is closed, and the parent holds a copy too: close the parent's "
                          "sending end right after starting the child.",
    # -- 04_lock -------------------------------------------------------------------------------
    "report_output": "{call} printed {actual}, expected exactly {expected}.",
    "report_unlocked": "{call} printed without holding the lock: print inside `with lock:`.",
    "lines_wrong": "{call} printed the lines {actual}; expected each of {expected} exactly "
                   "once, each on a line of its own.",
    "lines_missing": "Missing: {lines}.",
    "lines_extra": "Extra: {lines}.",
    "lines_from_caller": "The calling process (pid {pid}) printed {lines} itself: report_all "
                         "should only start, and wait for, the processes that print.",
    "lines_unended": "Output not ending with a new line: {lines}.",
    "lines_not_children": "{call} printed from {count} distinct child process(es); expected {n}"
                          ", one per line.",
    "lines_pool": "{call} used a Pool: a Pool hands each task to whichever of its workers is "
                  "free, so how many processes print depends on timing (this time {count} of "
                  "{n}). report_all must start one process per report: "
                  "Process(target=report, args=(lock, i)) for each i.",
    "unlocked_write": "{call}: process {pid} wrote {text} while holding no lock. Take the lock "
                      "before printing and release it after: `with lock: print(...)`.",
    "unlocked_write_caller": "{call}: the calling process (pid {pid}) wrote {text} while holding "
                             "no lock, while the children were still printing, so the lines "
                             "could mix. Print from report only, or take the same lock.",
    "no_shared_lock": "{call}: the processes printed while holding different locks, so they "
                      "did not keep each other out. Create ONE Lock in report_all and pass that "
                      "same lock to every process.",
    "lock_deadlock_hint": "Hint: a lock must be released after printing (`with lock:` does it "
                          "for you), or the next process waits for it forever.",
    # -- 10_pool_map ---------------------------------------------------------------------------
    "pool_missing": "{call} used no Pool: create one with `Pool(processes)` (or a "
                    "ProcessPoolExecutor(max_workers)) and hand it the work with pool.map.",
    "pool_size": "{call} made a pool of {actual} worker process(es), expected {expected}: pass "
                 "the number of processes you were given, `Pool(processes)`.",
    "pool_size_default": "{call} made a pool of the default size (one worker per core), "
                         "expected {expected} workers: pass the number of processes you were "
                         "given, `Pool(processes)`.",
    "pool_not_closed": "{call} returned without shutting its pool down, so its worker processes "
                       "were left running. Use `with Pool(processes) as pool:` around the work, "
                       "or call pool.close() and then pool.join() before returning.",
    "pool_not_joined": "{call} closed its pool but did not wait for its worker processes to "
                       "end: after pool.close(), call pool.join() (close only stops new work "
                       "from coming in).",
    "pool_in_caller": "{call}: the function ran in the calling process (pid {pid}), not in the "
                      "pool's workers. Hand it to the pool, `pool.map(function, items)`, instead "
                      "of calling it yourself.",
    "pool_one_process": "{call}: every item ran in one process (pid {pid}); the grader's function "
                        "kept item 0 waiting {seconds:.0f} s for another worker to take an item, "
                        "and none did. Give the pool all the items at once with "
                        "pool.map(function, items), without a chunksize that puts them all in "
                        "one task.",
    "pool_order": "The results are all there but in another order: return them in the order of "
                  "the items, as pool.map does (imap_unordered or as_completed give them in "
                  "the order they finish).",
    # -- 11_event_start ------------------------------------------------------------------------
    "event_not_waited": "{call}: the worker in process {pid} never waited on the start Event "
                        "that was set: call start.wait() before doing the work, on the Event "
                        "you were given.",
    "event_early": "{call}: the worker in process {pid} put its number on the queue before the "
                   "start Event was set. Call start.wait() first: it returns only once the "
                   "parent has called start.set().",
    "event_set_early": "{call} set the start Event before starting every worker ({count} of "
                       "{n} were started after the set), so those did not wait at all. Start "
                       "every worker first, then call start.set().",
    "event_never_set": "{call} never set the Event its workers waited on: call start.set() in "
                       "the parent once every worker has been started.",
    "event_items": "{call} returned {actual}; expected the numbers {expected}, each once, in "
                   "any order.",
    "event_not_crossed": "{call} returned the right numbers, but not all of them came from the "
                         "workers through the queue: get each number from the queue the "
                         "workers put them on.",
    "event_worker_item": "{call} put {actual} on the queue (as a list of what arrived); "
                         "expected its number, [{item}].",
    "event_deadlock_hint": "Hint: start.wait() blocks until some process calls start.set() on "
                           "the same Event. Create one Event, pass it to every worker, start "
                           "them all, set it, and only then get the numbers and join.",
    # -- 12_semaphore --------------------------------------------------------------------------
    "sem_work_not_called": "{call} never called work(i): call it inside `with sem:`.",
    "sem_work_unheld": "{call}: process {pid} ran work(i) while holding no semaphore. Take the "
                       "semaphore around the work: `with sem: work(i)`.",
    "sem_not_released": "{call} did not give the semaphore back after the work: use `with sem:` "
                        "(or call sem.release() after sem.acquire()), or the other processes "
                        "wait for it forever.",
    "sem_work_in_caller": "{call}: work ran in the calling process (pid {pid}), not in the new "
                          "processes: start each with Process(target=guarded, args=(sem, work, i)).",
    "sem_items": "{call} ran work for {actual}; expected each of {expected} exactly once.",
    "sem_not_shared": "{call}: the processes worked while holding different semaphores, so they "
                      "did not limit each other. Create ONE Semaphore(limit) in run_limited and "
                      "pass that same semaphore to every process.",
    "sem_value": "{call}: the semaphore the workers shared was made with the value {value}, so "
                 "up to {value} processes could work at once; the limit is {limit}: "
                 "Semaphore(limit).",
    "sem_too_many": "{call}: {most} processes held the semaphore at the same time, more than "
                    "the limit of {limit}. Does something release it without having acquired it?",
    "semaphore_deadlock_hint": "Hint: every acquire needs its release (`with sem:` does both), "
                               "or the processes after the first few wait forever.",
    # -- 13_barrier ----------------------------------------------------------------------------
    "phases_calls": "{call} did {actual} as (phase, item); expected work(1, 5), then work(2, 5).",
    "phases_no_wait": "{call} did not call barrier.wait() between work(1, i) and work(2, i).",
    "phases_in_caller": "{call}: work ran in the calling process (pid {pid}), not in the new "
                        "processes: start each with Process(target=phased, args=(barrier, work, i)).",
    "phases_items": "{call} did {actual} as (phase, item); expected each of {expected} exactly once.",
    "phases_overtaken": "{call}: item {ahead} began phase 2 before item {behind} had finished "
                        "phase 1. Every worker must wait at the barrier, barrier.wait(), between "
                        "its two phases.",
    "phases_not_shared": "{call}: the workers did not all wait at one and the same barrier. "
                         "Create ONE Barrier(n) in run_phases and pass it to every process.",
    "barrier_deadlock_hint": "Hint: a Barrier(k) lets its waiting processes go only once k of "
                             "them have called wait(): make it for exactly n processes, and let "
                             "every worker (not the parent) wait at it once.",
    # -- 14_manager_dict -----------------------------------------------------------------------
    "manager_record": "record(d, 'k', 42) left d as {actual}, expected {{'k': 42}}: d[key] = value.",
    "manager_not_shut": "{call} returned without shutting its Manager down, so its server process "
                        "was left running: use `with Manager() as manager:` around the work, or "
                        "call manager.shutdown() before returning.",
    "manager_returned_proxy": "{call} returned {actual}, a proxy to the manager's dict: once the "
                              "manager shuts down it no longer works. Return a plain copy, "
                              "`dict(d)`, made before the manager shuts down.",
    "manager_not_dict": "{call} returned {actual}; expected a plain dict of every key and value.",
    "manager_contents": "{call} returned {actual}; expected {expected} (in any order).",
    "manager_plain_dict": "No child wrote into a Manager's dict: a plain dict passed to a child is "
                          "copied into it, and what the child writes stays in its copy. Make the "
                          "dict with manager.dict() and pass that to the children.",
    "manager_key_not_from_child": "{call}: the key {key} was not written into the manager's dict "
                                  "by a child process running record. Each child must write its "
                                  "own pair: Process(target=record, args=(d, key, value)).",
    # -- 05_producers --------------------------------------------------------------------------
    "stop_changed_producers": "producers_consumers.STOP must be the string 'STOP' (it is given "
                              "in the stub).",
    "produce_puts_stop": "{call} put STOP after the items: produce must put only its items. "
                         "With several producers, one producer's STOP can reach a consumer while "
                         "another producer still has items to put, and that consumer stops too "
                         "early. run_pipeline puts the STOPs, after it has joined every producer.",
    "produce_only_items": "{call} put {actual} on the queue, expected {expected}: every item, "
                          "in order, and nothing else.",
    "consume_past_stop": "{call} also took {after}, which was behind its STOP: a consumer must "
                         "return as soon as it takes one STOP and leave the rest on the queue "
                         "for the other consumers (each of them needs a STOP of its own).",
    "consume_items": "{call} put {actual} on results, expected {expected}: every item before "
                     "the STOP, in order, and never STOP itself.",
    "consume_deadlock_hint": "Hint: consume must return when it takes STOP. Compare with "
                             "`item == STOP`: a string that crossed from another process is a "
                             "new object, so `item is STOP` is never true.",
    "workers_count": "{call} ran {function} in {count} child process(es), expected {n}: start "
                     "one Process(target={function}, ...) for each of them.",
    "items_extra": "Extra or repeated: {items}.",
    "pipeline_items": "{call} returned {actual}; expected each of {expected} exactly once, in "
                      "any order.",
    "stop_before_producers": "{call} put STOP on the queue before it had seen the producer "
                             "process(es) {pids} end. A STOP put then can get ahead of items "
                             "still to come, and the consumer that takes it stops too early; "
                             "whether that happens depends on which process is quicker. Join "
                             "every producer first, then put one STOP per consumer.",
    "stops_missing": "The caller put {puts} STOP(s) for {n} consumers: each consumer stops at "
                     "the one STOP it takes, so the others wait for one forever. Put one STOP "
                     "per consumer.",
    "pipeline_deadlock_hint": "Hints: join every producer, then put one STOP per consumer; get "
                              "every item from results *before* joining the consumers; consume "
                              "must return at its STOP.",
    # -- 06_join_timeout -------------------------------------------------------------------------
    "timeout_not_stopped": "{call}: the process was still running, and your code did not stop "
                           "it. When p.is_alive() is still True after p.join(timeout), call "
                           "p.terminate(), then p.join().",
    "terminate_no_join": "{call} called terminate() but not join() after it. terminate() only "
                         "sends the process a signal and returns at once: the process may still "
                         "be ending, so exitcode can be None on one run and set on the next. "
                         "Call p.join() after p.terminate(), then read p.exitcode.",
    "stop_wrong_code": "{call} returned {actual}, but the process's exit code was {code}: return "
                       "p.exitcode after p.join().",
    "timeout_target": "{call} started {count} process(es), but the grader's target ran in none "
                      "of them: pass target and args to the Process (Process(target=target, "
                      "args=args)).",
    "timeout_finished_code": "{call}: the grader's target ended with exit code {code}, not the "
                             "one it was given: was it cut short? A process that ends by itself "
                             "within the time allowed must not be terminated.",
    "timeout_finished_wrong": "{call} returned {actual}, expected {expected}: the target ended "
                              "by itself well within the time allowed. Decide `finished` with "
                              "p.is_alive() right after p.join(timeout) (not from the exit code: "
                              "a process can end by itself with any exit code), and return the "
                              "process's own exit code.",
    "timeout_stopped_wrong": "{call} returned {actual}, expected {expected}: the grader's target "
                             "never ends by itself (the grader lets it go only after your "
                             "function returns), so it was still running when the time was up. "
                             "Look with p.is_alive() right after p.join(timeout), before you "
                             "stop it, and return the exit code read after the final join().",
    "stop_deadlock_hint": "Hint: stop gets a process that never ends by itself, so join() alone "
                          "waits for ever: if p.is_alive(), call p.terminate() first, then "
                          "p.join().",
    "join_timeout_deadlock_hint": "Hint: the grader's target never ends by itself (the grader "
                                  "lets it go only after your function returns), so p.join() "
                                  "without a timeout waits for ever. Use p.join(timeout), then "
                                  "p.is_alive() to see whether it finished, and p.terminate() "
                                  "and p.join() if not.",
    # -- 07_child_errors -------------------------------------------------------------------------
    "run_task_put": "{call} put {actual} on results, expected {expected}: (index, True, value) "
                    "when func(arg) returns, (index, False, \"<ExceptionType>: <message>\") when "
                    "it raises, such as \"%s: %s\" % (type(exc).__name__, exc).",
    "run_all_deadlock_hint": "Hints: every task must put exactly one outcome on the queue, an "
                             "exception included (catch it in run_task), or the caller waits for "
                             "one that never comes; get every outcome *before* joining.",
    "exit_codes_processes": "{call} should start {n} processes, each running func(arg) for one "
                            "argument: Process(target=func, args=(arg,)).",
    "exit_code_changed": "{call}: the process that ran task({arg}) ended with exit code {code}, "
                         "expected {expected}. Run func itself as the target, without catching "
                         "its exception: a process whose target raises ends with exit code 1, "
                         "and one that calls sys.exit(n) with exit code n.",
    "exit_codes_wrong": "{call} returned {actual}, but the processes' exit codes were {expected}. "
                        "Read p.exitcode only after p.join(): before the process has ended it "
                        "is None.",
    # -- 08_two_way_pipe -------------------------------------------------------------------------
    "stop_changed_pipe": "request_reply.STOP must be the string 'STOP' (it is given in the stub).",
    "serve_replies": "{call}: the replies were {actual}, expected {expected}: request * 2 for "
                     "each request, sent back as soon as it arrives.",
    "serve_deadlock_hint": "Hint: the grader sends one request and waits for its reply before it "
                           "sends the next, so serve must answer each request at once (recv, "
                           "then send), and return when it receives STOP (compare with "
                           "`request == STOP`).",
    "ask_all_deadlock_hint": "Hints: send one request, then receive its reply, before sending "
                             "the next: a process that sends everything first can block on a "
                             "full pipe while the server blocks sending a reply nobody reads. "
                             "Send STOP at the end, or the server waits for ever (and so does "
                             "your join).",
    "stop_never_sent": "{call} never sent STOP: the server waits for another request for ever, "
                       "and the join waits for the server. Send STOP after the last request.",
    "server_terminated": "{call} ended the server with terminate() or kill(): send it STOP "
                         "instead, so it returns by itself, then join it.",
    "server_no_stop": "{call}: the server never received STOP. Send STOP after the last "
                      "request, so the server returns by itself, then join it.",
    # -- 09_shared_counter -----------------------------------------------------------------------
    "counter_unlocked": "{call}: process {pid} {what} counter.value without holding "
                        "counter.get_lock(). `counter.value += 1` is a read and then a write: "
                        "another process can change the value in between, and an increment is "
                        "lost (on some runs only, which is why the grader looks at the lock, not "
                        "at the total). Put the whole increment inside `with counter.get_lock():`.",
    "counter_read": "read",
    "counter_write": "wrote",
    "counter_read_and_write": "read and wrote",
    "counter_unseen": "{call}: the grader did not see process {pid} both read and write "
                      "counter.value. Increment the shared counter itself, with "
                      "`counter.value += 1` inside `with counter.get_lock():`.",
    "counter_total": "{call} left the counter at {actual}, expected {expected}.",
    "counter_deadlock_hint": "Hint: take counter.get_lock() once around each increment and let "
                             "`with` release it; a lock that is never released stops every "
                             "other process.",
    # -- reports ---------------------------------------------------------------------------------
    "start_here": "Start here: read {readme}, then edit {module}. Run `mpkit grade` again to "
                  "check.",
    "next_up": "Next: {folder} ({title}). Read {readme}.",
    "all_done": "Every test passed. Well done!",
    "hidden_tag": " (hidden test)",
    # -- grading a class: submissions, Gradescope, JUnit, Markdown, feedback, grades.csv ---------
    "file_expected": "No {file} was found in the submission, so no test of {folder} could run. "
                     "Hand in {file}, either in a folder {folder}/ or at the top level.",
    "file_expected_found": "No {file} was found in the submission, so no test of {folder} could "
                           "run; it holds {found} instead. Rename your module to {file} "
                           "(in a folder {folder}/ or at the top level).",
    "file_too_large": "{path} is larger than {limit} KB, so it was not graded. Hand in only "
                      "your module's code.",
    "file_unreadable": "{path} could not be read ({detail}), so it was not graded.",
    "submission_unreadable": "The submission could not be read ({detail}), so nothing in it "
                             "could be graded. Hand in your module files, a folder laid out "
                             "like exercises/, or a zip of either.",
    "internal_error": "The grader failed before it could finish grading this submission: this "
                      "is a problem of the grading kit, not of your code. Please tell your "
                      "instructor. ({detail})",
    "test_output": "{status}: {message}",
    "gradescope_summary": "{passed} of {visible} visible tests passed.",
    "gradescope_hidden": "{count} hidden tests are graded too: you see them when grades are "
                         "published.",
    "junit_hidden": "hidden test",
    "md_columns": "exercise|test|verdict|points",
    "md_total": "**Total: {score}/{max_score}**",
    "feedback_title": "Feedback for {student}",
    "feedback_details": "What went wrong",
    "feedback_output": "Output:",
    "note_missing": "{folder}: no usable {file}",
    "note_statuses": "{folder}: {statuses}",
    "note_unreadable": "unreadable: {detail}",
    # -- the text report and the self-study loop (list, show, hint, watch) ----------------------
    "score_line": "Score: {score}/{max_score}",
    "output_label": "output:",
    "test_ok": "ok  ",
    "test_fail": "FAIL",
    "exercise_not_started": "not started ({count} tests)",
    "exercise_passed": "all {count} tests passed",
    "exercises_later": "{first} to {last}: {count} more exercises, not started (`mpkit list` shows them all)",
    "grading_progress": "grading",
    "shake_seed": "Schedules shaken on purpose, with seed {seed}: small random delays at each start, put, get, send, recv, acquire, release, join and print.",
    "shake_passed": "Everything passed under this shaking too.",
    "shake_reproduce": "The same seed brings the same delays again; to grade what failed that way again:",
    "list_columns": "#|exercise|title|points|hints|status",
    "status_done": "done",
    "status_in_progress": "in progress",
    "status_not_started": "not started",
    "list_footer": "{done} of {total} exercises done. Next: `mpkit show {name}`, then `mpkit watch`.",
    "list_all_done": "All {total} exercises done. Well done!",
    "hint_header": "Hint {number} of {total} for {folder} ({title}):",
    "hint_last": "That was the last hint: the next `mpkit hint {name}` shows it again. The "
                 "exercise's README explains the idea in full: `mpkit show {name}`.",
    "hint_more": "Still stuck? `mpkit hint {name}` gives the next hint.",
    "no_readme": "There is no statement for {folder} in {path}.",
    "readme_fallback": "(This statement has no Chinese version yet; here is the English one.)",
    "watch_start": "Watching {path}: each time you save an exercise's file, that exercise is "
                   "graded again. Press Ctrl-C to stop.",
    "watch_passed": "{folder} passed! Moving on to the next exercise.",
    "watch_waiting": "Waiting for you to save {file}...",
    "watch_all_done": "Every exercise is done. Well done!",
    "watch_stopped": "Stopped watching. Your progress is saved in {path}.",
    "progress_unreadable": "{path} is not an mpkit progress file ({detail}). Delete it (you "
                           "lose only which hints you have seen and what was last graded) or "
                           "move it away, then try again.",
    "progress_unwritable": "your progress could not be saved in {path} ({detail}); grading "
                           "works, but `mpkit list` and `mpkit hint` will not remember it.",
    # -- timeline of a failing scenario (text, HTML, notebook) -----------------------------
    "tl_header": "Timeline, one line per process, {span} from left to right{skipped}:",
    "tl_skipped": " ('/' = idle time left out)",
    "tl_caller": "caller",
    "tl_blocked": "blocked",
    "tl_stopped": "stopped",
    "tl_running": "running",
    "tl_exit": "exit {code}",
    "tl_legend": "Legend:",
    "tl_sym_start": "started a process",
    "tl_sym_joined": "join() returned",
    "tl_sym_call": "the grader called your function",
    "tl_sym_returned": "it returned",
    "tl_sym_lock": "took the lock",
    "tl_sym_release": "released the lock",
    "tl_sym_lock_wait": "found the lock taken",
    "tl_sym_put": "put on a queue",
    "tl_sym_get": "got from a queue",
    "tl_sym_send": "sent on a pipe",
    "tl_sym_recv": "received from a pipe",
    "tl_sym_eof": "end of the pipe (EOFError)",
    "tl_sym_raised": "raised an exception",
    "tl_sym_terminate": "terminated a process",
    "tl_sym_print": "printed a line holding a lock",
    "tl_sym_print_nolock": "printed a line holding no lock",
    "tl_sym_wait": "waiting (join, lock, get, recv)",
    "tl_sym_blocked": "still waiting when the grader stopped it",
    "tl_mark_start": "started process {detail}",
    "tl_mark_joined": "join() of process {detail} returned",
    "tl_mark_call": "the grader called {detail}",
    "tl_mark_returned": "{detail} returned",
    "tl_mark_lock": "took lock {detail}",
    "tl_mark_release": "released lock {detail}",
    "tl_mark_lock_wait": "lock {detail} was taken: waits for it",
    "tl_mark_put": "put on queue {detail}",
    "tl_mark_get": "got from queue {detail}",
    "tl_mark_send": "sent {detail}",
    "tl_mark_recv": "received {detail}",
    "tl_mark_eof": "recv() raised EOFError: the sending end is closed",
    "tl_mark_raised": "raised {detail}",
    "tl_mark_terminate": "terminated process {detail}",
    "tl_mark_print": "printed {text} holding lock {locks}",
    "tl_mark_print_nolock": "printed {text} holding no lock",
    "tl_wait_join": "waiting in join()",
    "tl_wait_lock": "waiting for the lock",
    "tl_wait_get": "waiting in get()",
    "tl_wait_recv": "waiting in recv()",
    "tl_wait_open": "{wait}, still when the grader stopped it",
    "tl_lane": "{label} (pid {pid})",
    "tl_lane_end_blocked": "blocked at {line}",
    "html_title": "mpkit report: {submission}",
    "html_score": "Score: {score}/{max_score}",
    "html_columns": "test|start method|verdict|points",
    "html_timeline": "What each process did",
    "html_timeline_none": "No timeline was recorded for this test.",
    "html_ms": "{ms} ms",
    "html_skipped": "{seconds} s idle",
    "html_index_title": "mpkit class report",
    "html_index_tests": "Pass rate per test",
    "html_index_students": "Students by total",
    "html_index_test_columns": "exercise|test|passed|rate",
    "html_index_student_columns": "student|total|report",
    "html_index_not_graded": "not graded",
    # -- notebooks (nbgrader) ---------------------------------------------------------------------
    "nb_howto": "**How to work in this notebook.** Write your code in the cell below that starts "
                "with `%%writefile {file}`, then run it: it saves your code as the module "
                "`{file}`, which the child processes import by name under every start method "
                "(a function defined in a notebook cell cannot be loaded by a child under spawn "
                "or forkserver). Keep that first line as it is. Then run the test cells, or see "
                "every verdict at once with:\n\n"
                "```python\nfrom grader.notebook import check\ncheck(\"{folder}\")\n```\n\n"
                "To try your functions yourself, import the module in a new cell "
                "(`import importlib, {module}; importlib.reload({module})`).",
    "nb_tests": "**Tests.** Each cell below grades one test of {folder} by running your module "
                "as real processes; when it fails it says why. Some tests are hidden: they are "
                "run when your notebook is graded.",
    "nb_module_missing": "{file} is not in this folder yet: run the cell that starts with "
                         "`%%writefile {file}` first (it saves your code as the module the "
                         "tests import).",
    "nb_passed": "{name}: passed ({points} of {points} points)",
    "nb_no_writefile": "No cell of {notebook} starts with `%%writefile {file}`, so no test of "
                       "{folder} could run. The solution cell's first line must stay "
                       "`%%writefile {file}`.",
    # -- 15_shared_array -----------------------------------------------------------------------
    "array_slice": "{call} left arr as {actual}, expected {expected}: write i * i into arr[i] for "
                   "each i in range(start, stop), and nothing else.",
    "array_written_by_caller": "{call}: the calling process (pid {pid}) wrote arr[{index}] itself. "
                               "The children must fill the array: start each with "
                               "Process(target=fill_squares, args=(arr, start, stop)) and let the "
                               "caller only read the result.",
    "array_not_shared": "{call}: fill_squares ran in the children, but none of them wrote into a "
                        "multiprocessing.Array. A plain list handed to a child is copied into it, "
                        "and what the child writes stays in its copy, lost when it ends. Make the "
                        "array with Array(\"i\", n), pass that very Array to every child, and write "
                        "through arr[i] = ... (the grader sees writes made that way, not through "
                        "get_obj() or an Array made with lock=False).",
    "array_missing": "{call}: no child wrote the element(s) {missing} of the array. Together the "
                     "slices must cover every index from 0 to n - 1, also when n is not a multiple "
                     "of the number of processes.",
    "array_writers": "{call}: {count} process(es) wrote into the array, expected {n}: give each "
                     "of the n_processes children a slice of its own, none of them empty.",
    "array_one_at_a_time": "{call} waited for a child before it had started them all, so the "
                           "children worked one after another. Start every process first, then "
                           "join them all.",
    "array_child_values": "{call}: the children wrote {value} into arr[{index}], expected "
                          "{expected}: fill_squares must write i * i into arr[i].",
    "array_deadlock_hint": "Hint: fill_squares only writes into the array and returns; start "
                           "every process, then join each of them once.",
    # -- 16_daemon_shutdown --------------------------------------------------------------------
    "serve_squares": "{call}: the grader got {actual} back from serve, expected {expected}. serve "
                     "must keep taking jobs, in a loop that never ends: get n from jobs, put n * n "
                     "on results, and go round again.",
    "shutdown_not_stopped": "{call} did not call terminate() on the worker. serve never ends by "
                            "itself: stop it with worker.terminate(), then worker.join().",
    "shutdown_killed": "{call} stopped the worker with kill(). This exercise asks for terminate(): "
                       "it sends SIGTERM, the polite request to end, which a program can catch to "
                       "tidy up; kill() sends SIGKILL, which cannot be caught or refused. Keep "
                       "kill() for a worker that did not end after terminate().",
    "shutdown_no_join": "{call} called terminate() but not join() after it. terminate() only "
                        "sends the worker a signal and returns at once: the worker may still be "
                        "ending, and its exit code may still be None. Call worker.join() after "
                        "worker.terminate(), then read worker.exitcode.",
    "shutdown_not_daemon": "{call} started the worker without daemon=True. A daemon process is "
                           "stopped when the program that started it exits; a worker that waits "
                           "for jobs for ever and is not a daemon keeps the program from ever "
                           "ending if something goes wrong before your terminate(). Write "
                           "Process(target=serve, args=(jobs, results), daemon=True), or set "
                           "worker.daemon = True before start().",
    "shutdown_code": "{call}: the worker's exit code was {code}, expected {expected} (minus "
                     "SIGTERM): it must still be waiting for jobs when terminate() stops it.",
    "shutdown_returned": "{call} returned {actual}, expected {expected}: return the answers in the "
                         "order of the numbers, and the exit code read after worker.join().",
    "shutdown_not_from_worker": "{call}: the answer {value} was not received from the worker: "
                                "get each answer from the results queue the worker puts on.",
    "shutdown_deadlock_hint": "Hint: serve never ends by itself, so worker.join() alone waits for "
                              "ever: take one answer per number from results, then call "
                              "worker.terminate() before worker.join().",
    # -- 17_spawn_safe ---------------------------------------------------------------------------
    "cause_globals": "The child running {target} saw {name} = {child}, but your process had "
                     "{name} = {parent} when it started that child. Under the {method} start "
                     "method a child imports your module afresh: it sees module globals as the "
                     "file's top level sets them, never as your running program changed them "
                     "(fork copied them, which hid this). Pass what the child needs in args.",
    "cause_top_call": "{at} calls {function}() at the top level of the module, so importing the "
                      "file runs it (here it failed). A module's top level runs whenever it is "
                      "imported: by the grader, and under spawn or forkserver by every child "
                      "process. If it is your script's work, put that call under `if __name__ == "
                      "\"__main__\":` so it runs only when the file is run as a script.",
    "spawn_script_output": "`{command}` printed {actual}, expected exactly the line {expected}: "
                           "main() prints the list scale_all returns, and nothing else.",
}


ZH = {
    # -- 通用判定 ------------------------------------------------------------------------------
    "not_implemented": "{call} 仍然抛出 NotImplementedError：打开 {file}，把 `# TODO` 和 "
                       "`raise NotImplementedError` 这两行换成你的代码。",
    "not_implemented_child": "一个子进程运行了你的 `{func}`，它仍然抛出 NotImplementedError："
                             "请替换 {file} 中它的 `# TODO`。",
    "import_error": "无法导入 {file}，所以它的测试都无法运行。\n{detail}",
    "import_exit": "导入 {file} 时解释器被停止了（{how}）。模块顶层的代码会在导入时执行："
                   "请把它放进函数里，或放到 `if __name__ == \"__main__\":` 下面。",
    "import_hang": "导入 {file} 一直没有结束。模块顶层的代码会在导入时执行：请把循环和等待"
                   "移到函数里，或放到 `if __name__ == \"__main__\":` 下面。",
    "setup_failed": "评分器在导入你的模块之前就无法启动这个场景：这是评分工具或机器的问题，"
                    "不是你的代码的问题。请附上以下信息报告它：\n{detail}",
    "shadows_stdlib": "{file} 与 Python 标准库中的一个模块同名，它会替换掉 multiprocessing "
                      "和评分器所用的那个模块。请改名（例如改成 my_{file}）。",
    "no_result": "运行 {call} 时，评分器的进程没有交回结果就结束了：你的代码是否关闭了不是"
                 "它打开的文件描述符（os.closerange、os.close），或替换了评分器的文件？"
                 "只关闭你自己打开的东西。",
    "raised": "{call} 抛出了 {exc_type}：{exc_message}\n{traceback}",
    "child_crashed": "运行 {target} 的子进程抛出了 {exc_type}：{exc_message}\n{traceback}",
    "child_exit": "运行 {target} 的子进程以退出码 {code}{signal} 结束。它里面有东西出错了："
                  "单独运行它看看原因。",
    "runner_died": "运行 {call} 的进程在完成之前就死掉了（{how}）。{hint}",
    "died_signal": "被 {signal} 杀死",
    "died_code": "退出码 {code}",
    "hint_segfault": "在 Python 代码中，段错误（segmentation fault）通常意味着递归深度超过了 "
                     "C 栈的承受范围（调大了 sys.setrecursionlimit）：请改用循环。",
    "parent_killed": "运行 {call} 时，评分器的监督进程被杀掉了。你的代码是否杀掉了它的父进程"
                     "（os.getppid()）或它的进程组？子进程绝不应该给父进程发信号。",
    "not_joined": "{call} 返回时，它启动的 {count} 个进程还没有被等待（{which}）。返回之前要对"
                  "你启动的每个进程调用 .join()，这样就不会有进程还在运行或没被等待。",
    "deadlock": "{call} 卡住了：每个进程都在等待另一个进程，谁都无法继续（{seconds:.1f} 秒后"
                "停止）。\n各进程当时所在的位置：\n{where}",
    "timeout": "{call} 没有在 {seconds:.0f} 秒内完成。{why}\n各进程当时所在的位置：\n{where}",
    "timeout_busy": "有些进程仍在运行代码（是不是有一个永不结束的循环？）。",
    "timeout_timed": "没有进程在运行代码：它们都在带时限地等待（例如 poll(60)、get(timeout=...) "
                     "或 sleep），时限还没到，或者在无限重试。另一方始终没有发来它们在等的东西。",
    "role_caller": "调用方进程（pid {pid}）",
    "role_child": "运行 {target} 的子进程（pid {pid}）",
    "role_other": "进程 {pid}",
    "where_no_frames": "它的栈上没有你的代码（{inner}）",
    "wait_feeder": "在等队列的后台线程把数据交出去，但没有进程在读：在 join 生产者之前，"
                   "先从队列里取完所有数据",
    "wait_send": "在等待发送：管道已满，而没有进程在读另一端",
    "wait_receive": "在等待从队列或管道接收",
    "wait_lock": "在等待一把锁",
    "wait_event": "在等待 Event 或 Condition",
    "wait_join": "在等待一个进程结束（join）",
    "wait_sleep": "在休眠",
    "wait_manager": "在等待 Manager 进程的回应",
    "wait_pool": "在等待 Pool 的工作进程",
    "wait_other": "在 Python 的 {module} 模块内部等待",
    "activity_running": "[正在运行代码]",
    "activity_timed_wait": "[带时限地等待]",
    "activity_waiting": "[等待中]",
    "state_alive": "仍在运行",
    "state_zombie": "已结束但从未被 join",
    "state_gone": "已结束",
    "not_called": "评分器没能调用到 {call}。",
    "where_unknown": "  （这个平台上无法获取栈信息）",
    "where_none": "  （没有进程在运行你的代码）",
    "leaked": "一切都返回之后，{call} 仍留下 {count} 个进程在运行（{which}）。你启动的每个进程"
              "都必须已经结束并被 join；这里不允许在 multiprocessing 之外启动进程（os.fork、"
              "setsid）。",
    "leaked_one": "pid {pid}，运行 {target}",
    "unreadable_report": "评分器无法读取 {call} 的场景报告的内容（{detail}）：场景中有东西写入了"
                         "评分器看不懂的记录（你的代码是否写入了评分器的文件？）。这个测试不得分；"
                         "其他测试不受影响。",
    "backstop": "运行 {call} 时评分器的监督进程没有返回，所以它被停止，它的进程也被杀掉了。",
    "too_many_processes": "{call} 同时启动了超过 {limit} 个进程，所以评分器停止了它。是不是有"
                          "进程在循环里不断启动进程？",
    "too_much_memory": "{call} 的所有进程合计使用了超过 {limit} MB 内存，所以评分器停止了它。",
    "signal_output": "达到了 {limit} KB 的文件大小上限：有东西在无休止地写文件",
    "driver_error": "评分器无法使用 {call} 返回的东西：{exc_type}：{exc_message}",
    "output_cut": "[……还打印了 {cut} 字节的输出；报告只保留前面一部分……]",
    # -- 在 spawn 和 forkserver 下会出错的地方 ------------------------------------------------
    "cause_lambda": "在 {method} 启动方法下，子进程通过导入你的模块来获得目标函数，而 lambda "
                    "没有可供导入的名字。请把目标写成顶层函数（在模块最左边用 def 定义）。",
    "cause_closure": "在 {method} 启动方法下，子进程通过导入你的模块来获得目标函数，而定义在"
                     "另一个函数内部的函数无法这样找到。请把它移到模块的顶层。",
    "cause_main": "在 {method} 启动方法下，子进程要从模块中导入你的目标函数，但这个函数在 "
                  "__main__ 里（直接运行的脚本，或 notebook 的单元格），子进程无法导入它。"
                  "请把目标函数放进模块文件。",
    "cause_guard": "你的模块在被导入时就启动了进程（{where}）。在 {method} 启动方法下，每个子"
                   "进程都会再次导入你的模块，于是每个子进程又会启动自己的进程。请把这段代码"
                   "放进函数里，或放到 `if __name__ == \"__main__\":` 下面。",
    "cause_threading_lock": "threading.Lock 只在同一个进程的线程之间有效：它不能交给另一个进程"
                            "（在 {method} 启动方法下，子进程得到的一切都要经过 pickle，而 "
                            "threading.Lock 不能被 pickle）。请改用 multiprocessing.Lock()。",
    "unknown_target": "你的某个函数",
    "child_failed_so": "（运行 {target} 的子进程因此以 {exc_type} 失败。）",
    "peer_closed": "运行 {target} 的子进程还没发送完，{call} 就停止接收了：另一端已经关闭，"
                   "所以子进程的发送以 {exc_type} 失败。不要在第一次 poll() 没读到东西时就停下；"
                   "要一直接收，直到 recv() 抛出 EOFError（或收到 STOP）。",
    "cause_output": "你的代码写的文件超过了评分器的上限，所以写入失败了：有东西在无休止地写。",
    "cause_pickle": "在 {method} 启动方法下，传给子进程的一切都要经过 pickle，而这个对象不能"
                    "被 pickle：请传递普通数据、顶层函数和 multiprocessing 的对象。",
    # -- 各项检查共用的期望 --------------------------------------------------------------------
    "wrong_return": "{call} 返回了 {actual}，期望的是 {expected}。",
    "wrong_output": "{call} 打印了 {actual}，期望的正好是 {expected}。",
    "ran_in_caller": "{call}：{function} 是在调用方进程（pid {pid}）里运行的，而不是在新进程里。"
                     "请用 target={function} 创建一个 Process 并调用它的 .start()：直接调用 "
                     "{function}(...) 或调用 .run()，都会就在这里运行它。",
    "target_called": "{call} 在创建 Process 时自己调用了 {function}(...)："
                     "`Process(target={function}(...))` 会当场在调用方进程里运行 {function}，"
                     "再把它的结果（None）作为目标交给子进程，子进程就无事可做。传函数本身，"
                     "不要调用它：`Process(target={function}, args=(...))`。",
    "not_run_in_child": "{call} 启动了 {count} 个进程（运行 {targets}），但 {function} 没有在"
                        "其中任何一个里运行。新进程必须运行 {function}："
                        "`Process(target={function}, args=(...))`。",
    "not_crossed": "{call} 返回的元素是对的，但 {missing} 并不是来自运行 {function} 的子进程："
                   "评分器没有看到这样的元素离开另一个进程、到达调用方。子进程必须发送每个元素，"
                   "调用方必须接收它；把传进来的列表原样交回不算数。",
    "run_not_start": "{call} 对一个从未启动的进程调用了 .join()：.run() 是在调用方进程里直接"
                     "运行目标函数。请改为调用 .start()，然后再 .join()。",
    "gave_up_racy": "{call} 停止接收，是因为 {how}() 暂时没读到东西，而不是因为发送方已经结束"
                    "（recv() 抛出 EOFError，或收到 STOP）。这和发送方存在竞争：这次它够快，"
                    "下次就不一定了。要一直接收到数据流的结尾。",
    "gave_up_stuck": "调用方因为 {how}() 暂时没读到东西就停止了接收，而不是因为发送方已经结束，"
                     "然后又去等一个还有数据要交出的发送方。会不会这样取决于哪个进程更快："
                     "要一直接收到数据流的结尾（EOFError，或 STOP）。",
    "sentinel_arrived": "STOP 已经到了，collect 却还在等更多数据：请用 `item == STOP` 比较。"
                        "从另一个进程传过来的字符串是一个新对象，所以 `item is STOP` 永远不成立"
                        "（而 `if not item` 遇到 None 或 0 就会停下，它们也是元素）。",
    "left_waiting": "其他进程一直在等它：\n{where}",
    "no_process_started": "{call} 从来没有启动进程。请创建一个 Process(target=..., args=...) "
                          "并调用它的 .start()。",
    # -- 01_process ----------------------------------------------------------------------------
    "exit_code_not_child": "{call} 返回了 {actual}，但子进程的退出码是 {code}。请在 p.join() "
                           "之后返回 p.exitcode：join 之前子进程可能还在运行，exitcode 是 None。",
    "background_not_process": "{call} 返回了 {actual}；它应该返回已启动的 "
                              "multiprocessing.Process。",
    "background_not_started": "{call} 返回的 Process 从未启动：返回之前要调用 .start()。",
    "background_not_alive": "{call} 返回的进程已经不在运行了，而评分器的目标函数还在等待被放行。"
                            "它是不是在返回之前等待或停止了这个进程？",
    "background_target": "{call} 启动了一个进程，但评分器的目标函数没有在其中运行（运行于："
                         "{pids}）。请把 target 和 *args 传给 Process。",
    "background_waits": "start_in_background 必须立即返回，不能等待：评分器的目标函数要等到"
                        "你的函数返回之后、评分器放行时才会结束。不要在 start_in_background "
                        "里调用 .join()。",
    # -- 02_queue ------------------------------------------------------------------------------
    "stop_changed": "queue_messages.STOP 必须是字符串 'STOP'（存根里已经给出）。",
    "produce_items": "produce(q, {items}) 往队列里放了 {actual}，期望的是 {expected}"
                     "（按顺序放入每个元素，最后放 STOP）。",
    "queue_deadlock_hint": "提示：produce 必须在所有元素之后放入 STOP，而 collect 必须在 join "
                           "生产者*之前*取出每个元素（直到 STOP）：往队列里放了大数据的进程，"
                           "要等这些数据被读走之后才能结束。",
    # -- 03_pipe -------------------------------------------------------------------------------
    "pipe_not_pair": "make_one_way_pipe() 返回了 {actual}；期望的是一对 multiprocessing 连接"
                     "（接收端, 发送端）。",
    "pipe_two_way": "make_one_way_pipe() 返回的是双向管道：它的接收端也能发送。请用 "
                    "Pipe(duplex=False)。",
    "pipe_swapped": "make_one_way_pipe() 返回的两端顺序反了：Pipe(duplex=False) 给出的是"
                    "（接收端, 发送端），请按这个顺序返回。",
    "pipe_broken": "make_one_way_pipe() 返回的两端不能把数据从发送端送到接收端：{detail}",
    "pipe_forward_arrived": "从发送端发出的数据到达了",
    "pipe_forward_lost": "从发送端发出的数据没有到达",
    "send_all_items": "send_all(conn, {items}) 发送了 {actual}，期望按顺序发送 {expected}。",
    "send_all_open": "send_all(conn, items) 发送了所有元素，但没有关闭 conn：最后要调用 "
                     "conn.close()，接收方才会收到 EOFError。",
    "pipe_deadlock_hint": "提示：只有当发送端的*所有*副本都关闭后，recv() 才会抛出 EOFError，"
                          "而父进程手里也有一个副本：启动子进程后要马上关闭父进程的发送端。",
    # -- 04_lock -------------------------------------------------------------------------------
    "report_output": "{call} 打印了 {actual}，期望的正好是 {expected}。",
    "report_unlocked": "{call} 打印时没有持有锁：请在 `with lock:` 里面打印。",
    "lines_wrong": "{call} 打印的行是 {actual}；期望 {expected} 中的每一行恰好出现一次，且各占"
                   "一行。",
    "lines_missing": "缺少：{lines}。",
    "lines_extra": "多出：{lines}。",
    "lines_from_caller": "调用方进程（pid {pid}）自己打印了 {lines}：report_all 只应启动并等待"
                         "负责打印的进程。",
    "lines_unended": "输出没有以换行结尾：{lines}。",
    "lines_not_children": "{call} 从 {count} 个不同的子进程打印；期望 {n} 个，每行一个。",
    "lines_pool": "{call} 用了 Pool：Pool 会把每个任务交给当时空闲的工作进程，所以有多少个进程"
                  "打印取决于时机（这次是 {n} 个中的 {count} 个）。report_all 必须为每次 report "
                  "启动一个进程：对每个 i 使用 Process(target=report, args=(lock, i))。",
    "unlocked_write": "{call}：进程 {pid} 在没有持有锁的情况下写出了 {text}。打印前获取锁，"
                      "打印后释放：`with lock: print(...)`。",
    "unlocked_write_caller": "{call}：子进程还在打印时，调用方进程（pid {pid}）在没有持有锁的"
                             "情况下写出了 {text}，各行可能会混在一起。只在 report 中打印，"
                             "或者获取同一把锁。",
    "no_shared_lock": "{call}：各进程打印时持有的是不同的锁，所以它们没有互相排斥。请在 "
                      "report_all 中只创建一把 Lock，并把这同一把锁传给每个进程。",
    "lock_deadlock_hint": "提示：打印之后必须释放锁（`with lock:` 会替你做），否则下一个进程会"
                          "永远等着它。",
    # -- 报告 ------------------------------------------------------------------------------------
    "start_here": "从这里开始：阅读 {readme}，然后编辑 {module}。改完再运行 `mpkit grade` 检查。",
    "next_up": "下一个：{folder}（{title}）。请阅读 {readme}。",
    "all_done": "所有测试都通过了。干得好！",
    "hidden_tag": "（隐藏测试）",
    # -- 给整个班级评分 ------------------------------------------------------------------------
    "file_expected": "提交中没有找到 {file}，所以 {folder} 的测试都无法运行。请提交 {file}，"
                     "放在文件夹 {folder}/ 里或放在最外层。",
    "file_expected_found": "提交中没有找到 {file}，所以 {folder} 的测试都无法运行；提交里有的是 "
                           "{found}。请把你的模块改名为 {file}（放在文件夹 {folder}/ 里或放在"
                           "最外层）。",
    "file_too_large": "{path} 大于 {limit} KB，所以没有评分。只提交你的模块代码。",
    "file_unreadable": "无法读取 {path}（{detail}），所以没有评分。",
    "submission_unreadable": "无法读取这份提交（{detail}），所以其中的内容都无法评分。请提交你的"
                             "模块文件、一个与 exercises/ 结构相同的文件夹，或它们的 zip 压缩包。",
    "internal_error": "评分器在完成这份提交的评分之前出错了：这是评分工具的问题，不是你的代码的"
                      "问题。请告诉你的老师。（{detail}）",
    "test_output": "{status}：{message}",
    "gradescope_summary": "{visible} 个可见测试中通过了 {passed} 个。",
    "gradescope_hidden": "另有 {count} 个隐藏测试也会评分：成绩公布后你就能看到它们。",
    "junit_hidden": "隐藏测试",
    "md_columns": "练习|测试|结果|得分",
    "md_total": "**总分：{score}/{max_score}**",
    "feedback_title": "{student} 的反馈",
    "feedback_details": "哪里出了问题",
    "feedback_output": "输出：",
    "note_missing": "{folder}：没有可用的 {file}",
    "note_statuses": "{folder}：{statuses}",
    "note_unreadable": "无法读取：{detail}",
    # -- 文本报告与自学循环（list、show、hint、watch）-----------------------------------------
    "score_line": "得分：{score}/{max_score}",
    "output_label": "输出：",
    "test_ok": "通过",
    "test_fail": "失败",
    "exercise_not_started": "尚未开始（{count} 个测试）",
    "exercises_later": "{first} 到 {last}：还有 {count} 个练习尚未开始（`mpkit list` 会全部列出）",
    "exercise_passed": "{count} 个测试全部通过",
    "grading_progress": "评分中",
    "shake_seed": "本次有意打乱了调度，种子为 {seed}：在每次 start、put、get、send、recv、acquire、release、join 和 print 处加入微小的随机延迟。",
    "shake_passed": "在这种打乱下也全部通过。",
    "shake_reproduce": "同一个种子会带来同样的延迟；用下面的命令以同样方式重新评分失败的部分：",
    "list_columns": "#|练习|标题|分数|提示|状态",
    "status_done": "已完成",
    "status_in_progress": "进行中",
    "status_not_started": "未开始",
    "list_footer": "已完成 {total} 个练习中的 {done} 个。下一步：`mpkit show {name}`，"
                   "然后 `mpkit watch`。",
    "list_all_done": "{total} 个练习全部完成。干得好！",
    "hint_header": "{folder}（{title}）的提示 {number}/{total}：",
    "hint_last": "这是最后一条提示了：再运行 `mpkit hint {name}` 会再次显示它。练习的 README "
                 "完整地讲解了其中的道理：`mpkit show {name}`。",
    "hint_more": "还是卡住了？`mpkit hint {name}` 会给出下一条提示。",
    "no_readme": "{path} 中没有 {folder} 的题目说明。",
    "readme_fallback": "（这份题目说明还没有中文版；下面是英文版。）",
    "watch_start": "正在监视 {path}：每次保存某个练习的文件，都会重新评分这个练习。按 Ctrl-C 停止。",
    "watch_passed": "{folder} 通过了！进入下一个练习。",
    "watch_waiting": "等待你保存 {file}……",
    "watch_all_done": "所有练习都完成了。干得好！",
    "watch_stopped": "已停止监视。你的进度保存在 {path}。",
    "progress_unreadable": "{path} 不是 mpkit 的进度文件（{detail}）。请删除它（只会丢失看过"
                           "哪些提示和上次的评分结果）或把它移走，然后再试一次。",
    "progress_unwritable": "无法把你的进度保存到 {path}（{detail}）；评分照常进行，但 "
                           "`mpkit list` 和 `mpkit hint` 不会记住它。",
    # -- 失败场景的时间线（文本、HTML、notebook） ------------------------------------------------
    "tl_header": "时间线，每个进程一行，从左到右共 {span}{skipped}：",
    "tl_skipped": "（'/' 表示省略的空闲时间）",
    "tl_caller": "调用者",
    "tl_blocked": "阻塞",
    "tl_stopped": "已停止",
    "tl_running": "运行中",
    "tl_exit": "退出码 {code}",
    "tl_legend": "图例：",
    "tl_sym_start": "启动了一个进程",
    "tl_sym_joined": "join() 返回",
    "tl_sym_call": "评分器调用了你的函数",
    "tl_sym_returned": "函数返回",
    "tl_sym_lock": "拿到了锁",
    "tl_sym_release": "释放了锁",
    "tl_sym_lock_wait": "发现锁已被占用",
    "tl_sym_put": "放入队列",
    "tl_sym_get": "从队列取出",
    "tl_sym_send": "通过管道发送",
    "tl_sym_recv": "从管道接收",
    "tl_sym_eof": "管道已到末尾（EOFError）",
    "tl_sym_raised": "抛出了异常",
    "tl_sym_terminate": "终止了一个进程",
    "tl_sym_print": "持有锁时打印了一行",
    "tl_sym_print_nolock": "未持有锁时打印了一行",
    "tl_sym_wait": "等待中（join、锁、get、recv）",
    "tl_sym_blocked": "评分器停止它时仍在等待",
    "tl_mark_start": "启动了进程 {detail}",
    "tl_mark_joined": "进程 {detail} 的 join() 返回",
    "tl_mark_call": "评分器调用了 {detail}",
    "tl_mark_returned": "{detail} 返回",
    "tl_mark_lock": "拿到了锁 {detail}",
    "tl_mark_release": "释放了锁 {detail}",
    "tl_mark_lock_wait": "锁 {detail} 已被占用：等待它",
    "tl_mark_put": "放入队列 {detail}",
    "tl_mark_get": "从队列 {detail} 取出",
    "tl_mark_send": "发送了 {detail}",
    "tl_mark_recv": "接收了 {detail}",
    "tl_mark_eof": "recv() 抛出 EOFError：发送端已关闭",
    "tl_mark_raised": "抛出了 {detail}",
    "tl_mark_terminate": "终止了进程 {detail}",
    "tl_mark_print": "持有锁 {locks} 时打印了 {text}",
    "tl_mark_print_nolock": "未持有任何锁时打印了 {text}",
    "tl_wait_join": "在 join() 中等待",
    "tl_wait_lock": "等待锁",
    "tl_wait_get": "在 get() 中等待",
    "tl_wait_recv": "在 recv() 中等待",
    "tl_wait_open": "{wait}，评分器停止它时仍在等待",
    "tl_lane": "{label}（进程 {pid}）",
    "tl_lane_end_blocked": "阻塞在 {line}",
    "html_title": "mpkit 报告：{submission}",
    "html_score": "得分：{score}/{max_score}",
    "html_columns": "测试|启动方法|结果|分数",
    "html_timeline": "每个进程做了什么",
    "html_timeline_none": "这个测试没有记录时间线。",
    "html_ms": "{ms} 毫秒",
    "html_skipped": "空闲 {seconds} 秒",
    "html_index_title": "mpkit 班级报告",
    "html_index_tests": "每个测试的通过率",
    "html_index_students": "学生（按总分排序）",
    "html_index_test_columns": "练习|测试|通过|通过率",
    "html_index_student_columns": "学生|总分|报告",
    "html_index_not_graded": "未评分",
    # -- notebook（nbgrader） ---------------------------------------------------------------------
    "nb_howto": "**如何在这个 notebook 里完成练习。** 把代码写在下面以 `%%writefile {file}` 开头的单元格里，"
                "然后运行它：它会把你的代码保存为模块 `{file}`，子进程在任何启动方法下都按名字导入它"
                "（在 spawn 或 forkserver 下，子进程无法加载定义在 notebook 单元格里的函数）。"
                "请保留第一行不变。然后运行测试单元格，或者用下面的代码一次看到所有结果：\n\n"
                "```python\nfrom grader.notebook import check\ncheck(\"{folder}\")\n```\n\n"
                "想自己试试你的函数，可以在新单元格里导入这个模块"
                "（`import importlib, {module}; importlib.reload({module})`）。",
    "nb_tests": "**测试。** 下面每个单元格以真实进程运行你的模块，评判 {folder} 的一个测试；"
                "失败时会说明原因。有些测试是隐藏的：批改你的 notebook 时才会运行。",
    "nb_module_missing": "这个文件夹里还没有 {file}：请先运行以 `%%writefile {file}` 开头的单元格"
                         "（它会把你的代码保存为测试要导入的模块）。",
    "nb_passed": "{name}：通过（{points}/{points} 分）",
    "nb_no_writefile": "{notebook} 中没有以 `%%writefile {file}` 开头的单元格，所以 {folder} 的测试"
                       "一个也无法运行。答案单元格的第一行必须保持为 `%%writefile {file}`。",
    "release_hint_command": "`mpkit hint NAME`（例如 `mpkit hint queue`）显示某个练习的下一条提示，"
                            "从轻轻点拨到几乎给出答案。",
    "release_hint_manifest": "每个练习都有从轻轻点拨到几乎给出答案的中英文提示：它们是 "
                             "`grader/course/manifest.toml` 中该练习条目的 `hints_zh`（英文为 "
                             "`hints`）。请一条一条地看。",
    "assert_failed": "{call} 没有做到测试所期望的：\n{explanation}",
    "test_error": "{call} 的测试无法读取你的代码做了什么（{exc_type}: {exc_message}）："
                  "请检查你的函数返回了什么。",
    # -- exercises 05 to 14 ------------------------------------------------------------------------
    "ask_all_deadlock_hint": "提示：发送一个请求后，要先接收它的回复，再发送下一个："
                             "先把所有请求都发出去的进程，可能会因为管道已满而阻塞，"
                             "而服务器也阻塞在发送一个没人读的回复上。最后要发送 STOP，"
                             "否则服务器会永远等下去（你的 join 也一样）。",
    "consume_deadlock_hint": "提示：consume 取到 STOP 时必须返回。请用 `item == STOP` 比较："
                             "从另一个进程传过来的字符串是一个新对象，所以 `item is STOP` "
                             "永远不成立。",
    "consume_items": "{call} 往 results 里放了 {actual}，期望的是 {expected}：按顺序放入 STOP "
                     "之前的每个元素，并且永远不要放入 STOP 本身。",
    "consume_past_stop": "{call} 还取走了排在它的 STOP 后面的 {after}：消费者一取到一个 STOP "
                         "就必须返回，把其余的留在队列里给其他消费者（每个消费者都需要一个属于自己"
                         "的 STOP）。",
    "counter_deadlock_hint": "提示：每次递增时获取一次 counter.get_lock()，并让 `with` 释放它；"
                             "一把永远不释放的锁会让其他所有进程都停下来。",
    "counter_read": "读取了",
    "counter_read_and_write": "读取并写入了",
    "counter_total": "{call} 结束后计数器的值是 {actual}，期望的是 {expected}。",
    "counter_unlocked": "{call}：进程 {pid} 在没有持有 counter.get_lock() "
                        "的情况下{what} counter.value。`counter.value += 1` 是先读后写："
                        "另一个进程可能在这两步之间改变这个值，"
                        "于是一次递增就丢失了（只在某些运行中发生，所以评分器检查的是锁，"
                        "而不是总数）。请把整个递增放进 `with counter.get_lock():` 里面。",
    "counter_unseen": "{call}：评分器没有看到进程 {pid} 既读取又写入了 counter.value。"
                      "请递增共享的计数器本身：在 `with counter.get_lock():` 里面执行 "
                      "`counter.value += 1`。",
    "counter_write": "写入了",
    "exit_code_changed": "{call}：运行 task({arg}) 的进程以退出码 {code} 结束，期望的是 "
                         "{expected}。请直接把 func 本身作为目标来运行，不要捕获它的异常："
                         "目标抛出异常的进程以退出码 1 结束，调用 sys.exit(n) 的进程以退出码 n "
                         "结束。",
    "exit_codes_processes": "{call} 应该启动 {n} 个进程，每个进程针对一个参数运行 func(arg)："
                            "Process(target=func, args=(arg,))。",
    "exit_codes_wrong": "{call} 返回了 {actual}，但各进程的退出码是 {expected}。只有在 p.join() "
                        "之后才能读取 p.exitcode：进程结束之前它是 None。",
    "items_extra": "多出或重复的：{items}。",
    "join_timeout_deadlock_hint": "提示：评分器的目标函数永远不会自己结束（评分器要等你的函数返回"
                                  "之后才放行它），所以不带超时的 p.join() 会永远等下去。请用 "
                                  "p.join(timeout)，再用 p.is_alive() 看它是否已经结束；如果没有，"
                                  "就调用 p.terminate() 和 p.join()。",
    "pipeline_deadlock_hint": "提示：先 join 每个生产者，然后为每个消费者放入一个 STOP；在 join "
                              "消费者*之前*从 results 里取出每个元素；consume 取到它的 STOP "
                              "时必须返回。",
    "pipeline_items": "{call} 返回了 {actual}；期望 {expected} 中的每一项恰好出现一次，顺序不限。",
    "produce_only_items": "{call} 往队列里放了 {actual}，期望的是 {expected}：按顺序放入每个元素，"
                          "除此之外什么都不放。",
    "produce_puts_stop": "{call} 在元素之后放入了 STOP：produce 只能放入它自己的元素。"
                         "有多个生产者时，一个生产者的 STOP "
                         "可能在另一个生产者还有元素要放的时候就到达某个消费者，"
                         "那个消费者就会过早停止。STOP 由 run_pipeline 在 join "
                         "了每个生产者之后放入。",
    "run_all_deadlock_hint": "提示：每个任务都必须往队列里放入恰好一个结果，抛出异常时也一样（在 "
                             "run_task 里捕获它），否则调用方会一直等一个永远不会来的结果；要在 "
                             "join *之前*取出每个结果。",
    "run_task_put": "{call} 往 results 里放了 {actual}，期望的是 {expected}：func(arg) 返回时放入 "
                    "(index, True, value)，抛出异常时放入 "
                    "(index, False, \"<ExceptionType>: <message>\")，例如 "
                    "\"%s: %s\" % (type(exc).__name__, exc)。",
    "serve_deadlock_hint": "提示：评分器发送一个请求后，要等收到它的回复才发送下一个，所以 serve "
                           "必须立即回答每个请求（先 recv，再 send），并在收到 STOP 时返回（用 "
                           "`request == STOP` 比较）。",
    "serve_replies": "{call}：回复是 {actual}，期望的是 {expected}：对每个请求回复 request * 2，"
                     "请求一到就马上发回去。",
    "server_no_stop": "{call}：服务器从未收到 STOP。请在最后一个请求之后发送 STOP，"
                      "让服务器自己返回，然后 join 它。",
    "server_terminated": "{call} 用 terminate() 或 kill() 结束了服务器：请改为给它发送 STOP，"
                         "让它自己返回，然后 join 它。",
    "stop_before_producers": "{call} 在看到生产者进程 {pids} 结束之前，就往队列里放了 STOP。"
                             "这时放入的 STOP 可能会跑到还没放进来的元素前面，"
                             "取到它的消费者就会过早停止；会不会这样取决于哪个进程更快。请先 join "
                             "每个生产者，然后为每个消费者放入一个 STOP。",
    "stop_changed_pipe": "request_reply.STOP 必须是字符串 'STOP'（存根里已经给出）。",
    "stop_changed_producers": "producers_consumers.STOP 必须是字符串 'STOP'（存根里已经给出）。",
    "stop_deadlock_hint": "提示：stop 拿到的是一个永远不会自己结束的进程，所以只调用 join() "
                          "会永远等下去：如果 p.is_alive()，先调用 p.terminate()，再调用 "
                          "p.join()。",
    "stop_never_sent": "{call} 从未发送 STOP：服务器会永远等待下一个请求，而 join 又在等服务器。"
                       "请在最后一个请求之后发送 STOP。",
    "stop_wrong_code": "{call} 返回了 {actual}，但进程的退出码是 {code}：请在 p.join() 之后返回 "
                       "p.exitcode。",
    "stops_missing": "调用方为 {n} 个消费者放入了 {puts} 个 STOP：每个消费者取到一个 STOP "
                     "就会停止，所以其他消费者会永远等下去。请为每个消费者放入一个 STOP。",
    "stuck_where": "这一次它卡住了；各进程当时所在的位置：\n{where}",
    "terminate_no_join": "{call} 调用了 terminate()，但之后没有调用 join()。terminate() "
                         "只是给进程发一个信号，然后立即返回：进程可能还在结束的过程中，所以 "
                         "exitcode 可能这次是 None，下次又有值。请在 p.terminate() 之后调用 "
                         "p.join()，然后再读取 p.exitcode。",
    "timeout_finished_code": "{call}：评分器的目标函数以退出码 {code} 结束，"
                             "而不是交给它的那个退出码：它是不是被提前中止了？"
                             "在允许的时间内自己结束的进程不能被终止。",
    "timeout_finished_wrong": "{call} 返回了 {actual}，期望的是 {expected}："
                              "目标函数在允许的时间之内早早地自己结束了。请在 p.join(timeout) "
                              "之后立即用 p.is_alive() 判断 `finished`（不要根据退出码判断："
                              "进程自己结束时可以是任何退出码），并返回该进程自己的退出码。",
    "timeout_not_stopped": "{call}：进程仍在运行，而你的代码没有停止它。如果在 p.join(timeout) "
                           "之后 p.is_alive() 仍为 True，就调用 p.terminate()，再调用 p.join()。",
    "timeout_stopped_wrong": "{call} 返回了 {actual}，期望的是 {expected}："
                             "评分器的目标函数永远不会自己结束（评分器要等你的函数返回之后才放行"
                             "它），所以时间到了它还在运行。请在 p.join(timeout) 之后、"
                             "停止它之前，立即用 p.is_alive() 查看，并返回在最后一次 join() "
                             "之后读取的退出码。",
    "timeout_target": "{call} 启动了 {count} 个进程，但评分器的目标函数没有在其中任何一个里运行："
                      "请把 target 和 args 传给 Process（Process(target=target, args=args)）。",
    "workers_count": "{call} 在 {count} 个子进程中运行了 {function}，期望的是 {n} 个："
                     "请为每一个都启动一个 Process(target={function}, ...)。",
    "barrier_deadlock_hint": "提示：只有当 k 个进程都调用了 wait() 之后，Barrier(k) "
                             "才会放行在它那里等待的进程：请创建一个正好对应 n 个进程的屏障，"
                             "并让每个工作进程（而不是父进程）在它那里各等待一次。",
    "event_deadlock_hint": "提示：start.wait() 会一直阻塞，直到某个进程对同一个 Event 调用 "
                           "start.set()。请只创建一个 Event，把它传给每个工作进程，"
                           "启动全部工作进程，然后 set 它，之后才去取数字并 join。",
    "event_early": "{call}：进程 {pid} 中的工作进程在 start 事件被设置之前，"
                   "就把它的数字放进了队列。请先调用 start.wait()：要等父进程调用了 start.set()，"
                   "它才会返回。",
    "event_items": "{call} 返回了 {actual}；期望的是数字 {expected}，每个恰好出现一次，顺序不限。",
    "event_never_set": "{call} 从未设置它的工作进程在等待的那个 Event："
                       "请在启动了每个工作进程之后，在父进程中调用 start.set()。",
    "event_not_crossed": "{call} 返回的数字是对的，但它们并非全都是工作进程通过队列送来的："
                         "请从工作进程放入数字的那个队列里取出每个数字。",
    "event_not_waited": "{call}：进程 {pid} 中的工作进程从来没有等待那个被设置的 start 事件："
                        "请在干活之前，对交给你的那个 Event 调用 start.wait()。",
    "event_set_early": "{call} 在启动所有工作进程之前就设置了 start 事件（{n} 个中有 {count} "
                       "个是在设置之后才启动的），所以这些进程根本没有等待。请先启动每个工作进程，"
                       "然后再调用 start.set()。",
    "event_worker_item": "{call} 往队列里放了 {actual}（列出的是到达队列的内容）；"
                         "期望的是它的数字，[{item}]。",
    "manager_contents": "{call} 返回了 {actual}；期望的是 {expected}（顺序不限）。",
    "manager_key_not_from_child": "{call}：键 {key} 不是由运行 record 的子进程写进 Manager "
                                  "的字典的。每个子进程都必须写入自己的那一对键值："
                                  "Process(target=record, args=(d, key, value))。",
    "manager_not_dict": "{call} 返回了 {actual}；期望的是一个包含所有键和值的普通 dict。",
    "manager_not_shut": "{call} 返回时没有关闭它的 Manager，所以 Manager 的服务器进程还在运行："
                        "请用 `with Manager() as manager:` 包住这些工作，或在返回之前调用 "
                        "manager.shutdown()。",
    "manager_plain_dict": "没有任何子进程写入 Manager 的字典：传给子进程的普通 dict "
                          "会被复制一份给它，子进程写入的内容只留在它自己的副本里。请用 "
                          "manager.dict() 创建字典，再把它传给子进程。",
    "manager_record": "record(d, 'k', 42) 之后 d 是 {actual}，期望的是 {{'k': 42}}："
                      "d[key] = value。",
    "manager_returned_proxy": "{call} 返回了 {actual}，这是指向 Manager 字典的代理（proxy）："
                              "Manager 一关闭，它就不能用了。请在 Manager "
                              "关闭之前复制出一个普通字典 `dict(d)`，返回这个副本。",
    "phases_calls": "{call} 做的工作（按 (phase, item) 列出）是 {actual}；期望先 work(1, 5)，再 "
                    "work(2, 5)。",
    "phases_in_caller": "{call}：work 是在调用方进程（pid {pid}）里运行的，而不是在新进程里：请用 "
                        "Process(target=phased, args=(barrier, work, i)) 启动每个进程。",
    "phases_items": "{call} 做的工作（按 (phase, item) 列出）是 {actual}；期望 {expected} "
                    "中的每一项恰好出现一次。",
    "phases_no_wait": "{call} 没有在 work(1, i) 和 work(2, i) 之间调用 barrier.wait()。",
    "phases_not_shared": "{call}：各工作进程并不是在同一个屏障处等待。请在 run_phases "
                         "中只创建一个 Barrier(n)，并把它传给每个进程。",
    "phases_overtaken": "{call}：元素 {behind} 还没完成第 1 阶段，元素 {ahead} 就开始了第 2 阶段。"
                        "每个工作进程都必须在两个阶段之间在屏障处等待：barrier.wait()。",
    "pool_in_caller": "{call}：函数是在调用方进程（pid {pid}）里运行的，"
                      "而不是在进程池的工作进程里。请把它交给进程池：`pool.map(function, items)`，"
                      "而不是自己调用它。",
    "pool_missing": "{call} 没有使用 Pool：请用 `Pool(processes)`（或 "
                    "ProcessPoolExecutor(max_workers)）创建一个进程池，再用 pool.map "
                    "把工作交给它。",
    "pool_not_closed": "{call} 返回时没有关闭它的进程池，所以进程池的工作进程还在运行。请用 "
                       "`with Pool(processes) as pool:` 包住这些工作，或在返回之前先调用 "
                       "pool.close()，再调用 pool.join()。",
    "pool_not_joined": "{call} 关闭了进程池，但没有等待它的工作进程结束：在 pool.close() "
                       "之后要调用 pool.join()（close 只是不再接收新的工作）。",
    "pool_one_process": "{call}：所有元素都在同一个进程（pid {pid}）里运行；评分器的函数让元素 0 "
                        "等了 {seconds:.0f} 秒，等另一个工作进程来取一个元素，却没有任何进程来取。"
                        "请用 pool.map(function, items) 一次把所有元素交给进程池，"
                        "不要设置会把它们全部放进一个任务的 chunksize。",
    "pool_order": "结果都在，但顺序不对：请按元素的顺序返回结果，就像 pool.map "
                  "那样（imap_unordered 或 as_completed 是按完成的先后给出结果的）。",
    "pool_size": "{call} 创建的进程池有 {actual} 个工作进程，期望的是 {expected} 个："
                 "请传入给你的进程数，`Pool(processes)`。",
    "pool_size_default": "{call} 创建的进程池是默认大小（每个 CPU 核心一个工作进程），期望的是 "
                         "{expected} 个工作进程：请传入给你的进程数，`Pool(processes)`。",
    "sem_items": "{call} 对 {actual} 运行了 work；期望 {expected} 中的每一项恰好运行一次。",
    "sem_not_released": "{call} 在工作完成后没有归还信号量：请用 `with sem:`（或在 sem.acquire() "
                        "之后调用 sem.release()），否则其他进程会永远等着它。",
    "sem_not_shared": "{call}：各进程工作时持有的是不同的信号量，所以它们没有互相限制。请在 "
                      "run_limited 中只创建一个 Semaphore(limit)，并把这同一个信号量传给每个进程。",
    "sem_too_many": "{call}：有 {most} 个进程同时持有信号量，超过了上限 {limit}。"
                    "是不是有代码在没有获取信号量的情况下就释放了它？",
    "sem_value": "{call}：工作进程共用的信号量是用值 {value} 创建的，所以最多可以有 {value} "
                 "个进程同时工作；而上限是 {limit}：Semaphore(limit)。",
    "sem_work_in_caller": "{call}：work 是在调用方进程（pid {pid}）里运行的，而不是在新进程里："
                          "请用 Process(target=guarded, args=(sem, work, i)) 启动每个进程。",
    "sem_work_not_called": "{call} 从未调用 work(i)：请在 `with sem:` 里面调用它。",
    "sem_work_unheld": "{call}：进程 {pid} 在没有持有信号量的情况下运行了 work(i)。"
                       "请在工作期间一直持有信号量：`with sem: work(i)`。",
    "semaphore_deadlock_hint": "提示：每次 acquire 都要有对应的 release（`with sem:` "
                               "会替你两样都做），否则排在最前面几个之后的进程会永远等下去。",
    # -- 15_shared_array -----------------------------------------------------------------------
    "array_slice": "{call} 执行后 arr 是 {actual}，期望的是 {expected}：对 range(start, stop) "
                   "中的每个 i，把 i * i 写入 arr[i]，其他位置不要动。",
    "array_written_by_caller": "{call}：调用方进程（pid {pid}）自己写入了 arr[{index}]。"
                               "应该由子进程来填数组：用 Process(target=fill_squares, "
                               "args=(arr, start, stop)) 启动每个子进程，调用方只负责读取结果。",
    "array_not_shared": "{call}：fill_squares 确实在子进程里运行了，但没有一个子进程写入 "
                        "multiprocessing.Array。普通列表传给子进程时会被复制一份，子进程写的"
                        "只是自己的副本，进程结束就丢了。请用 Array(\"i\", n) 创建数组，把这同一个 "
                        "Array 传给每个子进程，并通过 arr[i] = ... 写入（评分器能看到这样的写入，"
                        "看不到经由 get_obj() 或 lock=False 的 Array 的写入）。",
    "array_missing": "{call}：数组的元素 {missing} 没有被任何子进程写入。各个分段合起来必须覆盖 "
                     "0 到 n - 1 的每一个下标，n 不是进程数的整数倍时也一样。",
    "array_writers": "{call}：有 {count} 个进程写入了数组，期望的是 {n} 个：给 n_processes "
                     "个子进程各分一段，每段都不能为空。",
    "array_one_at_a_time": "{call} 在还没有启动全部子进程时就开始等待某个子进程，所以子进程是"
                           "一个接一个地工作的。请先启动所有进程，再逐个 join。",
    "array_child_values": "{call}：子进程往 arr[{index}] 写入的是 {value}，期望的是 {expected}："
                          "fill_squares 要把 i * i 写入 arr[i]。",
    "array_deadlock_hint": "提示：fill_squares 只负责写数组然后返回；先启动所有进程，再对每个进程 "
                           "join 一次。",
    # -- 16_daemon_shutdown --------------------------------------------------------------------
    "serve_squares": "{call}：评分器从 serve 收到的是 {actual}，期望的是 {expected}。serve "
                     "要在一个永不结束的循环里不断接活：从 jobs 取出 n，把 n * n 放进 results，"
                     "然后回到循环开头。",
    "shutdown_not_stopped": "{call} 没有对工作进程调用 terminate()。serve 自己永远不会结束："
                            "请用 worker.terminate() 停止它，然后调用 worker.join()。",
    "shutdown_killed": "{call} 用 kill() 停止了工作进程。本练习要求用 terminate()：它发送 "
                       "SIGTERM，也就是“请你结束”的礼貌请求，程序可以捕获它来做收尾工作；kill() "
                       "发送的是 SIGKILL，无法捕获也无法拒绝。kill() 留给 terminate() 之后仍不"
                       "结束的进程。",
    "shutdown_no_join": "{call} 调用了 terminate()，但之后没有调用 join()。terminate() 只是给"
                        "工作进程发一个信号，立即返回：进程可能还在结束的过程中，退出码可能还是 "
                        "None。请在 worker.terminate() 之后调用 worker.join()，再读取 "
                        "worker.exitcode。",
    "shutdown_not_daemon": "{call} 启动工作进程时没有设置 daemon=True。守护进程（daemon）会在"
                           "启动它的程序退出时被一并停止；一个永远在等活干、又不是守护进程的"
                           "工作进程，一旦程序在你调用 terminate() 之前出了错，就会让整个程序"
                           "永远无法结束。请写 Process(target=serve, args=(jobs, results), "
                           "daemon=True)，或者在 start() 之前设置 worker.daemon = True。",
    "shutdown_code": "{call}：工作进程的退出码是 {code}，期望的是 {expected}（即负的 SIGTERM）："
                     "terminate() 停止它的时候，它应该还在等待新的任务。",
    "shutdown_returned": "{call} 返回了 {actual}，期望的是 {expected}：按数字的顺序返回结果，"
                         "以及在 worker.join() 之后读取的退出码。",
    "shutdown_not_from_worker": "{call}：结果 {value} 不是从工作进程那里收到的："
                                "每个结果都要从工作进程 put 进去的 results 队列里 get 出来。",
    "shutdown_deadlock_hint": "提示：serve 自己永远不会结束，所以只调用 worker.join() 会一直"
                              "等下去：先从 results 里为每个数字取一个结果，再调用 "
                              "worker.terminate()，然后才 worker.join()。",
    # -- 17_spawn_safe ---------------------------------------------------------------------------
    "cause_globals": "运行 {target} 的子进程看到的是 {name} = {child}，而你的进程在启动这个子进程时 "
                     "{name} = {parent}。在 {method} 启动方法下，子进程会重新导入你的模块：它看到的"
                     "模块全局变量是文件顶层代码设定的值，而不是你的程序运行中改过的值（fork 会把它们"
                     "复制过去，所以掩盖了这个问题）。请把子进程需要的东西放进 args 传给它。",
    "cause_top_call": "{at} 在模块顶层调用了 {function}()，所以导入这个文件就会运行它（这次它出错了）。"
                      "模块的顶层代码在每次导入时都会运行：评分器导入时会运行，在 spawn 或 "
                      "forkserver 下每个子进程导入时也会运行。如果这是脚本要做的事，"
                      "请把这个调用放到 `if __name__ == \"__main__\":` 之下，让它只在文件作为脚本运行时执行。",
    "spawn_script_output": "`{command}` 打印的是 {actual}，应当恰好打印一行 {expected}："
                           "main() 只打印 scale_all 返回的列表，不打印别的。",
}

LANGUAGES = {"en": EN, "zh": ZH}
LANG_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set wins

_current = contextvars.ContextVar("mpkit_language", default="en")


def current_language():
    """The language of this thread's messages (set with `language`); English by default."""
    return _current.get()


@contextlib.contextmanager
def language(lang):
    """Messages in `lang` for the code inside the block, in this thread."""
    token = _current.set(lang if lang in LANGUAGES else "en")
    try:
        yield
    finally:
        _current.reset(token)


def choose_language(option=None, environ=None):
    """`--lang`, else MPKIT_LANG, else the locale (zh...), else English. ValueError names the
    option or variable at fault when its value is not a known language."""
    environ = os.environ if environ is None else environ
    for where, value in (("--lang", option), ("MPKIT_LANG", environ.get("MPKIT_LANG"))):
        if value:
            if value not in LANGUAGES:
                raise ValueError("%s: unknown language %r; choose %s"
                                 % (where, value, " or ".join(sorted(LANGUAGES))))
            return value
    for name in LANG_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def text(key, lang=None, **fields):
    """The message `key` in `lang` (default: the current language), filled in with `fields`."""
    template = LANGUAGES.get(lang or current_language(), EN).get(key) or EN[key]
    return template.format(**fields)
