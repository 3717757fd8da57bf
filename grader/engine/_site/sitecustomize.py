"""Loaded at start-up by every interpreter of a graded scenario (it is on their PYTHONPATH).

It installs mpkit's instrumentation when the supervisor asked for it, and does nothing otherwise.
"""
import os

if os.environ.get("MPKIT_EVENTS_DIR"):
    import grader.engine.hooks

    grader.engine.hooks.install()
