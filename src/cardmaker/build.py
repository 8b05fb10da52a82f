"""The jobs the commands run: articles → prepared word lists → decks, tables and sheets.

Each article is prepared on its own (read, analysed, examples chosen) into a
plain, picklable ``Prepared`` record, so a batch can run in several processes;
packages are then written one per article, or one for all with ``merge``.
Every job builds the run's ``Lexicon`` once, from its options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from cardmaker.analysis.vocabulary import Options
from cardmaker.errors import CardmakerError, OutputError
from cardmaker.lexicon import Lexicon
from cardmaker.records import Word

DEFAULT_SOURCE = Path("seeds")
DEFAULT_OUTPUT = Path("decks")
SUFFIXES = {"apkg": ".apkg", "csv": ".csv", "pleco": ".txt"}


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
    word_list: tuple = ()              # records.ListedWord rows: build exactly these words
    word_list_path: str = ""
    user_entries: tuple = ()           # records.UserEntry: words and meanings that win over CC-CEDICT
    inputs: tuple = ()                 # the user's side files (word list, dictionary, known words): never outputs


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


@dataclass
class BuildResult:
    decks: list[Path] = field(default_factory=list)
    notes: int = 0
    cards: int = 0
    failed: list[CardmakerError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def lexicon_for(options: BuildOptions) -> Lexicon:
    """The run's lexicon: the installed data with the user's dictionary."""
    return Lexicon(options.user_entries)


def slug(name: str) -> str:
    """An Anki tag from a file name: no spaces, no hierarchy separators."""
    s = re.sub(r"[\s:\"]+", "-", name.strip()).strip("-")
    return s or "article"


def prepare(lexicon: Lexicon, path, options: BuildOptions, article=None) -> Prepared:
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
    examples = choose_examples(analysis, words, lexicon)
    return Prepared(
        path=str(path),
        title=article.title,
        source=article.source,
        slug=slug(Path(path).stem),
        script=options.script or analysis.script,
        words=tuple(words),
        examples=examples,
        notes=tuple(notes),
    )


# ── decks and exports ───────────────────────────────────────────────────────

def write_article(lexicon: Lexicon, p: Prepared, target: Path, options: BuildOptions) -> tuple[int, int]:
    """Write one article's deck (or export) to ``target``; returns (notes, cards)."""
    rows = [(w, [p.examples[w.key]] if w.key in p.examples else [], [p.slug], [p.source]) for w in p.words]
    return _write(lexicon, target, options, [(p.title, rows)], p.script)


def write_merged(lexicon: Lexicon, prepared: list[Prepared], target: Path, options: BuildOptions) -> tuple[int, int]:
    """One package: deck ``merge`` with a subdeck per article, each word once, examples from each article."""
    first: dict = {}
    gathered: dict = {}
    for p in prepared:
        for w in p.words:
            first.setdefault(w.key, (p, w))
            g = gathered.setdefault(w.key, {"examples": [], "slugs": [], "sources": [], "count": 0})
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
    return _write(lexicon, target, options, list(sections.values()), script, parent=options.merge)


def _write(lexicon: Lexicon, target: Path, options: BuildOptions, sections, script: str, parent: str | None = None):
    """Write ``sections`` — (title, [(word, examples, slugs, sources)]) — in the chosen format."""
    from cardmaker.output.atomic import write_atomic
    from cardmaker.output.fields import tags
    from cardmaker.output.package import deck_name, make_note, write_package

    script = options.script or script
    notes = sum(len(rows) for _, rows in sections)
    if options.format == "csv":
        from cardmaker.output.exports import csv_text

        rows = [(w, ex, script, sources, tags(w, slugs)) for _, rs in sections for w, ex, slugs, sources in rs]
        write_atomic(target, csv_text(rows, lexicon.memo("plain_fields")).encode("utf-8"))
        return notes, 0
    if options.format == "pleco":
        from cardmaker.output.exports import pleco_text

        text = pleco_text([((parent, title) if parent else (title,), [w for w, *_ in rs]) for title, rs in sections])
        write_atomic(target, text.encode("utf-8"))
        return notes, 0
    memo = lexicon.memo("note_fields")
    decks = [(deck_name(parent, nested=True), [])] if parent else []
    for title, rows in sections:
        name = f"{deck_name(parent, nested=True)}::{deck_name(title)}" if parent else deck_name(title)
        decks.append((name, [make_note(w, ex, script, slugs, sources, options.cards, memo)
                             for w, ex, slugs, sources in rows]))
    write_package(decks, target, options.cards, options.timestamp)
    return notes, sum(len(n.ords) for _, ns in decks for n in ns)


def output_for(path, options: BuildOptions, single: bool) -> Path:
    out = options.output or DEFAULT_OUTPUT
    suffix = SUFFIXES[options.format]
    if single and out.suffix.lower() == suffix:
        return out
    if out.suffix.lower() == suffix:
        raise OutputError(f"{out}: several articles need a folder, not one {suffix} file (or use --merge)")
    return out / f"{Path(path).stem}{suffix}"


def internal_error(path, e: Exception) -> CardmakerError:
    """A one-line report of an unexpected error (``CARDMAKER_DEBUG=1`` re-raises it instead)."""
    import os

    if os.environ.get("CARDMAKER_DEBUG"):
        raise e
    return CardmakerError(f"{path}: internal error ({type(e).__name__}: {e}); please report this article")


