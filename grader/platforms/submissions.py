"""A submission as a student hands it in, made into a folder laid out like exercises/.

It may be a folder laid out like exercises/, flat module files, a zip of either, or a folder
holding such a zip. A Jupyter notebook stands for the modules its `%%writefile` cells write
(the notebooks of `mpkit notebooks`), taken before a module file of the same name, since
nbgrader's autograde would run the cell and overwrite that file. Only each exercise's module
file (`<module>.py`) is taken from it, at most 1 MiB, never through a symbolic link;
everything else (test files, conftest.py, data) is ignored, so a submission is graded only by
the kit's own checks. When a module is missing the student is told which file was expected,
and what was found instead.
"""
import difflib
import hashlib
import os
import stat
import time
import zipfile
from dataclasses import dataclass, field

from grader import grading
from grader.course import notebooks
from grader.engine import safe_files
from grader.judging.outcomes import ERROR
from grader.judging.verdict import Verdict
from grader.messages import text

MAX_FILES = 5000  # entries looked at in one submission: a bigger one is not a course's
MAX_DEPTH = 6
# what reading one submission may cost at most, whatever its shape (a zip bomb, thousands of
# notebooks, a deep tree of folders): past any of these it is not graded, and told why
MAX_LISTED = 50000  # files and folders seen, and entries of an archive
MAX_READ_BYTES = 256 * 1024 * 1024  # read (and unpacked) in all, and the largest archive opened
MAX_UNPACK_S = 60.0
SKIPPED_DIRS = ("__MACOSX", "__pycache__", "node_modules")


class Unreadable(Exception):
    """The submission as a whole cannot be read (not a folder, a broken zip, too costly)."""


