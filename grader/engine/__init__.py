"""The engine: what runs a scenario (workers, supervisor, runner, in-process hooks, platform specifics, stack dumps).

May import the standard library and psutil only; it knows nothing of verdicts, the course or reports.
"""
