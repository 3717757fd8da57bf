"""JUnit XML for any CI, written with junitparser: one testcase per graded test, the exercise
as its classname, a failure carrying the verdict and its message, hidden tests marked with a
`hidden` property. A message holds what the scenario wrote: its control characters, which XML
1.0 forbids (the file would not parse), are shown escaped."""
from junitparser import Failure, JUnitXml, Properties, Property, TestCase, TestSuite

from grader.messages import text
from grader.reports import shaking
from grader.reports.escapes import shown


def as_junit(verdicts, exercises, seed=None, path=None):
    """With `seed` (a shaken run of the submission at `path`), each test carries it as a
    `shake_seed` property, and each failing one the command that reproduces it."""
    xml = JUnitXml("mpkit")
    several_methods = len({v.start_method for v in verdicts}) > 1
    for exercise in exercises:
        own = [v for v in verdicts if v.exercise == exercise.folder]
        if not own:
            continue
        suite = TestSuite(exercise.folder)
        for verdict in own:
            name = verdict.name + (" [%s]" % verdict.start_method if several_methods else "")
            case = TestCase(name, classname=exercise.folder, time=verdict.duration_s)
            properties = Properties()
            properties.add_property(Property("verdict", verdict.status))
            properties.add_property(Property("points", "%g" % verdict.max_score))
            if verdict.hidden:
                properties.add_property(Property("hidden", "true"))
            if seed is not None:
                properties.add_property(Property("shake_seed", str(seed)))
                if not verdict.passed:
                    properties.add_property(Property("reproduce", shaking.command(seed, verdict, path)))
            case.append(properties)
            if not verdict.passed:
                message = shown(verdict.message)
                failure = Failure(message=message.split("\n", 1)[0], type_=verdict.status)
                failure.text = message
                case.result = [failure]
            if verdict.hidden:
                case.system_out = text("junit_hidden")
            suite.add_testcase(case)
        suite.update_statistics()
        xml.add_testsuite(suite)
    xml.update_statistics()
    return '<?xml version="1.0" encoding="utf-8"?>\n' + xml.tostring().decode("utf-8") + "\n"
