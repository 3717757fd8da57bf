"""The verdicts of one exercise as a notebook shows them: an HTML table in Jupyter, text elsewhere."""
import html

from grader.messages import text
from grader.reports.results import status_name
from grader.reports.text import exercise_title


def _rows(verdicts):
    for verdict in verdicts:
        name = verdict.name + (text("hidden_tag") if verdict.hidden else "")
        yield verdict, name, "%g/%g" % (verdict.score, verdict.max_score)


def _total(verdicts):
    return text("md_total", score="%g" % sum(v.score for v in verdicts),
                max_score="%g" % sum(v.max_score for v in verdicts))


def as_html(verdicts, exercise):
    """An HTML table: one row per test, the message under a failed one."""
    head = "".join("<th style=\"text-align:left\">%s</th>" % html.escape(column)
                   for column in text("md_columns").split("|")[1:])
    rows = []
    for verdict, name, points in _rows(verdicts):
        colour = "#1a7f37" if verdict.passed else "#cf222e"
        rows.append("<tr><td>%s</td><td style=\"color:%s\"><b>%s</b></td><td>%s</td></tr>"
                    % (html.escape(name), colour, html.escape(status_name(verdict.status)), points))
        if not verdict.passed:
            detail = verdict.message + ("\n%s\n%s" % (text("feedback_output"), verdict.output.rstrip())
                                        if verdict.output.strip() else "")
            rows.append("<tr><td colspan=\"3\"><pre style=\"white-space:pre-wrap\">%s</pre></td></tr>"
                        % html.escape(detail))
    title = "%s %s" % (exercise.folder, exercise_title(exercise))
    return ("<div class=\"mpkit-verdicts\"><h4>%s</h4><table><tr>%s</tr>%s</table><p>%s</p></div>"
            % (html.escape(title), head, "".join(rows), _total(verdicts).replace("**", "")))


def as_text(verdicts, exercise):
    """The same as text, for a terminal or a plain Python prompt."""
    lines = ["%s %s" % (exercise.folder, exercise_title(exercise))]
    for verdict, name, points in _rows(verdicts):
        lines.append("  %s %s: %s (%s)" % (text("test_ok") if verdict.passed else text("test_fail"), name,
                                           status_name(verdict.status), points))
        if not verdict.passed:
            lines += ["      " + line for line in verdict.message.splitlines()]
    lines.append(_total(verdicts).replace("**", ""))
    return "\n".join(lines) + "\n"
