"""The jobs the commands run: articles → prepared word lists → decks, tables and sheets.

Each article is prepared on its own (read, analysed, examples chosen) into a
plain, picklable ``Prepared`` record, so a batch can run in several processes;
packages are then written one per article, or one for all with ``merge``.
Every job builds the run's ``Lexicon`` once, from its options.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from cardmaker.analysis.vocabulary import Options
from cardmaker.errors import CardmakerError, InputError, OutputError, shown
from cardmaker.lexicon import Lexicon
from cardmaker.records import Word

DEFAULT_SOURCE = Path("seeds")
DEFAULT_OUTPUT = Path("decks")
SUFFIXES = {"apkg": ".apkg", "csv": ".csv", "pleco": ".txt"}
STDOUT = Path("-")  # ``-o -``: a text output (table, CSV, Pleco, sheet) goes to standard output
NAME_MAX = 255      # bytes in a file name on the usual file systems
_NO_APKG_TO_STDOUT = "an .apkg package cannot go to standard output; give a file or folder with -o"


@dataclass(frozen=True)
class BuildOptions:
    vocabulary: Options = Options()
    cards: tuple[str, ...] = ("recognition", "recall", "cloze")
    script: str | None = None          # None: the article's own script
    merge: str | None = None           # one deck NAME with a subdeck per article
    output: Path | None = None         # a file (one article) or a folder
    encoding: str | None = None
    timestamp: float | None = None
    format: str = "apkg"               # apkg, csv or pleco
    voice: str | None = None           # Anki's TTS voice (zh_CN, zh_TW, zh_HK); None: by the deck's script
    word_list: tuple = ()              # records.ListedWord rows: build exactly these words
    word_list_path: str = ""
    user_entries: tuple = ()           # records.UserEntry: words and meanings that win over CC-CEDICT
    inputs: tuple = ()                 # the user's side files (word list, dictionary, known words): never outputs
    hsk_standard: str = "2025"         # lexicon.hsk.STANDARDS


@dataclass(frozen=True)
class Prepared:
    path: str
    title: str
    source: str                        # title and date
    slug: str
    script: str
    words: tuple[Word, ...]
    examples: dict                     # word key → Example
    notes: tuple[str, ...] = ()        # odd but legal things noticed while reading
    own_script: str = ""               # the article's own script (``script`` may be "both")
    date: str | None = None
    left_out: tuple = ()               # (reason, words) the word selection left out


@dataclass
class BuildResult:
    decks: list[Path] = field(default_factory=list)
    notes: int = 0
    cards: int = 0
    failed: list[CardmakerError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept: int = 0                                         # words kept, over all articles
    left_out: dict = field(default_factory=dict)          # reason → words left out, over all articles

    def add(self, kept: int, left_out) -> None:
        self.kept += kept
        for reason, n in left_out:
            self.left_out[reason] = self.left_out.get(reason, 0) + n
    text: str = ""                     # what goes to standard output (``-o -``)


def lexicon_for(options: BuildOptions) -> Lexicon:
    """The run's lexicon: the installed data with the user's dictionary and HSK standard."""
    return Lexicon(options.user_entries, hsk_standard=options.hsk_standard)


def slug(name: str) -> str:
    """An Anki tag from a file name: no spaces, no hierarchy separators."""
    from cardmaker.text.controls import name_text

    s = re.sub(r"[\s:\"]+", "-", name_text(name).strip()).strip("-")
    return s or "article"


def input_stem(path) -> str:
    """The name an input's outputs and tags take: a file's stem, a URL's last path segment, ``stdin``."""
    from cardmaker.text.sources import is_url, url_stem

    if is_url(path):
        return url_stem(str(path))
    return "stdin" if str(path) == "-" else Path(path).stem


def prepare(lexicon: Lexicon, path, options: BuildOptions, article=None, stem: str | None = None) -> Prepared:
    """Read (unless given) and analyse one article and choose its examples."""
    from cardmaker.analysis.examples import choose_examples
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.text.article import read_article

    article = article or read_article(path, options.encoding)
    analysis = analyse(article, lexicon, options.vocabulary)
    words, notes = analysis.words, list(article.notes)
    if options.word_list:
        from cardmaker.lists.curation import curate

        words, warnings = curate(analysis, options.word_list, options.word_list_path, lexicon)
        notes.extend(warnings)
    if not words:
        raise _nothing_to_build(path, analysis)
    examples = choose_examples(analysis, words, lexicon)
    return Prepared(
        path=str(path),
        title=article.title,
        source=article.source,
        slug=slug(stem or input_stem(path)),
        script=options.script or analysis.script,
        words=tuple(words),
        examples=examples,
        notes=tuple(notes),
        own_script=analysis.script,
        date=article.date,
        left_out=analysis.left_out if not options.word_list else (),
    )


