"""The kernel's namespaces are probed once and the answer kept for the boot
(grader/engine/namespaces.py): a kept answer is used only when it is exactly the grading
user's own, for this boot, this Python and this grader."""
import json
import os

import pytest

from grader.engine import namespaces


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(namespaces.CACHE_VARIABLE, str(folder))
    namespaces.supported.cache_clear()
    yield folder
    namespaces.supported.cache_clear()


def _fresh(monkeypatch):
    monkeypatch.setenv(namespaces.CACHE_VARIABLE, "0")
    namespaces.supported.cache_clear()
    found = namespaces.supported()
    namespaces.supported.cache_clear()
    return found


def _lie(cache):
    """Rewrite the kept answer: every answer turned round, the key left as it was."""
    path = cache / "namespaces.json"
    data = json.loads(path.read_text())
    data["found"] = {name: not value for name, value in data["found"].items()}
    path.write_text(json.dumps(data))
    return data["found"]


@pytest.mark.skipif(not os.path.exists(namespaces.BOOT_ID), reason="no boot id: nothing is kept")
def test_the_probe_s_answer_is_kept_and_read_back(cache, monkeypatch):
    truth = _fresh(monkeypatch)
    monkeypatch.setenv(namespaces.CACHE_VARIABLE, str(cache))
    assert namespaces.supported() == truth
    assert (cache / "namespaces.json").is_file() and not os.stat(cache).st_mode & 0o077
    lie = _lie(cache)
    namespaces.supported.cache_clear()
    assert namespaces.supported() == lie  # read back, not probed again


@pytest.mark.skipif(not os.path.exists(namespaces.BOOT_ID), reason="no boot id: nothing is kept")
@pytest.mark.parametrize("spoil", ["writable by others", "a link", "folder writable by others", "another boot",
                                   "not json"])
def test_a_kept_answer_that_is_not_exactly_ours_is_ignored(cache, monkeypatch, spoil):
    truth = _fresh(monkeypatch)
    monkeypatch.setenv(namespaces.CACHE_VARIABLE, str(cache))
    namespaces.supported()
    _lie(cache)
    path = cache / "namespaces.json"
    if spoil == "writable by others":
        os.chmod(path, 0o666)
    elif spoil == "a link":
        os.rename(path, cache / "elsewhere.json")
        os.symlink(cache / "elsewhere.json", path)
    elif spoil == "folder writable by others":
        os.chmod(cache, 0o777)
    elif spoil == "another boot":
        data = json.loads(path.read_text())
        data["key"]["boot"] = "0" * 36
        path.write_text(json.dumps(data))
    else:
        path.write_text("{" * 10000)
    namespaces.supported.cache_clear()
    assert namespaces.supported() == truth


def test_a_probe_that_could_not_run_or_had_no_view_means_no_namespace():
    assert namespaces.answer(None) == namespaces.NONE
    assert namespaces.answer(namespaces.VIEW) == namespaces.NONE
    assert namespaces.answer(namespaces.PID | namespaces.IPC) == {"view": True, "pid": False, "network": True,
                                                                  "ipc": False}
