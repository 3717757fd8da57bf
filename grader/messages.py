"""Every sentence mpkit shows a student, looked up by key, so it can be translated and tested.

The texts live in gettext catalogs, in ``grader/locale/``: ``mpkit.pot`` holds the English ones
(each entry's ``msgctxt`` is the key, its ``msgid`` the English ``str.format`` template), and one
``LANG.po`` beside it per other language (its ``msgstr``). ``text(key, **fields)`` fills a template
in. A catalog is read (with polib) when a text of its language is first asked for; English is
the fallback of every other language. Tests import the keys rather than copying the sentences.
"""
import contextlib
import contextvars
import os
import threading

LOCALE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
TEMPLATE = "mpkit.pot"  # English: the source texts, and the template every translation starts from
LANG_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set wins


class Catalogs:
    """The texts of one locale folder: English from its template, every other language from
    its LANG.po, each catalog read when first used."""

    def __init__(self, folder):
        self.folder = folder
        others = sorted(name[:-3] for name in os.listdir(folder) if name.endswith(".po"))
        self.languages = ("en",) + tuple(lang for lang in others if lang != "en")
        self._read = {}
        self._lock = threading.Lock()

    def templates(self, lang):
        """Key -> str.format template of `lang` (one of `languages`), as its catalog has it:
        every entry in English, the translated ones (not empty, not fuzzy) in another language."""
        with self._lock:
            if lang not in self._read:
                self._read[lang] = self._load(lang)
            return self._read[lang]

    def _load(self, lang):
        import polib  # here, not at the top: a command that shows no text never pays for it

        english = lang == "en"
        path = os.path.join(self.folder, TEMPLATE if english else lang + ".po")
        return {entry.msgctxt: entry.msgid if english else entry.msgstr
                for entry in polib.pofile(path, encoding="utf-8")
                if entry.msgctxt and (english and not entry.obsolete or entry.translated())}

    def text(self, key, lang, **fields):
        """The message `key` in `lang` (English when `lang` is not one of `languages` or its
        catalog lacks the key), filled in with `fields`; KeyError when English lacks it too."""
        translated = lang != "en" and lang in self.languages
        template = self.templates(lang).get(key) if translated else None
        return (template or self.templates("en")[key]).format(**fields)


_CATALOGS = Catalogs(LOCALE)
LANGUAGES = _CATALOGS.languages

_current = contextvars.ContextVar("mpkit_language", default="en")


def current_language():
    """The language of this thread's messages (set with `language`); English by default."""
    return _current.get()


@contextlib.contextmanager
def language(lang):
    """Messages in `lang` for the code inside the block, in this thread."""
    token = _current.set(lang if lang in LANGUAGES else "en")
    try:
        yield
    finally:
        _current.reset(token)


_notebook = contextvars.ContextVar("mpkit_notebook", default=False)


def in_notebook():
    """Whether this thread's messages speak to a student who writes the module in a notebook's
    `%%writefile` cell (set with `notebook_messages`) rather than in a file."""
    return _notebook.get()


@contextlib.contextmanager
def notebook_messages(on=True):
    """Messages that speak of notebook cells, not files, for the code inside the block."""
    token = _notebook.set(bool(on))
    try:
        yield
    finally:
        _notebook.reset(token)


def choose_language(option=None, environ=None):
    """`--lang`, else MPKIT_LANG, else the locale (zh_CN.UTF-8 -> zh: the longest language
    that starts the value), else English. ValueError names the option or variable at fault when
    its value is not a known language."""
    environ = os.environ if environ is None else environ
    for where, value in (("--lang", option), ("MPKIT_LANG", environ.get("MPKIT_LANG"))):
        if value:
            if value not in LANGUAGES:
                raise ValueError("%s: unknown language %r; choose %s"
                                 % (where, value, " or ".join(sorted(LANGUAGES))))
            return value
    for name in LANG_VARIABLES:
        value = environ.get(name)
        if value:
            return max((lang for lang in LANGUAGES if value.lower().startswith(lang.lower())),
                       key=len, default="en")
    return "en"


def text(key, lang=None, **fields):
    """The message `key` in `lang` (default: the current language), filled in with `fields`."""
    return _CATALOGS.text(key, lang or current_language(), **fields)