class Budget:
    """What reading one submission (`where`, its name) may still cost: files and folders seen,
    bytes read, time. Each step is bounded (a read by its own limit), so checking between
    steps bounds the whole; past a limit the submission is Unreadable, its name in the message."""

    def __init__(self, where):
        self.where, self.listed, self.left = where, 0, MAX_READ_BYTES
        self.deadline = time.monotonic() + MAX_UNPACK_S

    def look(self, count=1):
        self.listed += count
        if self.listed > MAX_LISTED:
            raise Unreadable(text("unpack_too_many", archive=self.where, limit=MAX_LISTED))
        self.clock()

    def clock(self):
        if time.monotonic() > self.deadline:
            raise Unreadable(text("unpack_too_slow", archive=self.where, limit=int(MAX_UNPACK_S)))

    def spend(self, size):
        self.left -= size
        if self.left < 0:
            raise Unreadable(text("unpack_too_large", archive=self.where,
                                  limit=MAX_READ_BYTES // (1024 * 1024)))
        self.clock()

    def read(self, entry, limit):
        """At most `limit` bytes of `entry`, counted."""
        self.spend(0)
        data = entry.read(limit)
        self.spend(len(data))
        return data


@dataclass
class Entry:
    path: str  # relative to the submission, with "/" (a zip's entries after "name.zip/")
    size: int
    read: object  # read(limit) -> bytes
    notebook: str = ""  # the notebook whose cell wrote this module, if one did


@dataclass
class Submission:
    folder: str                                   # laid out like exercises/: the modules found
    found: dict = field(default_factory=dict)     # exercise folder -> where its module was
    missing: dict = field(default_factory=dict)   # exercise folder -> the student's message
    digest: str = ""                              # of every module taken, for resuming

    def notes(self):
        """What the student should know before any test: the files that were not found."""
        return list(self.missing.values())


def _directory_entries(root, budget, trusted):
    entries = []
    for here, dirs, files in os.walk(root):
        budget.look(1 + len(files))
        depth = 0 if here == root else os.path.relpath(here, root).count(os.sep) + 1
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and depth < MAX_DEPTH and not os.path.islink(os.path.join(here, d)))
        for name in sorted(files):
            path = os.path.join(here, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):  # symbolic links, fifos, devices: never read
                continue
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if name.lower().endswith(".zip") and depth == 0:
                entries += _zip_entries(path, budget, trusted, rel + "/")
            else:
                entries.append(Entry(rel, info.st_size, _file_reader(path, trusted)))
            if len(entries) > MAX_FILES:
                return entries
    return entries


def _file_reader(path, beneath=None):
    def read(limit):  # what was a regular file when listed may be a link by now
        return safe_files.read(path, limit, beneath)[0]
    return read


def _zip_entries(path, budget, trusted, prefix=""):
    try:
        if os.path.getsize(path) > MAX_READ_BYTES:  # its directory alone is read on opening
            budget.spend(os.path.getsize(path))
        archive = zipfile.ZipFile(os.fdopen(safe_files.open_regular(path, trusted), "rb"))
        infos = archive.infolist()
        budget.look(len(infos))
    except Unreadable:
        raise
    except Exception as exc:  # BadZipFile, OSError, and worse for a crafted archive
        if not prefix:
            raise Unreadable("%s: %s" % (os.path.basename(path), exc))
        return []  # a broken zip beside the files themselves is just ignored

    def reader(info):
        def read(limit):
            with archive.open(info) as f:  # a zip's sizes may lie: read no more than the limit
                return f.read(limit)
        return read

    return [Entry(prefix + info.filename, info.file_size, reader(info))
            for info in infos[:MAX_FILES]
            if not info.is_dir() and not any(part in SKIPPED_DIRS or part.startswith(".")
                                             for part in info.filename.split("/")[:-1])]


def _entries(source, budget, within=None):
    """The submission's files. `within`: the folder `source` lies in, which the caller trusts
    (a class's folder): nothing below it is read through a link, `source` itself included,
    were a student to swap their folder for one while the class is graded."""
    trusted = within or source
    if within is not None and os.path.islink(source):
        raise Unreadable("%s is a symbolic link" % os.path.basename(source))
    if os.path.isdir(source):
        return _with_notebooks(_directory_entries(source, budget, trusted), budget)
    if os.path.isfile(source) and source.lower().endswith(".zip"):
        return _with_notebooks(_zip_entries(source, budget, within), budget)
    if os.path.isfile(source) and source.lower().endswith(".ipynb"):
        return _with_notebooks([Entry(os.path.basename(source), os.path.getsize(source),
                                      _file_reader(source, within))], budget)
    raise Unreadable("%s is neither a folder, a .zip file nor a notebook" % os.path.basename(source))


def _with_notebooks(entries, budget):
    """The entries, and for each notebook the modules its cells write, as entries of its folder."""
    found = []
    for entry in entries:
        if not entry.path.lower().endswith(".ipynb"):
            continue
        try:
            modules = notebooks.modules_in(budget.read(entry, notebooks.MAX_NOTEBOOK_BYTES),
                                           entry.path, grading.MAX_MODULE_BYTES)
            budget.clock()  # parsing took its time too
        except Unreadable:
            raise
        except Exception:  # not a notebook, or an archive member that fails to read: not a module
            continue
        folder = entry.path.rsplit("/", 1)[0] + "/" if "/" in entry.path else ""
        for path, source in modules.items():
            data = source.encode("utf-8", "surrogatepass")
            found.append(Entry(folder + path.replace("\\", "/").lstrip("/"), len(data),
                               lambda limit, data=data: data[:limit], notebook=entry.path))
    return found + entries


def has_notebooks(path):
    """Whether `path` is a notebook, or a folder with notebooks (at any depth)."""
    if os.path.isfile(path):
        return path.lower().endswith(".ipynb")
    if not os.path.isdir(path):
        return False
    try:
        entries = _directory_entries(path, Budget(os.path.basename(path)), path)
    except Unreadable:
        return False
    return any(e.path.lower().endswith(".ipynb") for e in entries)


def _rank(entry, exercise):
    parts = entry.path.split("/")
    return (0 if entry.notebook else 1, 0 if len(parts) > 1 and parts[-2] == exercise.folder else 1,
            len(parts), entry.path)


def _near_misses(entries, exercise):
    """Python files that look meant for this exercise: in its folder, or named almost like it."""
    names = {e.path.rsplit("/", 1)[-1] for e in entries if e.path.endswith(".py")}
    close = set(difflib.get_close_matches(exercise.filename, names, n=3, cutoff=0.75))
    close |= {n for n in names if exercise.module.lower() in n.lower()}
    return sorted({e.path for e in entries if e.path.endswith(".py") and (
        e.path.rsplit("/", 1)[-1] in close or "/%s/" % exercise.folder in "/" + e.path)})[:3]


def _missing(entries, exercise):
    """What a student whose module was not found is told."""
    notebook = [e.path for e in entries if e.path.lower() == exercise.folder.lower() + ".ipynb"
                or e.path.lower().endswith("/" + exercise.folder.lower() + ".ipynb")]
    if notebook:
        return text("nb_no_writefile", notebook=notebook[0], file=exercise.filename, folder=exercise.folder)
    found = _near_misses(entries, exercise)
    if found:
        return text("file_expected_found", file=exercise.filename, folder=exercise.folder,
                    found=", ".join(found))
    return text("file_expected", file=exercise.filename, folder=exercise.folder)


def unpack(source, exercises, target, within=None):
    """Copy each exercise's module from `source` into `target`/<folder>/<module>.py (`within`:
    see _entries). Raises Unreadable when the submission as a whole cannot be read."""
    budget = Budget(os.path.basename(os.path.normpath(source)))
    entries = _entries(source, budget, within)
    submission = Submission(target)
    digest = hashlib.sha256()
    limit = grading.MAX_MODULE_BYTES
    for exercise in exercises:
        candidates = sorted((e for e in entries if e.path.rsplit("/", 1)[-1] == exercise.filename),
                            key=lambda e: _rank(e, exercise))
        if not candidates:
            submission.missing[exercise.folder] = _missing(entries, exercise)
            continue
        best = candidates[0]
        try:
            data = budget.read(best, limit + 1)
        except Unreadable:
            raise
        except Exception as exc:  # an archive can fail in many ways (zlib.error, an unknown method)
            submission.missing[exercise.folder] = text("file_unreadable", path=best.path, detail=exc)
            continue
        if len(data) > limit:
            submission.missing[exercise.folder] = text("file_too_large", path=best.path,
                                                       limit=limit // 1024)
            continue
        os.makedirs(os.path.join(target, exercise.folder), exist_ok=True)
        with open(os.path.join(target, exercise.folder, exercise.filename), "wb") as f:
            f.write(data)
        submission.found[exercise.folder] = best.path
        digest.update(("%s\0%d\0" % (exercise.folder, len(data))).encode() + data)
    submission.digest = digest.hexdigest()
    return submission


def grade(submission, exercises, methods, jobs=None):
    """Verdicts of an unpacked submission: a missing module's are already known, the rest run."""
    planned = plan(submission, exercises, methods)
    ran = iter(grading.run_jobs([job for job, verdict in planned if verdict is None], jobs))
    return [verdict or next(ran) for job, verdict in planned]


def plan(submission, exercises, methods):
    """[(job, verdict)] in the order `grading.plan` gives: a verdict is already there (the
    expected file, named) for an exercise whose module is missing, else None: run the job."""
    planned = []
    for job in grading.plan(submission.folder, exercises, methods):
        message = submission.missing.get(job.exercise.folder)
        verdict = None if message is None else Verdict(
            exercise=job.exercise.folder, name=job.scenario.name, status=ERROR,
            max_score=job.scenario.points, message=message, start_method=job.start_method,
            hidden=job.scenario.hidden)
        planned.append((job, verdict))
    return planned
