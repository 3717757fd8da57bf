"""The trusted process between the grader and one scenario's runner.

``python -m grader.engine.supervisor`` reads a job (JSON) on stdin, runs the scenario's runner below
itself, watches the whole process tree until the runner ends, the time is up, or every thread
in the tree is stuck, then takes stack dumps, kills and reaps everything, removes semaphores
left in /dev/shm, and prints one JSON report on stdout. With ``--serve`` it does the same for
one job per line, each in a fork of itself (see serve()). Student code never runs in this
process, so a student who kills its parent kills a supervisor, not the grader.
"""
import sys

STARTUP_MODULES = frozenset(sys.modules)  # the interpreter's own, before the trusted side's

import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from grader.engine import collect, confirm, isolation, mounts, namespaces, netipc, pidns, shake, system, tree, warm  # noqa: E402

SITE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_site")
GRADER_PARENT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def runner_env(job, folders, foreign=False):
    env = {key: os.environ[key] for key in ("PATH", "HOME", "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR",
                                            "MPKIT_PLATFORM") if key in os.environ}
    env.update({
        # ours first: a student's file named sitecustomize.py or grader.py cannot shadow them
        "PYTHONPATH": os.pathsep.join(_grader_paths(foreign) + [job["module_dir"]]),
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONHASHSEED": "0",
        "PYTHONNOUSERSITE": "1",
        # the tracker's note about semaphores it unlinks after a kill is the grader's business
        "PYTHONWARNINGS": "ignore::UserWarning:multiprocessing.resource_tracker",
        "LC_ALL": "C.UTF-8",
        "TMPDIR": folders["tmp"],
        "MPKIT_EVENTS_DIR": folders["events"],
        "MPKIT_DUMPS_DIR": folders["dumps"],
        "MPKIT_GATE": "1" if job.get("gate") else "0",
        "MPKIT_STUDENT_DIR": job["module_dir"],
        "MPKIT_TIMELINE": "0" if os.environ.get("MPKIT_TIMELINE") == "0" else "1",
    })
    if job.get("child_exit"):
        env["MPKIT_CHILD_EXIT"] = str(int(job["child_exit"]))
    env.update(shake.runner_vars(job))
    return env


def _grader_paths(foreign=False):
    """sitecustomize's folder, and the grader's own parent unless it is a site-packages folder
    the runner has anyway (putting site-packages ahead of the standard library would let a
    package shadow it). So a checkout grades with its own grader, installed or not."""
    import site

    installed = {os.path.normcase(os.path.abspath(p)) for p in site.getsitepackages()}
    parent = os.path.normcase(GRADER_PARENT)
    # another interpreter (a scenario's own user's) has not got our site-packages
    return [SITE_DIR] + ([] if parent in installed and not foreign else [GRADER_PARENT])


_CGROUP_KEY = os.urandom(16)  # the grading process's own, never handed to a scenario


def cgroup_name(workdir):
    """The name of a scenario's cgroups: a digest of its folder keyed by the grading process,
    which puts it in the job (workers.supervise). Whoever cleans up after a killed supervisor
    (its zygote, from the job; the grader, from the folder) finds them, and a scenario that
    lists /sys/fs/cgroup learns no other scenario's folder from their names."""
    import hmac

    digest = hmac.new(_CGROUP_KEY, os.path.normpath(workdir).encode("utf-8", "surrogateescape"), "sha256")
    return "mpkit-" + digest.hexdigest()[:24]


def limit_resources(limits, cgroups):
    """Per-process limits and the scenario's cgroups, set in the runner before it starts (its
    children inherit them)."""
    def apply():
        import resource

        try:
            cgroups.enter()
        except OSError:  # the cgroup is gone: the supervisor's watch still caps the tree
            pass

        def cap(which, value):
            try:
                resource.setrlimit(which, (value, value))
            except (ValueError, OSError):
                pass

        cap(resource.RLIMIT_CORE, 0)
        cap(resource.RLIMIT_AS, limits["memory_mb"] * 1024 * 1024)
        cap(resource.RLIMIT_FSIZE, limits["output_kb"] * 1024)
        cap(resource.RLIMIT_NOFILE, limits["open_files"])
    return apply if system.POSIX else None