# ── e-books: one deck with a subdeck per chapter (the --merge layout) ───────

def prepare_all(lexicon: Lexicon, path, options: BuildOptions) -> tuple[str | None, list[Prepared]]:
    """(None, [the article]) for most inputs; (book title, one per chapter) for an e-book."""
    from cardmaker.text.article import read_chapters

    book, articles = read_chapters(path, options.encoding)
    if book is None:
        return None, [prepare(lexicon, path, options, articles[0])]
    stem = input_stem(path)
    chapters, empty = [], None
    for n, a in enumerate(articles, 1):
        try:
            chapters.append(prepare(lexicon, a.path, options, a, f"{stem}-{n:02d}"))
        except InputError as e:  # a chapter of only names or known words: the others still make the book
            empty = empty or e
    if not chapters:
        raise empty
    return book, chapters


def _nothing_to_build(path, analysis) -> InputError:
    """Why an article gave no words: an empty deck or table is never written quietly."""
    o = analysis.options
    candidates = [w for w in analysis.all_words if o.names or not w.name]
    if not analysis.all_words:
        return InputError(path, "no words to make cards of (only function words, numbers or symbols); nothing written")
    if not candidates:
        return InputError(path, f"only person names ({len(analysis.all_words)}), left out without --names; "
                                "nothing written")
    given = [f"--level {o.level}" if o.level else "", "--known" if o.known else "",
             f"--min-count {o.min_count}" if o.min_count > 1 else ""]
    what = "its only word was" if len(candidates) == 1 else f"all {len(candidates)} words were"
    return InputError(path, f"{what} left out by {' and '.join(g for g in given if g)}; nothing written")


# ── decks and exports ───────────────────────────────────────────────────────

def write_article(lexicon: Lexicon, p: Prepared, target: Path, options: BuildOptions) -> tuple[int, int, str | None]:
    """Write one article's deck (or export) to ``target``; returns (notes, cards, the text when
    ``target`` is ``STDOUT``)."""
    rows = [(w, [p.examples[w.key]] if w.key in p.examples else [], [p.slug], [p.source]) for w in p.words]
    return _write(lexicon, target, options, [(p.title, rows)], p.script, own_script=p.own_script)


def write_merged(lexicon: Lexicon, prepared: list[Prepared], target: Path, options: BuildOptions) -> tuple[int, int, str | None]:
    """One package: deck ``merge`` with a subdeck per article, each word (each note's identity) once,
    examples from each article."""
    from cardmaker.output.package import note_guid

    first: dict = {}
    gathered: dict = {}
    for p in prepared:
        for w in p.words:
            identity = note_guid(w, lexicon)  # 面 "face" and 麵 "noodles" are two words, though one simplified form
            first.setdefault(identity, (p, w))
            g = gathered.setdefault(identity, {"examples": [], "slugs": [], "sources": [], "count": 0})
            if w.key in p.examples:
                g["examples"].append(p.examples[w.key])
            g["slugs"].append(p.slug)
            g["sources"].append(p.source)
            g["count"] += w.count
    sections: dict = {p.path: (p.title, []) for p in prepared}
    for key, (p, w) in first.items():
        g = gathered[key]
        sections[p.path][1].append((replace(w, count=g["count"]), g["examples"][:3], g["slugs"], g["sources"]))
    script = options.script or prepared[0].script
    return _write(lexicon, target, options, list(sections.values()), script, parent=options.merge,
                  own_script=prepared[0].own_script)


def voice_for(script: str, own_script: str = "") -> str:
    """Anki's TTS voice for a deck in ``script``: Taiwan's for traditional, the Mainland's for
    simplified; a deck of both scripts speaks as its article is written."""
    if script == "both":
        script = own_script or "traditional"
    return "zh_TW" if script == "traditional" else "zh_CN"


