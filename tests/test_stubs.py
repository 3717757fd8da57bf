"""The stubs are generated from the solutions, and a committed stub that differs fails."""
import pytest

from grader.course import stubs
from conftest import ROOT


def test_committed_stubs_equal_the_generated_ones(exercises):
    for solution, stub in stubs.stub_pairs(str(ROOT), exercises):
        with open(solution, encoding="utf-8") as f:
            wanted = stubs.make_stub(f.read(), solution)
        with open(stub, encoding="utf-8") as f:
            assert f.read() == wanted, "%s is stale: run `mpkit stubs`" % stub


def test_a_block_becomes_todo_and_raise_at_its_indentation():
    source = "def f(x):\n    \"\"\"Doc.\"\"\"\n    ### BEGIN SOLUTION: double x\n    return 2 * x\n    ### END SOLUTION\n"
    assert stubs.make_stub(source) == (
        "def f(x):\n    \"\"\"Doc.\"\"\"\n    # TODO: double x\n    raise NotImplementedError\n")


@pytest.mark.parametrize("source, problem", [
    ("    ### BEGIN SOLUTION\n    x = 1\n", "never closed"),
    ("x = 1\n### END SOLUTION\n", "END SOLUTION without"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", "inside the block opened at line 1"),
])
def test_broken_markers_name_the_file_and_line(source, problem):
    with pytest.raises(stubs.StubError, match=problem) as caught:
        stubs.make_stub(source, "solutions/01_process/hello_process.py")
    assert "solutions/01_process/hello_process.py:" in str(caught.value)
