"""Every sentence mpkit shows a student, in one place, so it can be translated and tested.

Each entry is a ``str.format`` template; ``text(key, **fields)`` fills it in. Tests import the
keys rather than copying the sentences.
"""

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
    "raised": "{call} raised {exc_type}: {exc_message}\n{traceback}",
    "child_crashed": "A child process running {target} raised {exc_type}: {exc_message}\n"
                     "{traceback}",
    "child_exit": "A child process running {target} ended with exit code {code}{signal}. "
                  "Something in it failed: run it on its own to see why.",
    "runner_died": "The process running {call} died ({how}) before it could finish.{hint}",
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
}

LANGUAGES = {"en": EN}


def text(key, lang="en", **fields):
    template = LANGUAGES.get(lang, EN).get(key) or EN[key]
    return template.format(**fields)
