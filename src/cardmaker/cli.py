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
      cardmaker text page.html         # what is taken as the article, and what is left out
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
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("--prose", is_flag=True, help="Print only the prose (title and body), as cards see it.")
@encoding_option
def text(articles, prose, encoding):
    """Show what cardmaker takes as the article in ARTICLES: title, date, prose, and what is left out.

    Every line of the article is printed: prose as it is, a left-out line
    with a leading "-" and why in brackets (byline, photo caption, keywords,
    related-news list …), a line with a left-out piece with "~" and the piece
    in ⟦ ⟧.  Left-out lines give no words and no examples.  ARTICLES may be
    text files, saved web pages, .docx, .pdf, .epub, - or http(s) URLs.

    \b
    Example:
      cardmaker text page.html
      cardmaker text https://example.com/news/1.html --prose
    """
    from cardmaker.text.layout import explain

    batch = Batch()
    for article in batch.articles(articles, encoding):
        if not prose:
            click.echo(f"== {article.path}")
            click.echo(f"title: {article.title}")
            click.echo(f"date: {article.date or '(none found)'}")
            if article.url:
                click.echo(f"url: {article.url}")
            click.echo(f"read as: {article.format}" + (f" ({article.encoding})" if article.encoding else ""))
        for line, pieces in explain(article.text, article.sentences):
            kept = [p for p in pieces if p[1] in ("title", "body")]
            if prose:
                if kept:
                    click.echo("".join(p[0] for p in kept))
                continue
            if len(kept) == len(pieces):
                click.echo(f"  {line}")
            elif not kept:
                whys = "; ".join(dict.fromkeys(p[2] or p[1] for p in pieces))
                click.echo(f"- {line}   [{whys}]")
            else:
                shown = "".join(p[0] if p[1] in ("title", "body") else f"⟦{p[0]}⟧" for p in pieces)
                whys = "; ".join(dict.fromkeys(p[2] or p[1] for p in pieces if p[1] not in ("title", "body")))
                click.echo(f"~ {shown}   [⟦⟧: {whys}]")
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
    classifiers, pos, hsk, count, reading_check, gloss, sense, frequency,
    hsk_standard.  The hsk column is the level of the standard in the
    hsk_standard column (2025: the exam syllabus; 2021: GF0025-2021); 7-9 is
    one band.  reading_check says what the article's glosses did to the
    reading: verified, corrected, conflict or unglossed.  frequency is the
    word's general frequency (Zipf scale, wordfreq).  Rows come most worth
    learning first (--order).

    \b
    Example:
      cardmaker words seeds/article.txt --level 3 -o list.tsv
    """
    from cardmaker.build import words_table
    from cardmaker.lexicon.hsk import name

    options = build_options(encoding=encoding, **vocab)
    click.echo(f"note: the hsk column holds levels of {name(options.hsk_standard)}; 7-9 is one band", err=True)
    batch = Batch()
    text = ""
    with batch.guard(article):
        text, warnings, summary = words_table(article, options, output)
        for w in warnings:
            batch.warn(f"{shown(article)}: {w}")
        say(f"{shown(article)}: {summary}", err=True)
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
@click.option("--voice", type=click.Choice(["zh_CN", "zh_TW", "zh_HK"]),
              help="Anki's text-to-speech voice for the word and its example (default: zh_TW for "
                   "traditional cards, zh_CN for simplified).")
@click.option("--jobs", type=click.IntRange(1), default=None, metavar="N",
              help="Articles built in parallel (default: the number of cores).")
@click.option("--format", "fmt", type=click.Choice(["apkg", "csv", "pleco"]), default="apkg", show_default=True,
              help="Anki package, CSV of every field, or Pleco flashcard import text.")
@click.option("--words", "word_list", type=click.Path(), metavar="FILE",
              help="Build exactly the words of FILE (a `cardmaker words` table you edited), in its order.")
@vocabulary_options
@encoding_option
def build(paths, output, merge, cards, script, voice, jobs, fmt, word_list, encoding, **vocab):
    """Build Anki decks (.apkg) from articles.

    With no PATHS, builds every article in seeds/ into decks/.  PATHS may be
    files (.txt, .html, .docx, .pdf, .epub), folders of them, - or http(s)
    URLs.  One deck per article, named after its title (an e-book: one deck
    with a subdeck per chapter).  Rebuild over the old deck and import it:
    only the notes whose content changed are updated (your edits to the
    others stay), nothing is duplicated.

    \b
    Example:
      cardmaker build
      cardmaker build news/ -o decks/ --level 2 --max-words 60
      cardmaker build a.txt b.txt --merge "Week 12"
      cardmaker build https://example.com/news/1.html book.epub
      cardmaker words a.txt -o list.tsv   # edit it, then:
      cardmaker build a.txt --words list.tsv
    """
    import os
    from pathlib import Path

    from cardmaker.build import DEFAULT_SOURCE, run_build

    options = build_options(
        cards=cards, script=script, voice=voice, merge=merge, output=Path(output) if output else None, encoding=encoding,
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
    if not word_list:
        from cardmaker.analysis.ranking import summary
        from cardmaker.lexicon.hsk import name

        say(f"words: {summary(result.kept, result.left_out, options.vocabulary.level)} "
            f"(HSK levels: {name(options.hsk_standard)})", err=to_stdout)
    batch.exit()


@main.command(epilog=EXIT_CODES)
@click.argument("article", type=click.Path())
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="The HTML file to write (default: ARTICLE's name + .html; - prints it).")
@click.option("--words", "word_list", type=click.Path(), metavar="FILE",
              help="Use exactly the words of FILE (an edited `cardmaker words` table).")
@click.option("--script", type=click.Choice(["traditional", "simplified", "both"]),
              help="Script of the words and sentences (default: the article's own).")
@click.option("--practice", type=click.IntRange(0, 40), default=10, show_default=True, metavar="N",
              help="Sentences in the practice section (0: no practice and no answer key).")
@vocabulary_options
@encoding_option
def sheet(article, output, word_list, script, practice, encoding, **vocab):
    """Write a printable vocabulary sheet for ARTICLE: one self-contained HTML page.

    Title and source, a name/class/date line, the words (tone-coloured
    pinyin, the meaning used here, HSK level, an example with the word
    highlighted), a practice section (sentences with the words blanked and
    a word bank) and an answer key on its own page; A4 print styles, page
    numbers, rows never split.  60 words and the practice fit on three pages.

    \b
    Example:
      cardmaker sheet article.txt -o sheet.html --max-words 60 --level 2
    """
    from cardmaker.build import write_sheet

    options = build_options(encoding=encoding, word_list=word_list, script=script, **vocab)
    batch = Batch()
    html = target = None
    with batch.guard(article):
        target, warnings, html = write_sheet(article, options, output, practice=practice)
        for w in warnings:
            batch.warn(f"{shown(article)}: {w}")
    if html is not None:
        click.echo(html, nl=False)
    elif target is not None:
        say(f"wrote {shown(target)}")
    batch.exit()


@main.command(epilog=EXIT_CODES)
@click.argument("articles", nargs=-1, type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0: a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
@vocabulary_options
@encoding_option
def serve(articles, port, no_browser, encoding, **vocab):
    """Open the teacher's page: choose, edit and download a vocabulary set in the browser.

    A local page (127.0.0.1 only) where you open articles (upload, drop or
    paste; several make one merged deck), tick and edit the words, preview
    the cards and download the deck, the printable sheet, CSV, Pleco or the
    word list (for `build --words`).  Nothing is written but your downloads;
    the state lasts while the command runs.  ARTICLES are opened at the
    start; the word-selection options set the page's first filters.

    \b
    Example:
      cardmaker serve
      cardmaker serve article.txt --skip-hsk 2 --no-browser --port 8765
    """
    import webbrowser

    from cardmaker.errors import CardmakerError
    from cardmaker.serve.server import open_page

    options = build_options(encoding=encoding, **vocab)
    batch = Batch()
    try:
        page, failed = open_page(options, port, articles, encoding, warm=True)
    except CardmakerError as e:
        raise click.ClickException(str(e)) from None
    for e in failed:
        batch.fail(e)
    for note in page.session.notes:
        batch.warn(note)
    click.echo(f"cardmaker: the teacher's page is at {page.url}  (Ctrl-C stops it)", err=False)
    if not no_browser:
        webbrowser.open(page.url)
    try:
        page.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        page.stop()
    batch.exit()
