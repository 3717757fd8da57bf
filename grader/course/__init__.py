"""The course as data: the manifest, stubs made from solutions, the corpus and `mpkit verify`.

May import judging, the engine and grader.grading; nothing imports the course but the CLI, the plugin and tools.
"""
