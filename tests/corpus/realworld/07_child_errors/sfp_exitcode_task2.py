"""Source: SuperFastPython.com, "example of checking the exit status of a child process", as
copied with a second task in a public GitHub file (code index id 33272678969): task2() raises
Exception('This is an error'); the main block creates Process(target=task2), prints exitcode
(None), start(), prints it (None), join(), prints it (1).
Adapted: the steps -> exit_codes(func, args), one Process(target=func, args=(arg,)) per arg,
started, then joined, its exitcode printed after each step as the author does, and returned
in the order of args. run_task and run_all are not in the source (not defined here).
Expected: exit_codes passes under fork and spawn ([0, 1, 7]-style codes in the order of args);
the scenarios for run_task and run_all fail because those functions are missing.
Held out, graded once (fresh set of issue 26): the statuses agreed; the messages of the missing
functions were untrue ("could not use what run_task(...) gave back", "run_all(...) raised
AttributeError", though neither ran): a function the grader looks up and does not find is now
named as missing, with the file to write it in."""
from multiprocessing import Process


def exit_codes(func, args):
    processes = []
    for arg in args:
        # create the process
        process = Process(target=func, args=(arg,))
        # report the exit status
        print(process.exitcode)  # None
        # start the process
        process.start()
        # report the exit status
        print(process.exitcode)  # None
        processes.append(process)
    codes = []
    for process in processes:
        # wait for the process to finish
        process.join()
        # report the exit status
        print(process.exitcode)
        codes.append(process.exitcode)
    return codes