def remove_semaphores(events):
    """Unlink named semaphores the scenario created that are still in /dev/shm."""
    removed = 0
    for name in {e.get("name") for e in events if e.get("kind") == "semlock"}:
        if not isinstance(name, str) or "/" in name.lstrip("/"):
            continue
        path = "/dev/shm/sem." + name.lstrip("/")
        if os.path.exists(path):
            try:
                os.unlink(path)
                removed += 1
            except OSError:
                pass
    return removed


def supervise(job):
    workdir = job["workdir"]
    folders = {name: os.path.join(workdir, name) for name in ("work", "events", "dumps", "tmp")}
    for path in folders.values():
        os.makedirs(path, exist_ok=True)
    system.become_subreaper()
    limits = job["limits"]
    cgroups = system.Cgroups(job["cgroup"], limits["max_processes"],
                             limits["tree_memory_mb"] * 1024 * 1024)
    identity = isolation.Identity() if job.get("separate_users") else isolation.Identity.none()
    priming = cgroups.prime()  # while the view is made, not once the runner waits to move in
    try:
        identity.own(workdir, cgroups.folders.values())
        viewed = private_view(job, workdir, identity)
        return _supervise(job, workdir, folders, cgroups, identity, viewed, priming)
    finally:
        if priming is not None:  # reaped already, unless the view failed first
            system.wait_for(priming)
        identity.release()
        cgroups.remove()


def private_view(job, workdir, identity):
    """The scenario gets private temporary folders and does not see what the grader keeps off
    limits (engine/mounts.py): as root when it has a user of its own, otherwise through a user
    namespace. Where the kernel refuses, the start-up notes name the layer and permissions
    remain the barrier."""
    if not job.get("private_view") or not system.LINUX:
        return False
    if identity.uid is None and os.geteuid() == 0:  # root's view comes with a user of its own
        return False
    import grader

    grader_dir = os.path.dirname(os.path.abspath(grader.__file__))
    own = [sys.prefix, sys.base_prefix, sys.exec_prefix]  # its standard library and site-packages
    # a scenario's user who cannot reach this interpreter (under a 0700 home) gets it opened
    opened = isolation.opened_by_view() if identity.uid is not None else []
    needed = [workdir, identity.python, grader_dir] + (own if opened or identity.python == sys.executable else [])
    try:
        shown = job.get("grader_view")  # what the runner imports of the grader, None for all
        mounts.enter_private_view(job.get("hide") or [], needed, job["limits"]["output_kb"],
                                  read_only=[grader_dir], opened=opened,
                                  only=None if shown is None else (grader_dir, shown))
    except OSError:
        if opened:  # the way to this interpreter stays closed: a system Python's, if there is one
            identity.python = isolation.runner_python() or identity.python
        return False
    netipc.enter()  # a loopback and IPC objects of the scenario's own, where the kernel allows
    if opened and isolation.runner_python() == sys.executable:  # judged in the view
        identity.python = sys.executable
    return True


def pid_namespace(viewed):
    """Inside the private view: a pid namespace for the scenario (engine/pidns.py); its init's
    pid, or None. From then on this process cannot start a thread (the kernel refuses
    CLONE_THREAD across pid namespaces)."""
    if not viewed or not namespaces.supported()["pid"]:
        return None
    try:
        init = pidns.enter()
    except OSError:
        return None
    system.not_of_the_scenario(init)
    return init


def _end_namespace(init):
    """Kill the scenario's init, which ends its pid namespace, and reap it: the kernel ends
    the namespace once every process of it is reaped, so our children there are reaped too."""
    import signal

    try:
        os.kill(init, signal.SIGKILL)
    except OSError:
        pass
    give_up, pause = time.monotonic() + 5.0, 0.0002
    while time.monotonic() < give_up:  # about a millisecond, usually: look often, then less
        try:
            if os.waitpid(init, os.WNOHANG)[0]:
                return
        except ChildProcessError:
            return
        system.reap_zombies()
        time.sleep(pause)
        pause = min(pause * 2, 0.005)


