# nbgrader's configuration of the mpkit course, written by `mpkit notebooks`.
import os

c = get_config()  # noqa: F821 (nbgrader defines it)
c.CourseDirectory.course_id = 'mpkit'
# Each test cell grades one scenario as real processes under the kit's own supervisor,
# which stops it at the exercise's timeout and calls a deadlock as soon as it sees one:
# nbgrader's cell timeout only has to be longer than that, MPKIT_TIMEOUT_SCALE included.
c.Execute.timeout = int(70 * float(os.environ.get("MPKIT_TIMEOUT_SCALE") or 1))
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError"}
