"""Where mpkit meets the places courses grade: submissions as students hand them in (flat files,
a folder laid out like exercises/, a zip of either), a class graded in batch, resumably, in
shards that `mpkit merge` joins, the kit's scores written into nbgrader's gradebook
(`nbgrader-scores`), Gradescope's autograder, and GitHub workflows made from the manifest.
Templates (setup.sh, run_autograder, workflows) are package data in `templates/`.

May import grader.grading (and the engine's workers, to stop a batch's scenarios on Ctrl-C), the
course, judging's verdicts and outcomes, the reports and grader.messages; only the CLI imports it.
"""