def _write(lexicon: Lexicon, target: Path, options: BuildOptions, sections, script: str, parent: str | None = None,
           own_script: str = ""):
    """Write ``sections`` — (title, [(word, examples, slugs, sources)]) — in the chosen format."""
    from cardmaker.output.atomic import write_atomic
    from cardmaker.output.fields import Cards, tags
    from cardmaker.output.package import deck_name, make_note, note_type_name, write_package

    script = options.script or script
    notes = sum(len(rows) for _, rows in sections)
    cards = Cards(tuple(options.cards), options.voice or voice_for(script, own_script))
    if options.format == "csv":
        from cardmaker.output.exports import csv_text

        rows = [(w, ex, script, sources, tags(w, slugs, lexicon.hsk_standard))
                for _, rs in sections for w, ex, slugs, sources in rs]
        deck = deck_name(parent, nested=True) if parent else deck_name(sections[0][0])
        return notes, 0, _emit(target, csv_text(rows, lexicon.memo("plain_fields"), note_type_name(options.cards),
                                                deck, cards))
    if options.format == "pleco":
        from cardmaker.output.exports import pleco_text

        text = pleco_text([((parent, title) if parent else (title,), [w for w, *_ in rs]) for title, rs in sections])
        return notes, 0, _emit(target, text)
    if target == STDOUT:
        raise OutputError(_NO_APKG_TO_STDOUT)
    memo = lexicon.memo("note_fields")
    decks = [(deck_name(parent, nested=True), [])] if parent else []
    for title, rows in sections:
        name = f"{deck_name(parent, nested=True)}::{deck_name(title)}" if parent else deck_name(title)
        decks.append((name, [make_note(w, ex, script, slugs, sources, cards, memo, lexicon.hsk_standard,
                                       lexicon)
                             for w, ex, slugs, sources in rows]))
    write_package(decks, target, options.timestamp)
    return notes, sum(len(n.ords) for _, ns in decks for n in ns), None


def _emit(target: Path, text: str) -> str | None:
    """Write a text output to ``target``, or return it when it goes to standard output."""
    from cardmaker.output.atomic import write_atomic

    if target == STDOUT:
        return text
    write_atomic(target, text.encode("utf-8"))
    return None


def output_for(path, options: BuildOptions, single: bool) -> Path:
    out = options.output or DEFAULT_OUTPUT
    suffix = SUFFIXES[options.format]
    if out == STDOUT:
        if options.format == "apkg":
            raise OutputError(_NO_APKG_TO_STDOUT)
        if not single:
            raise OutputError("-o - (standard output) takes one article, or several with --merge")
        return out
    if single and out.suffix.lower() == suffix:
        return out
    if out.suffix.lower() == suffix:
        raise OutputError(f"{shown(out)}: several articles need a folder, not one {suffix} file (or use --merge)")
    return out / file_name(input_stem(path), suffix)


