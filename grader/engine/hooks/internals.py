"""The parts of multiprocessing the hooks and the runners reach into beyond its documented API,
and a check of any Python's copy of it, run or only read.

A new Python can rename or drop any of these. Each hook is installed on its own and one that
fails is reported (``hook_missing``), so grading goes on without that evidence and the verdict
says which evidence was unavailable; this table is what a release of the kit is checked against
before students meet that Python: ``missing()`` on the running interpreter (the kit's tests, on
every version CI runs), ``missing_in_source(folder)`` on a copy of ``Lib/`` that cannot be run
here (``python -m grader.engine.hooks.internals /path/to/Lib``).

Each entry is ``"module:Name.attribute"``: the name as the module defines it at its top level
(also under an ``if``, as context.py does per platform), and the attribute as its class body
defines it (a def, an assignment) or as one of its methods sets it on ``self``.
"""
import ast
import importlib
import os
import sys

INTERNALS = {
    # hook module (or runner) -> what it needs
    "locks": ("multiprocessing.synchronize:SemLock.__init__", "multiprocessing.synchronize:SemLock.__getstate__",
              "multiprocessing.synchronize:SemLock.__setstate__", "multiprocessing.synchronize:SemLock._make_methods",
              "multiprocessing.synchronize:SemLock.__enter__", "multiprocessing.synchronize:SemLock.__exit__",
              "multiprocessing.synchronize:SemLock._semlock", "multiprocessing.synchronize:Semaphore"),
    "process": ("multiprocessing.process:BaseProcess.start", "multiprocessing.process:BaseProcess.join",
                "multiprocessing.process:BaseProcess.is_alive", "multiprocessing.process:BaseProcess.exitcode",
                "multiprocessing.process:BaseProcess.sentinel", "multiprocessing.process:BaseProcess.terminate",
                "multiprocessing.process:BaseProcess.kill", "multiprocessing.process:BaseProcess._bootstrap",
                "multiprocessing.process:BaseProcess._target", "multiprocessing.process:BaseProcess._parent_pid",
                "multiprocessing.process:BaseProcess._popen", "multiprocessing.spawn:_main"),
    "traffic": ("multiprocessing.reduction:ForkingPickler.dumps", "multiprocessing.reduction:ForkingPickler.loads",
                "multiprocessing.connection:_ConnectionBase.poll", "multiprocessing.connection:_ConnectionBase.recv",
                "multiprocessing.connection:_ConnectionBase.send", "multiprocessing.queues:Queue.put",
                "multiprocessing.queues:Queue.get", "multiprocessing.queues:Queue.empty",
                "multiprocessing.queues:Queue._rlock", "multiprocessing.queues:JoinableQueue.put",
                "multiprocessing.queues:SimpleQueue.put", "multiprocessing.queues:SimpleQueue.get"),
    "shared_memory": ("multiprocessing.sharedctypes:Synchronized.value",
                      "multiprocessing.sharedctypes:SynchronizedArray.__setitem__",
                      "multiprocessing.sharedctypes:SynchronizedBase.__init__",
                      "multiprocessing.sharedctypes:SynchronizedBase._lock",
                      "multiprocessing.sharedctypes:Value", "multiprocessing.sharedctypes:typecode_to_type"),
    "sync": ("multiprocessing.managers:AcquirerProxy.acquire", "multiprocessing.managers:AcquirerProxy.release",
             "multiprocessing.managers:AcquirerProxy.__enter__", "multiprocessing.managers:AcquirerProxy.__exit__",
             "multiprocessing.managers:BaseProxy._callmethod", "multiprocessing.managers:BaseProxy._token",
             "multiprocessing.managers:BaseManager._create", "multiprocessing.managers:Token.typeid",
             "multiprocessing.managers:Token.address", "multiprocessing.managers:Token.id",
             "multiprocessing.pool:Pool.__init__", "multiprocessing.pool:Pool.close", "multiprocessing.pool:Pool.join",
             "multiprocessing.pool:Pool.terminate", "multiprocessing.pool:Pool.__exit__",
             "concurrent.futures.process:ProcessPoolExecutor.__init__",
             "concurrent.futures.process:ProcessPoolExecutor.shutdown", "concurrent.futures._base:Executor.__exit__",
             "multiprocessing.synchronize:Event.wait", "multiprocessing.synchronize:Event.set",
             "multiprocessing.synchronize:Event.clear",
             "multiprocessing.synchronize:Barrier", "threading:Barrier.wait"),
    "runner": ("multiprocessing.context:_default_context", "multiprocessing.context:_concrete_contexts",
               "multiprocessing.context:DefaultContext._default_context",
               "multiprocessing.context:DefaultContext._actual_context",
               "multiprocessing.process:_current_process", "multiprocessing.process:_parent_process",
               "multiprocessing.process:_children", "multiprocessing.process:_process_counter",
               "multiprocessing.process:_dangling", "multiprocessing.util:_finalizer_registry",
               "multiprocessing.util:_afterfork_registry", "multiprocessing.util:_exiting",
               "multiprocessing.util:_run_finalizers", "multiprocessing.util:_exit_function",
               "multiprocessing.forkserver:_forkserver", "multiprocessing.forkserver:ForkServer._forkserver_pid",
               "multiprocessing.resource_tracker:_resource_tracker",
               "multiprocessing.resource_tracker:ResourceTracker._pid"),
}

