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
from cardmaker.errors import CardmakerError

EXIT_CODES = "Exit codes: 0 all done, 1 some input failed (the rest is still processed), 2 usage error."

encoding_option = click.option(
    "--encoding", metavar="NAME", help="Text encoding of the articles (default: detect UTF-8/16, GB18030, Big5)."
)


class Batch:
    """Runs one step per article, reporting failures as one line each and remembering them."""

    def __init__(self):
        self.failed = 0

    def fail(self, error: CardmakerError) -> None:
        self.failed += 1
        click.echo(f"error: {error}", err=True)

    def articles(self, paths, encoding):
        from cardmaker.article import find_articles, read_article

        for item in find_articles(paths):
            if isinstance(item, CardmakerError):
                self.fail(item)
                continue
            try:
                article = read_article(item, encoding)
            except CardmakerError as e:
                self.fail(e)
                continue
            for note in article.notes:
                click.echo(f"warning: {item}: {note}", err=True)
            yield article

    def exit(self) -> None:
        sys.exit(1 if self.failed else 0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
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
    from cardmaker.glosses import report

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
        click.echo(
            f"{article.path}: {r.glossed} glossed characters, {r.tokens} gloss tokens, "
            f"{r.repeats} repeats, {len(r.mismatches)} mismatches, {r.truncated} truncated"
        )
        for char, gloss, context in r.mismatches:
            click.echo(f"  mismatch: {char}({gloss}) in …{context}…")
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    batch.exit()