def _supervise(job, workdir, folders, cgroups, identity, viewed=False, priming=None):
    if system.POSIX:  # an unnamed file: nothing in the scenario can find it by path
        channel = tempfile.TemporaryFile(dir=workdir)
        runner_job, pass_fds = dict(job["runner"], channel_fd=channel.fileno()), (channel.fileno(),)
    else:  # Windows cannot pass a descriptor: a file in the scenario's private folder
        path = os.path.join(workdir, "channel.json")
        channel = open(path, "w+b")
        runner_job, pass_fds = dict(job["runner"], channel_path=path), ()
    started = time.monotonic()
    (out_r, out_w), (err_r, err_w) = os.pipe(), os.pipe()
    # their threads start before the pid namespace, after which none can
    outputs = {"stdout": collect.OutputReader(out_r, confirm=collect.WRITTEN_KEEP),
               "stderr": collect.OutputReader(err_r)}
    init = None
    try:
        try:
            init = pid_namespace(viewed)
            if priming is not None:  # the runner moves in at once, the kernel's wait over
                system.wait_for(priming)
            runner = _start_runner(job, runner_job, folders, cgroups, identity, (out_w, err_w), pass_fds,
                                   own_proc=init is not None)
        finally:
            os.close(out_w)
            os.close(err_w)
        number = pidns.inside if init is not None else tree.same  # ours to the scenario's pids
        report = _observe(job, folders, cgroups, identity, channel, runner, outputs, started, number,
                          contained=init is not None)
        report["pid_namespace"] = init is not None
        return report
    finally:
        if init is not None:
            _end_namespace(init)


def _observe(job, folders, cgroups, identity, channel, runner, outputs, started, number, contained=False):
    """Watch the runner until it ends or is stopped, then collect, clean up and report.
    `contained`: the scenario is in a pid namespace, whose processes all die with its init, so
    none of the scenario's user can be elsewhere to look for."""
    runner_pid = number(runner.pid) or runner.pid
    watch = tree.Watch(runner, job, cgroups)
    outcome = watch.until_done()
    if outcome == "exited":  # a fork that failed at the cap, or an OOM kill, ends it too
        outcome = cgroups.hit() or outcome
    stopped_at = time.monotonic()
    result = collect.read_result(channel) if outcome == "exited" else None
    activity, leaked, killed, asked = _end_tree(outcome, result, folders, identity, number, contained)
    if runner.poll() is None:
        runner.kill()
    runner.wait()
    if result is None:
        result = collect.read_result(channel)
    # every number below the next one was a process (or thread) of the scenario's
    bound = pidns.next_number() if contained else None
    stdout = outputs["stdout"].result()
    found, notes = collect.read_events(folders["events"])
    events, unconfirmed = confirm.events(found, bound, outputs["stdout"].written())
    result, dropped = confirm.result(result, bound, runner_pid)
    return {
        "outcome": outcome,
        "elapsed_s": round(stopped_at - started, 4),
        "stopped_at": stopped_at,
        "exit_code": runner.returncode,
        "result": result,
        "events": events,
        "timeline": notes,
        "dumps": collect.read_dumps(folders["dumps"], asked),
        "activity": {pid: state for pid, state in activity.items() if state},
        "leaked": leaked,
        "killed": killed,
        "peak_processes": watch.peak_processes,
        "semaphores_removed": remove_semaphores(found) + identity.remove_leftover_files(),
        "user": identity.uid,
        "stdout": stdout,
        "unconfirmed": unconfirmed + dropped,
        "pids_below": bound,
        "stderr": outputs["stderr"].result(),
        "runner_pid": runner_pid,
        "cgroups": cgroups.active,
    }


def _end_tree(outcome, result, folders, identity, number, contained):
    """Stack dumps of the scenario's processes (all of a stopped scenario's; those left behind
    by one that ended), then every process of the scenario killed: (activity, leaked, killed,
    asked), `activity` what each process of a stopped scenario was doing, `asked` the numbers
    of the processes asked for a dump."""
    marker = folders["events"]
    # multiprocessing's helpers, by the pids the runner gave (or, if it died, by command line)
    helpers = set((result or {}).get("helpers") or []) if (result or {}).get("phase") == "done" else None
    activity, leaked = {}, []
    if outcome != "exited":
        procs = system.scenario_processes(marker)
        activity = {str(number(p.pid)): system.process_activity(p.pid) for p in procs}
        activity.update({str(number(p.pid)): "sleeping" for p in procs
                         if activity.get(str(number(p.pid))) == "timed_wait" and system.sleeping(p.pid)})
        asked = tree.take_dumps(procs, folders["dumps"], number)
    else:
        left = tree.leftovers(helpers, marker, number)
        leaked = tree.described(left, number)
        asked = tree.take_dumps(left, folders["dumps"], number)
    killed = tree.kill_tree(helpers, marker, number)
    for proc in [] if contained else identity.processes():  # anything of the scenario's user, however it hid
        system.kill(proc)
        killed += 1
    return activity, leaked, killed, asked


