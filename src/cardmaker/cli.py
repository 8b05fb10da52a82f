"""The ``cardmaker`` command: click options → library call → echo.

Exit codes: 0 everything was built, 1 some input failed (the rest was still
processed), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from cardmaker import __version__
from cardmaker.cli_options import (
    EXIT_CODES, Batch, Main, build_options, encoding_option, parse_cards, say, vocabulary_options,
)
from cardmaker.errors import shown

@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="cardmaker")
def main():
    """Turn Chinese articles into Anki flashcard decks.

    \b
    Example:
      cardmaker build                  # every article in seeds/ into decks/
      cardmaker words article.txt      # the vocabulary as a table
    """


@main.command(epilog=EXIT_CODES)
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("--clean", is_flag=True, help="Print the clean text (glosses removed) instead of the report.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@encoding_option
def glosses(articles, clean, as_json, encoding):
    """Report the pinyin glosses embedded in ARTICLES.

    Counts glossed characters, gloss tokens, repeats, glosses that are not a
    reading of their character (with context) and fragments cut off mid-gloss.

    \b
    Example:
      cardmaker glosses seeds/*.txt
      cardmaker glosses --clean article.txt > clean.txt
    """
    from cardmaker.text.glosses import report

    batch = Batch()
    reports = []
    for article in batch.articles(articles, encoding):
        if clean:
            click.echo(article.text)
            continue
        r = report(article.text, article.glosses, article.truncated)
        if as_json:
            d = asdict(r)
            d["mismatches"] = [dict(zip(("char", "gloss", "context"), m)) for m in r.mismatches]
            reports.append({"article": article.path, **d})
            continue
        say(
            f"{shown(article.path)}: {r.glossed} glossed characters, {r.tokens} gloss tokens, "
            f"{r.repeats} repeats, {len(r.mismatches)} mismatches, {r.truncated} truncated"
        )
        for char, gloss, context in r.mismatches:
            say(f"  mismatch: {char}({gloss}) in …{context}…")
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    batch.exit()


@main.command(epilog=EXIT_CODES)
@click.argument("article", type=click.Path())
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="Write the table to this file instead of printing it (- prints it).")
@vocabulary_options
@encoding_option
def words(article, output, encoding, **vocab):
    """Print the vocabulary of ARTICLE as tab-separated values.

    Columns: simplified, traditional, pinyin, pinyin_numbered, zhuyin, meaning,
    classifiers, pos, hsk, count, reading_check, gloss.  The hsk column is the
    level of the HSK 3.0 2021 standard (GF0025-2021); 7-9 is one band.
    reading_check says what the article's glosses did to the reading:
    verified, corrected, conflict or unglossed.

    \b
    Example:
      cardmaker words seeds/article.txt --skip-hsk 3 -o list.tsv
    """
    from cardmaker.build import words_table
    from cardmaker.lexicon.hsk import NAME

    options = build_options(encoding=encoding, **vocab)
    click.echo(f"note: the hsk column holds levels of {NAME}; 7-9 is one band", err=True)
    batch = Batch()
    text = ""
    with batch.guard(article):
        text, warnings = words_table(article, options, output)
        for w in warnings:
            batch.warn(f"{shown(article)}: {w}")
    click.echo(text, nl=False)  # a full disk or a closed pipe here is the output's error, not the article's
    batch.exit()


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="Output folder (default decks/), or an .apkg file for one article; - writes a csv or pleco "
                   "export to standard output.")
@click.option("--merge", metavar="NAME", help="Build one deck NAME with a subdeck per article, each word once.")
@click.option("--cards", callback=parse_cards, metavar="TYPES",
              help="Card types, comma-separated: recognition, recall, cloze (default: all three).")
@click.option("--script", type=click.Choice(["traditional", "simplified", "both"]),
              help="Script shown on the cards (default: the article's own).")
@click.option("--jobs", type=click.IntRange(1), default=None, metavar="N",
              help="Articles built in parallel (default: the number of cores).")
@click.option("--format", "fmt", type=click.Choice(["apkg", "csv", "pleco"]), default="apkg", show_default=True,
              help="Anki package, CSV of every field, or Pleco flashcard import text.")
@click.option("--words", "word_list", type=click.Path(), metavar="FILE",
              help="Build exactly the words of FILE (a `cardmaker words` table you edited), in its order.")
@vocabulary_options
@encoding_option
def build(paths, output, merge, cards, script, jobs, fmt, word_list, encoding, **vocab):
    """Build Anki decks (.apkg) from articles.

    With no PATHS, builds every article in seeds/ into decks/.  PATHS may be
    files or folders (their *.txt files).  One deck per article, named after
    its title; rebuilding and re-importing updates notes, never duplicates.

    \b
    Example:
      cardmaker build
      cardmaker build news/ -o decks/ --skip-hsk 2
      cardmaker build a.txt b.txt --merge "Week 12"
      cardmaker words a.txt -o list.tsv   # edit it, then:
      cardmaker build a.txt --words list.tsv
    """
    import os
    from pathlib import Path

    from cardmaker.build import DEFAULT_SOURCE, run_build

    options = build_options(
        cards=cards, script=script, merge=merge, output=Path(output) if output else None, encoding=encoding,
        format=fmt, word_list=word_list, **vocab,
    )
    if not paths:
        if not DEFAULT_SOURCE.is_dir():
            raise click.UsageError(f"no PATHS given and no {DEFAULT_SOURCE}/ folder here")
        paths = (str(DEFAULT_SOURCE),)
    jobs = jobs or os.cpu_count() or 1
    from cardmaker.lexicon.store import ready

    if not ready():
        click.echo("first run: preparing the dictionary cache (a few seconds, once)", err=True)
    batch = Batch()
    from cardmaker.text.article import find_articles

    count = len(find_articles(paths))
    if count > 1 and sys.stderr.isatty():
        with click.progressbar(length=count, label="building", file=sys.stderr) as bar:
            result = run_build(paths, options, jobs, progress=lambda: bar.update(1))
    else:
        result = run_build(paths, options, jobs)
    for w in result.warnings:
        batch.warn(w)
    for e in result.failed:
        batch.fail(e)
    to_stdout = output == "-"
    if to_stdout:
        click.echo(result.text, nl=False)
    for d in result.decks:
        if not to_stdout:
            say(f"wrote {shown(d)}")
    kind = "deck(s)" if fmt == "apkg" else f"{fmt} file(s)"
    say(
        f"{len(result.decks)} {kind}, {result.notes} notes, {result.cards} cards; "
        f"{len(result.failed)} skipped", err=to_stdout,
    )
    batch.exit()


@main.command(epilog=EXIT_CODES)
@click.argument("article", type=click.Path())
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="The HTML file to write (default: ARTICLE's name + .html; - prints it).")
@click.option("--words", "word_list", type=click.Path(), metavar="FILE",
              help="Use exactly the words of FILE (an edited `cardmaker words` table).")
@vocabulary_options
@encoding_option
def sheet(article, output, word_list, encoding, **vocab):
    """Write a printable vocabulary sheet for ARTICLE: one self-contained HTML page.

    Title, date and a table of the words (traditional, simplified,
    tone-coloured pinyin, meaning, example with the word highlighted), with
    print styles that fit A4 paper.

    \b
    Example:
      cardmaker sheet article.txt -o sheet.html --skip-hsk 2
    """
    from cardmaker.build import sheet_html, write_sheet

    options = build_options(encoding=encoding, word_list=word_list, **vocab)
    batch = Batch()
    html = target = None
    with batch.guard(article):
        if output == "-":
            html, warnings = sheet_html(article, options)
        else:
            target, warnings = write_sheet(article, options, output)
        for w in warnings:
            batch.warn(f"{shown(article)}: {w}")
    if html is not None:
        click.echo(html, nl=False)
    elif target is not None:
        say(f"wrote {shown(target)}")
    batch.exit()
