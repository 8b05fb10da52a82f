"""``cardmaker build``: articles → prepared word lists → Anki packages.

Each article is prepared on its own (read, analysed, examples chosen) into a
plain, picklable ``Prepared`` record, so a batch can run in several processes;
packages are then written one per article, or one for all with ``merge``.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cardmaker.errors import CardmakerError, OutputError
from cardmaker.vocabulary import Options, Word

DEFAULT_SOURCE = Path("seeds")
DEFAULT_OUTPUT = Path("decks")


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
    word_list: tuple = ()              # wordlist.ListedWord rows: build exactly these words
    word_list_path: str = ""


SUFFIXES = {"apkg": ".apkg", "csv": ".csv", "pleco": ".txt"}


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


def slug(name: str) -> str:
    """An Anki tag from a file name: no spaces, no hierarchy separators."""
    s = re.sub(r"[\s:\"]+", "-", name.strip()).strip("-")
    return s or "article"


def prepare(path, options: BuildOptions) -> Prepared:
    """Read and analyse one article and choose its examples."""
    from cardmaker.article import read_article
    from cardmaker.examples import choose_examples
    from cardmaker.vocabulary import analyse

    article = read_article(path, options.encoding)
    analysis = analyse(article, options.vocabulary)
    words, notes = analysis.words, list(article.notes)
    if options.word_list:
        from cardmaker.curation import curate

        words, warnings = curate(analysis, options.word_list, options.word_list_path)
        notes.extend(warnings)
    examples = choose_examples(analysis, words)
    return Prepared(
        path=str(path),
        title=article.title,
        source=article.title + (f" ({article.date})" if article.date else ""),
        slug=slug(Path(path).stem),
        script=options.script or analysis.script,
        words=tuple(words),
        examples=examples,
        notes=tuple(notes),
    )


def write_article(p: Prepared, target: Path, options: BuildOptions) -> tuple[int, int]:
    """Write one article's deck (or export) to ``target``; returns (notes, cards)."""
    rows = [(w, [p.examples[w.key]] if w.key in p.examples else [], [p.slug], [p.source]) for w in p.words]
    return _write(target, options, [(p.title, rows)], p.script)


def write_merged(prepared: list[Prepared], target: Path, options: BuildOptions) -> tuple[int, int]:
    """One package: deck ``merge`` with a subdeck per article, each word once, examples from each article."""
    from dataclasses import replace

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
    return _write(target, options, list(sections.values()), script, parent=options.merge)


def _write(target: Path, options: BuildOptions, sections, script: str, parent: str | None = None):
    """Write ``sections`` — (title, [(word, examples, slugs, sources)]) — in the chosen format."""
    from cardmaker.atomic import write_atomic
    from cardmaker.deck import deck_name, make_note, tags, write_package

    script = options.script or script
    notes = sum(len(rows) for _, rows in sections)
    if options.format == "csv":
        from cardmaker.exports import csv_text

        rows = [(w, ex, script, sources, tags(w, slugs)) for _, rs in sections for w, ex, slugs, sources in rs]
        write_atomic(target, csv_text(rows).encode("utf-8"))
        return notes, 0
    if options.format == "pleco":
        from cardmaker.exports import pleco_text

        text = pleco_text([((parent, title) if parent else (title,), [w for w, *_ in rs]) for title, rs in sections])
        write_atomic(target, text.encode("utf-8"))
        return notes, 0
    decks = [(deck_name(parent, nested=True), [])] if parent else []
    for title, rows in sections:
        name = f"{deck_name(parent, nested=True)}::{deck_name(title)}" if parent else deck_name(title)
        decks.append((name, [make_note(w, ex, script, slugs, sources, options.cards) for w, ex, slugs, sources in rows]))
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


def _prepare_or_error(path, options: BuildOptions):
    try:
        return prepare(path, options)
    except CardmakerError as e:
        return e
    except Exception as e:  # a bug must not stop the batch; it is reported with the article
        return internal_error(path, e)


def internal_error(path, e: Exception) -> CardmakerError:
    """A one-line report of an unexpected error (``CARDMAKER_DEBUG=1`` re-raises it instead)."""
    import os

    if os.environ.get("CARDMAKER_DEBUG"):
        raise e
    return CardmakerError(f"{path}: internal error ({type(e).__name__}: {e}); please report this article")


def _build_or_error(path, target: Path, options: BuildOptions):
    """Prepare one article and write its deck: (reading notes, notes, cards), or the error."""
    try:
        p = prepare(path, options)
        return [f"{p.path}: {n}" for n in p.notes], *write_article(p, target, options)
    except CardmakerError as e:
        return e
    except Exception as e:
        return internal_error(path, e)


def warm_up() -> None:
    """Load the shared data once, so that forked workers inherit it instead of loading it each."""
    from cardmaker.deck import note_type
    from cardmaker.dictionary import hsk_level
    from cardmaker.lexicon import lexicon
    from cardmaker.readings import guess
    from cardmaker.script import to_simplified_aligned, to_traditional_aligned
    from cardmaker.segment import _quiet_jieba
    from cardmaker.vocabulary import stopwords

    lexicon()
    _quiet_jieba()
    guess("中文")
    to_simplified_aligned("漢字")
    to_traditional_aligned("汉字")
    hsk_level("中文")
    stopwords()
    note_type()


@contextmanager
def _few_collections():
    """Collect garbage rarely while building.

    The pipeline makes many short-lived objects and almost no cycles, while its
    caches grow; at Python's default thresholds the collector walks those caches
    again and again (measured: about a third of a batch's time).  What exists before the batch is
    frozen out of collection, which also keeps forked workers from copying it.
    """
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run(func, jobs_args, jobs: int, progress=None):
    """``func(*args)`` for each args, in several processes when ``jobs`` > 1; results in input order."""
    with _few_collections():
        yield from _run_all(func, jobs_args, jobs, progress)


def _run_all(func, jobs_args, jobs: int, progress=None):
    if jobs > 1 and len(jobs_args) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        warm_up()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(jobs_args)), mp_context=context) as pool:
            futures = [pool.submit(func, *args) for args in jobs_args]
            for f in futures:
                result = f.result()
                if progress:
                    progress()
                yield result
        return
    for args in jobs_args:
        result = func(*args)
        if progress:
            progress()
        yield result


def run_build(paths, options: BuildOptions, jobs: int = 1, progress=None) -> BuildResult:
    """Build decks for the articles at ``paths`` (files or folders); see ``BuildOptions``.

    With ``jobs`` > 1 the articles are built in that many processes; the decks
    are the same as a single-process build's.
    """
    from cardmaker.article import find_articles

    result = BuildResult()
    articles = []
    for item in find_articles(paths):
        if isinstance(item, CardmakerError):
            result.failed.append(item)
        else:
            articles.append(item)
    inputs = {a.resolve() for a in articles}
    if options.word_list_path:
        inputs.add(Path(options.word_list_path).resolve())
    if options.merge:
        prepared = []
        for p in _run(_prepare_or_error, [(a, options) for a in articles], jobs, progress):
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
                result.notes, result.cards = write_merged(prepared, target, options)
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
    for (_, target, _), r in zip(work, _run(_build_or_error, work, jobs, progress)):
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
