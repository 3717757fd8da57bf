"""Source: a public GitHub file (code index, "childProcess(pipe) ... masterProcess()"): a child
loops on pipe.recv(), answers "ping" with "pong" and stops on "exit"; masterProcess() starts it,
sleeps 0.5 s, sends "ping", prints the reply, sends "exit", joins, closes its end. The file calls
masterProcess() at the top level, between print("tehehehe") and print("yeheehehe"), with no
`if __name__ == "__main__":` guard.
Adapted: childProcess -> serve(conn) (answer request * 2 instead of "pong"; "exit" -> STOP; the
author's end closed on leaving, as the statement asks); masterProcess -> ask_all(requests),
sending each request and receiving its reply in turn (the 0.5 s sleep kept); the top-level call
kept as masterProcess() -> ask_all(["ping"]).
Expected: fork: the module's import runs one conversation and prints its lines; every scenario
passes. spawn: every child imports the module again and runs the top-level ask_all while it is
bootstrapping (RuntimeError), so the server never answers: every scenario that starts a child
fails (error), with a message about the missing `if __name__ == "__main__":` guard."""
import multiprocessing as mp
import time

STOP = "STOP"


def serve(conn):
    running = True
    while running:
        line = conn.recv()
        if line == STOP:
            running = False
        else:
            conn.send(line * 2)
    conn.close()


def ask_all(requests):
    pipeMain, pipeChild = mp.Pipe()
    p = mp.Process(target=serve, args=(pipeChild,))
    p.start()

    time.sleep(0.5)
    replies = []
    for request in requests:
        pipeMain.send(request)
        replies.append(pipeMain.recv())

    pipeMain.send(STOP)

    p.join()
    pipeMain.close()
    return replies


print("tehehehe")
print(ask_all(["ping"]))
print("yeheehehe")