def _prepare_or_error(lexicon: Lexicon, path, options: BuildOptions):
    try:
        return prepare(lexicon, path, options)
    except CardmakerError as e:
        return e
    except Exception as e:  # a bug must not stop the batch; it is reported with the article
        return internal_error(path, e)


def _build_or_error(lexicon: Lexicon, path, target: Path, options: BuildOptions):
    """Prepare one article and write its deck: (reading notes, notes, cards), or the error."""
    try:
        p = prepare(lexicon, path, options)
        return [f"{p.path}: {n}" for n in p.notes], *write_article(lexicon, p, target, options)
    except CardmakerError as e:
        return e
    except Exception as e:
        return internal_error(path, e)


def _warm_up(lexicon: Lexicon) -> None:
    """Load what every article needs once, so that forked workers inherit it instead of loading it each."""
    from cardmaker.analysis.readings import guess
    from cardmaker.analysis.segment import _quiet_jieba
    from cardmaker.output.package import note_type

    lexicon.warm_up()
    _quiet_jieba()
    guess("中文", "", lexicon)
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
    articles = []
    for item in find_articles(paths):
        if isinstance(item, CardmakerError):
            result.failed.append(item)
        else:
            articles.append(item)
    inputs = {a.resolve() for a in articles} | {Path(p).resolve() for p in options.inputs}
    if options.word_list_path:
        inputs.add(Path(options.word_list_path).resolve())
    if options.merge:
        prepared = []
        jobs_args = [(a, options) for a in articles]
        for p in parallel.run(_prepare_or_error, lexicon, jobs_args, jobs, progress, _warm_up):
            if isinstance(p, CardmakerError):
                result.failed.append(p)
                continue
            result.warnings.extend(f"{p.path}: {n}" for n in p.notes)
            prepared.append(p)
        if prepared:
            out = options.output or DEFAULT_OUTPUT
            suffix = SUFFIXES[options.format]
            target = out if out.suffix.lower() == suffix else out / f"{slug(options.merge)}{suffix}"
            try:
                _guard(target, inputs)
                result.notes, result.cards = write_merged(lexicon, prepared, target, options)
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
            while target.resolve() in used:  # two articles with one file name: keep both
                target = target.with_name(f"{stem}-{k}{target.suffix}")
                k += 1
            _guard(target, inputs)
        except CardmakerError as e:
            result.failed.append(e)
            continue
        used.add(target.resolve())
        work.append((a, target, options))
    for (_, target, _), r in zip(work, parallel.run(_build_or_error, lexicon, work, jobs, progress, _warm_up)):
        if isinstance(r, CardmakerError):
            result.failed.append(r)
            continue
        warnings, notes, cards = r
        result.warnings.extend(warnings)
        result.decks.append(target)
        result.notes += notes
        result.cards += cards
    return result


def _guard(target: Path, inputs) -> None:
    if target.resolve() in inputs:
        raise OutputError(f"{target}: is one of the inputs; refusing to overwrite it")


# ── tables and sheets ───────────────────────────────────────────────────────

def words_table(path, options: BuildOptions, output=None, lexicon: Lexicon | None = None) -> tuple[str, list[str]]:
    """The vocabulary of the article at ``path`` as a TSV table, and the warnings of reading it.

    With ``output`` the table is written there (atomically, never over the
    article or one of the user's side files) and "" is returned instead.
    """
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.output.exports import tsv_text
    from cardmaker.text.article import read_article

    lexicon = lexicon or lexicon_for(options)
    article = read_article(path, options.encoding)
    analysis = analyse(article, lexicon, options.vocabulary)
    text = tsv_text(analysis.words, analysis.script)
    if output is None:
        return text, list(article.notes)
    _guard_output(output, path, options)
    from cardmaker.output.atomic import write_atomic

    write_atomic(output, text.encode("utf-8"))
    return "", list(article.notes)


def write_sheet(path, options: BuildOptions, output=None, lexicon: Lexicon | None = None,
                practice: int = 10) -> tuple[Path, list[str]]:
    """Prepare the article at ``path`` and write its sheet to ``output`` (default: beside it, .html).

    Returns the path written and the warnings of reading and curating it.
    """
    from cardmaker.output.atomic import write_atomic

    lexicon = lexicon or lexicon_for(options)
    p = prepare(lexicon, path, options)
    target = Path(output) if output else Path(path).with_suffix(".html")
    _guard_output(target, path, options)
    write_atomic(target, sheet_html(lexicon, [p], options, practice=practice).encode("utf-8"))
    return target, list(p.notes)


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
    sources = [SheetSource(p.title, p.source[len(p.title):].strip(" ()") or None, p.path) for p in prepared]
    script = options.script or prepared[0].script
    return render(title or prepared[0].title, sources, words, examples, script, lexicon.hsk_name, practice)


def _guard_output(output, article, options: BuildOptions) -> None:
    target = Path(output).resolve()
    if target == Path(article).resolve():
        raise OutputError(f"{output}: is the article itself; choose another -o")
    if target in {Path(p).resolve() for p in options.inputs}:
        raise OutputError(f"{output}: is one of the inputs; refusing to overwrite it")