def file_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, the stem shortened (whole characters) so that the name fits the file
    system's limit: an article's name may already use all 255 bytes."""
    while len(os.fsencode(stem + suffix)) > NAME_MAX and stem:
        stem = stem[:-1]
    return stem + suffix


def internal_error(path, e: Exception) -> CardmakerError:
    """A one-line report of an unexpected error (``CARDMAKER_DEBUG=1`` re-raises it instead)."""
    if os.environ.get("CARDMAKER_DEBUG"):
        raise e
    return CardmakerError(f"{shown(path)}: internal error ({type(e).__name__}: {e}); please report this article")


def _prepare_or_error(lexicon: Lexicon, path, options: BuildOptions):
    try:
        book, prepared = prepare_all(lexicon, path, options)
        return [replace(p, title=f"{book} · {p.title}") for p in prepared] if book else prepared
    except CardmakerError as e:
        return e
    except Exception as e:  # a bug must not stop the batch; it is reported with the article
        return internal_error(path, e)


def _build_or_error(lexicon: Lexicon, path, target: Path, options: BuildOptions):
    """Prepare one article and write its deck: (reading notes, notes, cards, text for standard
    output or None), or the error."""
    try:
        book, prepared = prepare_all(lexicon, path, options)
        warnings = [f"{shown(p.path)}: {n}" for p in prepared for n in p.notes]
        kept = sum(len(p.words) for p in prepared)
        left_out = tuple(item for p in prepared for item in p.left_out)
        if book is not None:  # an e-book: one deck, a subdeck per chapter
            return warnings, *write_merged(lexicon, prepared, target, replace(options, merge=book)), kept, left_out
        return warnings, *write_article(lexicon, prepared[0], target, options), kept, left_out
    except CardmakerError as e:
        return e
    except Exception as e:
        return internal_error(path, e)


def _lost_after(started: int, args, exitcode: int):
    """The result of an article whose worker died: an error, unless its deck was written (in this
    run, whole: outputs are renamed into place) before the worker died."""
    from cardmaker.parallel import died, lost_job

    path, target, _ = args
    try:
        written = target != STDOUT and target.stat().st_mtime_ns >= started
    except OSError:
        written = False
    if not written:
        return lost_job(args, exitcode)
    return [f"{shown(path)}: built, but the worker process that built it then {died(exitcode)}; "
            f"its figures are not counted"], 0, 0, None, 0, ()


def _warm_up(lexicon: Lexicon) -> None:
    """Load what every article needs once, so that forked workers inherit it instead of loading it each."""
    from cardmaker.analysis import polyphone
    from cardmaker.analysis.readings import guess
    from cardmaker.analysis.segment import _quiet_jieba
    from cardmaker.output.package import note_type

    lexicon.warm_up()
    _quiet_jieba()
    guess("中文", "", lexicon)
    polyphone.load()
    note_type()


def run_build(paths, options: BuildOptions, jobs: int = 1, progress=None, lexicon: Lexicon | None = None) -> BuildResult:
    """Build decks for the articles at ``paths`` (files or folders); see ``BuildOptions``.

    With ``jobs`` > 1 the articles are built in that many processes; the decks
    are the same as a single-process build's.
    """
    from cardmaker import parallel
    from cardmaker.text.article import find_articles

    lexicon = lexicon or lexicon_for(options)
    result = BuildResult()
    if options.output == STDOUT and options.format == "apkg":
        result.failed.append(OutputError(_NO_APKG_TO_STDOUT))
        return result
    articles = []
    for item in find_articles(paths):
        if isinstance(item, CardmakerError):
            result.failed.append(item)
        else:
            articles.append(item)
    inputs = _inputs([*(a for a in articles if isinstance(a, Path)), *options.inputs,
                      *([options.word_list_path] if options.word_list_path else [])])
    if options.merge:
        prepared = []
        jobs_args = [(a, options) for a in articles]
        for ps in parallel.run(_prepare_or_error, lexicon, jobs_args, jobs, progress, _warm_up):
            if isinstance(ps, CardmakerError):
                result.failed.append(ps)
                continue
            for p in ps:
                result.warnings.extend(f"{shown(p.path)}: {n}" for n in p.notes)
                result.add(len(p.words), p.left_out)
                prepared.append(p)
        if prepared:
            out = options.output or DEFAULT_OUTPUT
            suffix = SUFFIXES[options.format]
            try:
                target = out if out == STDOUT or out.suffix.lower() == suffix else \
                    out / file_name(slug(options.merge).replace("/", "-"), suffix)  # "Week 1/2": one file
                _guard(target, inputs)
                result.notes, result.cards, text = write_merged(lexicon, prepared, target, options)
                result.text += text or ""
                result.decks.append(target)
            except CardmakerError as e:
                result.failed.append(e)
        return result
    work = []
    used: set = set()
    for a in articles:
        try:
            target = output_for(a, options, single=len(articles) == 1)
            stem, k = target.stem, 2
            while _resolve(target) in used:  # two articles with one file name: keep both
                target = target.with_name(file_name(stem, f"-{k}{target.suffix}"))
                k += 1
            _guard(target, inputs)
        except CardmakerError as e:
            result.failed.append(e)
            continue
        used.add(_resolve(target))
        work.append((a, target, options))
    started = time.time_ns()
    try:
        lost = partial(_lost_after, started)
        for (_, target, _), r in zip(work, parallel.run(_build_or_error, lexicon, work, jobs, progress, _warm_up,
                                                        lost)):
            if isinstance(r, CardmakerError):
                result.failed.append(r)
                continue
            warnings, notes, cards, text, kept, left_out = r
            result.add(kept, left_out)
            result.text += text or ""
            result.warnings.extend(warnings)
            result.decks.append(target)
            result.notes += notes
            result.cards += cards
    except BaseException:  # interrupted: what a stopped worker was writing is removed
        from cardmaker.output.atomic import remove_orphans

        for _, target, _ in work:
            if target != STDOUT:
                remove_orphans(target)
        raise
    return result


def _inputs(paths) -> tuple[frozenset, frozenset]:
    """The user's files as resolved paths and as file identities (device, inode)."""
    resolved, ids = set(), set()
    for p in paths:
        try:
            resolved.add(Path(p).resolve())
            st = os.stat(p)
            ids.add((st.st_dev, st.st_ino))
        except (OSError, RuntimeError, ValueError):  # a file that cannot be resolved was never read either
            pass
    return frozenset(resolved), frozenset(ids)


