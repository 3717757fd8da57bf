"""What a report says about a run whose schedules were shaken (`mpkit grade --shake SEED`): the
seed, and for each exercise and start method that did not pass, the command that shakes it
again the same way (each scenario's delays depend on the seed and the scenario only)."""
import shlex

from grader.messages import text


def command(seed, verdict, path):
    """The command that grades `verdict`'s exercise under its start method again with `seed`."""
    return "mpkit grade %s --exercise %s --start-method %s --shake %d" % (
        shlex.quote(path), shlex.quote(verdict.exercise), verdict.start_method, seed)


def reproduce(seed, verdicts, path):
    """The commands that grade each failing (exercise, start method) again with `seed`."""
    commands = []
    for verdict in verdicts:
        if not verdict.passed and command(seed, verdict, path) not in commands:
            commands.append(command(seed, verdict, path))
    return commands


def summary(seed, verdicts, path):
    """The `shake` object of the JSON results."""
    return {"seed": seed, "reproduce": reproduce(seed, verdicts, path)}


def lines(seed, verdicts, path):
    """The lines a text report ends with."""
    commands = reproduce(seed, verdicts, path)
    found = [text("shake_seed", seed=seed)]
    if not commands:
        return found + [text("shake_passed")]
    return found + [text("shake_reproduce")] + ["  " + command for command in commands]
