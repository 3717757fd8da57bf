"""GitHub Actions workflows made from the manifest, so they never drift from it: GitHub
Classroom's autograding for student repositories (one step per exercise with its points), and
the instructor's workflow that grades a class in shards and merges them."""
import json
import math

from grader.course import manifest
from grader.platforms.render import render

STEP_MINUTES_MIN = 2


def _scalar(value):
    """A YAML scalar: JSON's quoted strings are YAML's too."""
    return json.dumps(value, ensure_ascii=False)


def _step_id(exercise):
    return "mpkit-" + exercise.folder.replace("_", "-")


def classroom(exercises):
    """Classroom grades the student's repository, which holds the visible tests only: each
    step's max-score is what they are worth, in the kit and in its release alike."""
    steps, env = [], []
    for exercise in manifest.visible(exercises):
        shown = [s for s in exercise.scenarios() if not s.hidden]
        worst = len(shown) * exercise.timeout  # every scenario timed out, one by one
        steps.append(render(
            "classroom-step.yml", title=_scalar("%s %s" % (exercise.folder, exercise.title)),
            id=_step_id(exercise), points=("%g" % exercise.points),
            minutes=max(STEP_MINUTES_MIN, math.ceil(worst / 60) + 1),
            # the text report in the step's log (where each process was stuck), the JSON for the summary
            command=_scalar("mpkit grade --exercise %s --json mpkit-results/%s.json"
                            % (exercise.folder, exercise.folder))).rstrip("\n"))
        env.append("          %s_RESULTS: ${{ steps.%s.outputs.result }}"
                   % (_step_id(exercise).upper(), _step_id(exercise)))
    return render("classroom.yml", steps="\n".join(steps), reporter_env="\n".join(env),
                  runners=",".join(_step_id(e) for e in exercises))


def shards(count):
    return render("grade-class.yml", shards=count,
                  shard_list=", ".join(str(k) for k in range(1, count + 1)))