def _resolve(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except RuntimeError:  # a symbolic link loop (an OSError from Python 3.13)
        raise OutputError(f"{shown(path)}: cannot write (too many levels of symbolic links)") from None
    except (OSError, ValueError) as e:
        raise OutputError(f"{shown(path)}: cannot write ({getattr(e, 'strerror', None) or e})") from None


def _guard(target: Path, inputs, message: str = "is one of the inputs; refusing to overwrite it") -> None:
    """Refuse to write over one of ``inputs`` (see ``_inputs``): the same path, or the same file
    under another name (a hard link, a bind mount)."""
    if target == STDOUT:
        return
    paths, ids = inputs
    same = _resolve(target) in paths
    if not same:
        try:
            st = os.stat(target)
            same = (st.st_dev, st.st_ino) in ids
        except (OSError, ValueError):
            pass
    if same:
        raise OutputError(f"{shown(target)}: {message}")


# ── tables and sheets ───────────────────────────────────────────────────────

def words_table(path, options: BuildOptions, output=None, lexicon: Lexicon | None = None
                ) -> tuple[str, list[str], str]:
    """The vocabulary of the article at ``path`` as a TSV table, the warnings of reading it, and the
    summary of what was kept and left out.

    With ``output`` the table is written there (atomically, never over the
    article or one of the user's side files) and "" is returned instead;
    ``output`` "-" (``STDOUT``) returns the table.
    """
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.output.exports import tsv_text
    from cardmaker.text.article import read_article

    lexicon = lexicon or lexicon_for(options)
    article = read_article(path, options.encoding)
    analysis = analyse(article, lexicon, options.vocabulary)
    if not analysis.words:
        raise _nothing_to_build(path, analysis)
    text = tsv_text(analysis.words, analysis.script, lexicon.hsk_standard)
    if output is None or Path(output) == STDOUT:
        return text, list(article.notes), analysis.summary
    _guard_output(output, path, options)
    _emit(Path(output), text)
    return "", list(article.notes), analysis.summary


def write_sheet(path, options: BuildOptions, output=None, lexicon: Lexicon | None = None,
                practice: int = 10) -> tuple[Path, list[str], str | None]:
    """Prepare the article at ``path`` and write its sheet to ``output`` (default: beside it, .html;
    ``-``: standard output, whose text is returned).

    Returns the path written, the warnings of reading and curating it, and the text for standard output.
    """
    lexicon = lexicon or lexicon_for(options)
    if output:
        target = Path(output)
    else:  # beside the article (a web page's sheet beside it, not over it); a URL's in this folder
        from cardmaker.text.sources import is_url

        target = Path(input_stem(path) + ".html") if is_url(path) or str(path) == "-" else Path(path).with_suffix(".html")
        if target.suffix.lower() == Path(str(path)).suffix.lower():
            target = target.with_suffix(".sheet.html")
    if target != STDOUT:
        _guard_output(target, path, options)  # before the work, and again before writing
    p = prepare(lexicon, path, options)
    html = sheet_html(lexicon, [p], options, practice=practice)
    if target != STDOUT:
        _guard_output(target, path, options)
    return target, list(p.notes), _emit(target, html)


def sheet_html(lexicon: Lexicon, prepared: list[Prepared], options: BuildOptions, title: str | None = None,
               practice: int = 10) -> str:
    """The printable sheet of one or several prepared articles (several: each word once, in their order,
    with the first example found, as ``--merge`` gathers them); ``title`` defaults to the first article's."""
    from cardmaker.output.sheet import SheetSource, render

    words, examples, seen = [], {}, set()
    for p in prepared:
        for w in p.words:
            if w.key not in seen:
                seen.add(w.key)
                words.append(w)
            if w.key in p.examples:
                examples.setdefault(w.key, p.examples[w.key])
    sources = [SheetSource(p.title, p.date, p.path) for p in prepared]
    script = options.script or prepared[0].script
    return render(title or prepared[0].title, sources, words, examples, script, lexicon.hsk_name, practice)


def _guard_output(output, article, options: BuildOptions) -> None:
    from cardmaker.text.sources import is_url

    target = Path(output)
    if not is_url(article) and str(article) != "-":
        _guard(target, _inputs([article]), "is the article itself; choose another -o")
    _guard(target, _inputs(options.inputs))
