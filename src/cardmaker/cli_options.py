"""Options and batch reporting shared by the ``cardmaker`` commands."""

from __future__ import annotations

import os
import signal
import sys
import warnings
from contextlib import contextmanager

import click

from cardmaker.errors import CardmakerError, CardmakerWarning, shown

EXIT_CODES = """\b
Exit codes:
  0  everything was built
  1  some input failed (reported one line each; the rest was still processed)
  2  usage error
  130  interrupted (Ctrl-C); 143 stopped by SIGTERM, 129 by SIGHUP. Finished outputs are kept"""


def say(message: str, err: bool = False) -> None:
    """Echo one line of a message: control characters and bidi marks from names or articles escaped."""
    from cardmaker.text.controls import terminal

    click.echo(terminal(message), err=err)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised like Ctrl-C's KeyboardInterrupt so that the same clean-up runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame):
    raise _Terminated(signum)


def _handle(signum, handler):
    """Install ``handler`` unless the signal was ignored when we started (``nohup``): that stays."""
    previous = signal.getsignal(signum)
    if previous is not signal.SIG_IGN:
        signal.signal(signum, handler)
    return previous


class Main(click.Group):
    """The command group: Ctrl-C, SIGTERM and any error left over end in one line, never a traceback."""

    def invoke(self, ctx):
        stopping = (signal.SIGTERM,) + ((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ())
        previous = {signum: _handle(signum, _terminate) for signum in stopping}
        previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)  # ignored below while exiting: given back
        try:
            with warnings.catch_warnings():
                shown_before = warnings.showwarning

                def show(message, category, *args, **kwargs):
                    if issubclass(category, CardmakerWarning):
                        say(f"warning: {message}", err=True)
                    else:
                        shown_before(message, category, *args, **kwargs)

                warnings.showwarning = show
                return super().invoke(ctx)
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the exit
            say("interrupted; finished outputs are kept", err=True)
            ctx.exit(130)
        except _Terminated as e:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            say(f"stopped ({signal.Signals(e.signum).name}); finished outputs are kept", err=True)
            ctx.exit(128 + e.signum)
        except CardmakerError as e:
            say(f"error: {e}", err=True)
            ctx.exit(1)
        except OSError as e:  # an output stream closed early (| head), a full disk when printing
            if os.environ.get("CARDMAKER_DEBUG"):
                raise
            if isinstance(e, BrokenPipeError):  # the reader stopped reading: nothing more to say
                try:
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                except (OSError, ValueError):
                    pass
                ctx.exit(1)
            say(f"error: {shown(e.filename) + ': ' if e.filename else ''}{e.strerror or e}", err=True)
            ctx.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:  # a bug outside any one article: still one line (CARDMAKER_DEBUG shows it)
            if os.environ.get("CARDMAKER_DEBUG"):
                raise
            say(f"error: internal error ({type(e).__name__}: {e}); please report this", err=True)
            ctx.exit(1)
        finally:
            for signum, handler in previous.items():
                if handler is not None:  # None: not set from Python; nothing to give back
                    signal.signal(signum, handler)

encoding_option = click.option(
    "--encoding", metavar="NAME", help="Text encoding of the articles (default: detect UTF-8/16, GB18030, Big5)."
)


class Batch:
    """Runs one step per article, reporting failures as one line each and remembering them."""

    def __init__(self):
        self.failed = 0

    def fail(self, error: CardmakerError) -> None:
        self.failed += 1
        say(f"error: {error}", err=True)

    def warn(self, message: str) -> None:
        say(f"warning: {message}", err=True)

    @contextmanager
    def guard(self, path):
        """Report a ``CardmakerError`` (or, as an internal error naming ``path``, anything else) in one line."""
        from cardmaker.build import internal_error

        try:
            yield
        except CardmakerError as e:
            self.fail(e)
        except Exception as e:  # a bug must not stop the batch; it is reported with the article
            self.fail(internal_error(path, e))

    def articles(self, paths, encoding):
        from cardmaker.text.article import find_articles, read_article

        for item in find_articles(paths):
            if isinstance(item, CardmakerError):
                self.fail(item)
                continue
            article = None
            with self.guard(item):
                article = read_article(item, encoding)
            if article is None:
                continue
            for note in article.notes:
                self.warn(f"{shown(item)}: {note}")
            yield article

    def exit(self) -> None:
        sys.exit(1 if self.failed else 0)


def vocabulary_options(f):
    """The word-selection options shared by ``words``, ``build`` and ``sheet``."""
    options = [
        click.option("--names", is_flag=True, help="Keep person names (tagged as names)."),
        click.option("--known", "known", type=click.Path(), metavar="FILE",
                     help="Leave out the words of FILE: one per line, the first TSV column, an Anki "
                          "\"Notes in Plain Text\" export, an Anki package (.apkg, .colpkg) or collection "
                          "(.anki2, .anki21, .anki21b; opened read-only); either script."),
        click.option("--known-field", metavar="NAME",
                     help="With an Anki --known file: the note field holding the word (default: the first)."),
        click.option("--level", "--skip-hsk", "level", type=click.IntRange(0, 9), default=0, metavar="N",
                     help="Your HSK level: leave out words of level N and below (--skip-hsk is the old name)."),
        click.option("--hsk-standard", type=click.Choice(["2025", "2021"]), default="2025", show_default=True,
                     help="HSK levels of the 2025 exam syllabus or of the 2021 standard (GF0025-2021)."),
        click.option("--min-count", type=click.IntRange(1), default=1, metavar="N",
                     help="Keep words that occur at least N times."),
        click.option("--max-words", type=click.IntRange(1), default=None, metavar="N",
                     help="Keep the first N words of the order."),
        click.option("--order", type=click.Choice(["useful", "article", "frequency", "hsk"]), default="useful",
                     show_default=True,
                     help="useful: most worth learning first (count here, general frequency, HSK level); "
                          "article: first appearance; frequency: count here; hsk: level."),
        click.option("--dict", "user_dict", type=click.Path(), metavar="FILE",
                     help="Your dictionary: word<TAB>pinyin<TAB>meaning lines; its words and meanings win."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def build_options(names, known, known_field, level, hsk_standard, min_count, max_words, order, user_dict,
                  word_list=None, **more):
    """``BuildOptions`` from the command line's values; a bad side file raises its ``InputError``
    (``Main`` reports it in one line)."""
    from cardmaker.analysis.vocabulary import Options
    from cardmaker.build import BuildOptions
    from cardmaker.lexicon.userdict import read_user_dictionary
    from cardmaker.lists.known import read_known
    from cardmaker.lists.wordlist import read_word_list

    return BuildOptions(
        vocabulary=Options(
            names=names, known=read_known(known, known_field) if known else frozenset(), level=level,
            min_count=min_count, max_words=max_words, order=order,
        ),
        hsk_standard=hsk_standard,
        user_entries=read_user_dictionary(user_dict) if user_dict else (),
        word_list=read_word_list(word_list) if word_list else (), word_list_path=word_list or "",
        inputs=tuple(p for p in (known, user_dict, word_list) if p),
        **more,
    )


def parse_cards(ctx, param, value):
    from cardmaker.output.package import CARD_TYPES

    if value is None:
        return tuple(CARD_TYPES)
    chosen = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [c for c in chosen if c not in CARD_TYPES]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(CARD_TYPES)} (comma-separated), not {value!r}")
    return chosen