def _start_runner(job, runner_job, folders, cgroups, identity, outputs, pass_fds, own_proc=False):
    """The runner: forked from this warm process (engine/warm.py) where the zygote prepared
    that and the runner uses this interpreter, else a fresh `python -c` interpreter."""
    foreign = identity.python != sys.executable
    env = runner_env(job, folders, foreign)
    limit = limit_resources(job["limits"], cgroups)
    if warm.ready() and not foreign:
        return warm.start(runner_job, env, folders["work"], outputs[0], outputs[1], pass_fds[0],
                          identity.popen_args(), limit, own_proc)
    return subprocess.Popen(
        [identity.python, "-c", warm.CODE, json.dumps(runner_job)],
        cwd=folders["work"], env=env, stdin=subprocess.DEVNULL, stdout=outputs[0], stderr=outputs[1],
        pass_fds=pass_fds, preexec_fn=_before_exec(identity, limit, own_proc), close_fds=True,
        **system.isolated(), **({} if own_proc else identity.popen_args()))


def _before_exec(identity, limit, own_proc):
    """An exec'd runner's preexec_fn (POSIX): in a pid namespace, mount its /proc while it still
    may and only then become the scenario's user (subprocess would change the user before any
    preexec_fn); no signal left ignored (an exec keeps what is ignored: a grader started under
    nohup would hand on SIGHUP ignored); then the limits."""
    if not system.POSIX:
        return None

    def apply():
        if own_proc:
            pidns.own_proc()
            identity.become()
        system.no_ignored_signals()
        if limit is not None:
            limit()
    return apply


def serve():
    """Supervise one job per line of stdin, each in a fresh fork of this process, answering
    each with one line of JSON on stdout. This saves an interpreter start per scenario, and the
    runner below each fork is a fork of it again, made what a fresh interpreter would be
    (engine/warm.py), unless MPKIT_WARM=0. It never runs student code. It is a subreaper: if
    student code kills its supervisor, what is left of the scenario comes back here and is
    killed, and the answer says the supervisor died."""
    system.become_subreaper()
    isolation.not_dumpable()
    if warm.prepare(STARTUP_MODULES) and system.LINUX and _view_requested():
        namespaces.supported()  # probed once here, so that no supervisor forked below has to
    for line in iter(sys.stdin.buffer.readline, b""):
        job = json.loads(line.decode("utf-8"))
        answer = _supervise_in_fork(job)
        if answer is not None:
            sys.stdout.buffer.write(answer + b"\n")
            sys.stdout.buffer.flush()


def _view_requested():
    try:
        return isolation.view_requested()
    except ValueError:  # a wrong MPKIT_SEPARATE_USERS, reported by the grader
        return False


def _supervise_in_fork(job):
    """The forked supervisor writes its answer straight to the grader (this process's stdout),
    so no scenario's report ever passes through the zygote's memory, which every warm runner
    is a copy of. None when it did; else the answer that says it died."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            data = json.dumps(supervise(job)).encode("utf-8") + b"\n"
            while data:
                data = data[os.write(1, data):]
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if status == 0:
        return None
    for proc in system.descendants():  # the scenario's orphans, re-parented to us
        system.suspend(proc)
        system.kill(proc)
    system.reap_zombies()
    system.Cgroups.remove_named(job["cgroup"])
    return json.dumps({"supervisor_died": status}).encode("utf-8")


def main():
    if "--serve" in sys.argv[1:]:
        serve()
        return
    isolation.not_dumpable()
    job = json.loads(sys.stdin.read())
    report = supervise(job)
    sys.stdout.write(json.dumps(report))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
