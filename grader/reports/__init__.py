"""Reports of a grading run: text for people, versioned JSON for programs (Gradescope, JUnit, HTML join here).

May import judging's verdicts and grader.messages; never the engine.
"""
