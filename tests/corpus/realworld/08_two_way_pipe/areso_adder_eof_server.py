"""Source: Areso/gb-p2, lesson8/07_proc_pipes_client_server.py (a course's version of Beazley's
adder server): the server process gets both ends, closes the client end, then loops
`x, y = server_p.recv()` until EOFError and sends x + y back; the client closes the server end,
sends each request and receives its reply, then closes its own end (no stop request) and joins.
Adapted: adder(pipe) -> serve(conn) (one end, so the client end cannot be closed in the server;
x + y -> request * 2); the client's lines -> ask_all(requests): Pipe(), start, close the server
end, send / recv for each request, close its end, join (the author's way of ending: no STOP).
Expected: a bug by the statement: serve never returns on STOP (it answers "STOPSTOP" and waits on),
and ask_all never sends STOP: serve_answers fails; under fork the child also holds a copy of the
client end, so closing it never brings EOFError and ask_all waits in join() for ever (deadlock);
under spawn the EOF comes, but the server was not ended by STOP: fails."""
import multiprocessing

STOP = "STOP"


def serve(conn):
    ''' Серверный процесс
    '''
    while True:
        try:
            x = conn.recv()
        except EOFError:
            break
        result = x * 2
        conn.send(result)
    # Завершение
    print("Сервер завершил работу")


def ask_all(requests):
    server_p, client_p = multiprocessing.Pipe()
    # Запустить серверный процесс
    adder_p = multiprocessing.Process(target=serve, args=(server_p,))
    adder_p.start()

    # Закрыть серверный канал в клиенте
    server_p.close()

    # Послать серверу несколько запросов
    replies = []
    for request in requests:
        client_p.send(request)
        replies.append(client_p.recv())

    # Конец. Закрыть канал
    client_p.close()

    # Дождаться, пока завершится серверный процесс
    adder_p.join()
    return replies
