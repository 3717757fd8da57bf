"""The GitHub Actions workflow, checked here since it cannot run here: it is valid for GitHub
(the workflow schema that check-jsonschema ships, no network), and it runs the README's test
command on ubuntu, macos and windows for the oldest and the newest supported Python."""
import re
import subprocess
import sys

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _supported_pythons():
    """(oldest, newest): requires-python of pyproject.toml, and the noxfile's last version."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    oldest = re.search(r'requires-python = ">=(\d+\.\d+)"', pyproject).group(1)
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    newest = re.search(r"PYTHONS = \[([^\]]*)\]", noxfile).group(1).split(",")[-1].strip().strip("\"'")
    return oldest, newest


def test_the_workflow_is_valid_for_github_actions():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_runs_the_readme_test_command_on_every_platform_and_python_bound():
    from ruamel.yaml import YAML  # check-jsonschema's own YAML reader

    job = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["tests"]
    matrix = job["strategy"]["matrix"]
    assert {name.split("-")[0] for name in matrix["os"]} == {"ubuntu", "macos", "windows"}, matrix["os"]
    assert set(_supported_pythons()) <= {str(v) for v in matrix["python-version"]}, matrix
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pytest" in readme
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(line.strip() == "python -m pytest" for run in runs for line in run.splitlines()), runs
    assert any('".[dev]"' in run for run in runs), "the workflow must install the dev extra"
