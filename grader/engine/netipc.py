"""Network and IPC namespaces of each scenario's own (Linux).

Right after the scenario's private view (engine/mounts.py: as root, or as the owner of a user
namespace), the supervisor unshares, before it starts the runner:

- a **network namespace**, whose only interface is a loopback of its own, brought up here
  (``SIOCSIFFLAGS`` on ``lo``, no ``ip`` command needed): listeners on 127.0.0.1 and
  multiprocessing's managers work inside, while the machine's services on its loopback (a
  notebook server, a database) and its abstract unix sockets, which are scoped by network
  namespace, are out of reach. Unix sockets bound to a path are the file system's business
  (the view keeps the others' out of sight);
- an **IPC namespace**: System V shared memory, message queues and semaphores, and POSIX
  message queues, are the scenario's own and end with its last process (the supervisor is
  one: it entered them), so none outlives the scenario or reaches another.

Each is tried on its own; where the kernel refuses one, the start-up notes name it as missing
(system.hardening_notes()); engine/namespaces.py probes them.
"""
import os

CLONE_NEWNET, CLONE_NEWIPC = 0x40000000, 0x08000000
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
IFREQ = "16sH22x"  # struct ifreq (40 bytes): the interface's name, then the flags in its union


def enter():
    """In the supervisor, after the private view and before the runner starts: each namespace
    the kernel allows ({"network": entered, "ipc": entered})."""
    entered = {}
    for name, step in (("network", enter_network), ("ipc", enter_ipc)):
        try:
            step()
            entered[name] = True
        except OSError:
            entered[name] = False
    return entered


def enter_network():
    """A network namespace with its loopback up. Raises OSError when the kernel refuses."""
    from grader.engine import mounts

    mounts._call(mounts._libc().unshare(CLONE_NEWNET), "unshare(CLONE_NEWNET)")
    loopback_up()


def loopback_up():
    """Bring this network namespace's loopback up (a new namespace has it down)."""
    import fcntl
    import socket
    import struct

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        flags = struct.unpack(IFREQ, fcntl.ioctl(sock, SIOCGIFFLAGS, struct.pack(IFREQ, b"lo", 0)))[1]
        if not flags & IFF_UP:
            fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack(IFREQ, b"lo", flags | IFF_UP))


def enter_ipc():
    """An IPC namespace. Raises OSError when the kernel refuses."""
    from grader.engine import mounts

    mounts._call(mounts._libc().unshare(CLONE_NEWIPC), "unshare(CLONE_NEWIPC)")


def loopback_works():
    """Whether a listener on 127.0.0.1 here accepts a connection."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            server.accept()[0].close()
