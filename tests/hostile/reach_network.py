"""Hostile 01_process: greet tries to reach services of the machine that listen on its
loopback (an instructor's notebook server, a database) and on an abstract unix socket, and
prints what it got back. The test listens on 127.0.0.1 port "@HOSTILE_TCP_PORT@" and on the
abstract name "@HOSTILE_ABSTRACT@", and answers each connection with a secret. Expected: in a
network namespace of its own the scenario reaches neither (its loopback is its own), and a
listener of its own on 127.0.0.1 still works. Graded as is (the placeholders left), it reaches
nothing and earns nothing."""
import json
import socket

TCP_PORT = "@HOSTILE_TCP_PORT@"
ABSTRACT = "@HOSTILE_ABSTRACT@"


def _reach(family, address):
    """What a connection to `address` gave: the first bytes read, or the error's name."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(10)
    try:
        sock.connect(address)
        return sock.recv(100).decode("ascii", "replace")
    except OSError as exc:
        return type(exc).__name__
    finally:
        sock.close()


def _own_loopback():
    """Whether a listener of the scenario's own on 127.0.0.1 accepts a connection."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=10) as client:
            conn, _ = server.accept()
            conn.sendall(b"own")
            conn.close()
            return client.recv(3) == b"own"


def greet(name):
    port = int(TCP_PORT) if TCP_PORT.isdigit() else 9  # no test listens on the discard port
    print(json.dumps({"tcp": _reach(socket.AF_INET, ("127.0.0.1", port)),
                      "abstract": _reach(socket.AF_UNIX, "\0" + ABSTRACT),
                      "own_loopback": _own_loopback()}))


def run_greeting(name):
    raise NotImplementedError


def start_in_background(target, *args):
    raise NotImplementedError