# what each hook (hooks.PATCHES, shared_memory's) lets the grader see, by the key of its words
# in the catalogs (evidence_KEY): a verdict made without it says so (judging/judge.py)
EVIDENCE = {
    "_patch_semlock": "locks", "_patch_process": "processes", "_patch_spawn": "processes",
    "_patch_os_kill": "processes",
    "_patch_pickler": "traffic", "_patch_receiving": "traffic", "_patch_traffic": "traffic",
    "_patch_queue_put": "traffic", "_watch_shared_values": "shared", "_patch_sharedctypes": "shared",
    "_patch_shared_value": "shared", "_patch_shared_array": "shared", "_patch_manager_locks": "sync",
    "_patch_pool": "sync", "_patch_event": "sync", "_patch_barrier": "sync", "_install_tracer": "functions",
}


def entries():
    """Every entry of the table, once, in order."""
    return list(dict.fromkeys(entry for needed in INTERNALS.values() for entry in needed))


def missing(entries_=None):
    """The entries this interpreter's modules lack (an instance attribute counts when a method
    of the class sets it, as in a source tree: see ``missing_in_source``)."""
    import inspect

    absent = []
    for entry in entries_ or entries():
        module_name, dotted = entry.split(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            absent.append(entry)
            continue
        name, _, attribute = dotted.partition(".")
        if not hasattr(module, name):
            absent.append(entry)
            continue
        owner = getattr(module, name)
        if attribute and not hasattr(owner, attribute) and not (
                inspect.isclass(owner) and _sets_on_self(ast.parse(inspect.getsource(owner)), attribute)):
            absent.append(entry)
    return absent


def missing_in_source(lib, entries_=None):
    """The entries a ``Lib/`` folder's sources lack, read, never run: for a Python that cannot
    be installed where the kit is checked."""
    trees, absent = {}, []
    for entry in entries_ or entries():
        module_name, dotted = entry.split(":")
        if module_name not in trees:
            path = os.path.join(lib, *module_name.split(".")) + ".py"
            trees[module_name] = ast.parse(open(path, encoding="utf-8").read()) if os.path.isfile(path) else None
        tree = trees[module_name]
        if tree is None or not _defines(tree, dotted):
            absent.append(entry)
    return absent


def _top_level(body):
    """The statements a module runs at its top level, those under an if/try included."""
    for node in body:
        if isinstance(node, (ast.If, ast.Try)):
            yield from _top_level(node.body + node.orelse + getattr(node, "finalbody", []))
            for handler in getattr(node, "handlers", []):
                yield from _top_level(handler.body)
        else:
            yield node


def _names(node):
    """The names a top-level or class-body statement binds."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return set()


def _sets_on_self(tree, attribute):
    return any(isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr == attribute
               and isinstance(node.value, ast.Name) and node.value.id == "self" for node in ast.walk(tree))


def _defines(tree, dotted):
    name, _, attribute = dotted.partition(".")
    for node in _top_level(tree.body):
        if name not in _names(node):
            continue
        if not attribute:
            return True
        if isinstance(node, ast.ClassDef) and (
                any(attribute in _names(item) for item in node.body) or _sets_on_self(node, attribute)):
            return True
    return False


if __name__ == "__main__":  # python -m grader.engine.hooks.internals /path/to/Lib
    gone = missing_in_source(sys.argv[1]) if len(sys.argv) > 1 else missing()
    print("\n".join(gone) or "every internal the hooks need is there")
    sys.exit(1 if gone else 0)
