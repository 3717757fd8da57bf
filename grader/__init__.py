"""mpkit's grading engine.

Kept free of imports: every process of a graded scenario loads ``grader.engine.hooks`` through
this package, so importing ``grader`` must cost nothing.
"""

__version__ = "0.1.0"
