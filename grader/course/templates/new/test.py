"""@@folder: @@title, graded as plain pytest tests (docs/authoring.md).

Each test is one graded scenario: `scenario.call` runs a call of the student's module as a
real, supervised scenario and returns what was seen; plain asserts give the verdict."""
import pytest


@pytest.mark.points(2)
def test_square_in_child(scenario):
    """square_in_child computes in a child process and returns its answer."""
    # MPKIT-TODO: replace these tests with your exercise's
    seen = scenario.call("square_in_child", 7)
    assert seen.ran_in_child("square")
    assert seen.returned == 49


@pytest.mark.points(1)
@pytest.mark.hidden
def test_square_in_child_negative(scenario):
    """Hidden: a negative number."""
    seen = scenario.call("square_in_child", -12)
    assert seen.ran_in_child("square")
    assert seen.returned == 144
