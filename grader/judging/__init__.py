"""Judging: scenarios, probes, outcomes, the judge and the exercises' checks, turning observations into verdicts.

May import the engine's observation API (hooks, values, stacks, drivers) and grader.messages; never the supervisor or workers.
"""
