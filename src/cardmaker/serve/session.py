"""The page's state, in memory only: the opened articles, the word list being edited, the settings.

The word list is kept as the rows of a ``cardmaker words`` table
(``records.ListedWord``): each row names a word (its form and reading) and
holds the cells the teacher changed.  Every view and every download runs the
library over those rows — ``lists.curation`` applies the cells, the example
chooser picks examples for exactly the chosen words, ``build`` writes the
files — so the table, the preview and the downloads always agree, and a
saved list is what ``cardmaker build --words`` reads.

One lock guards the state and the lexicon: requests are served in threads,
the library's memos are not made for them.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from cardmaker.chinese.pinyin import joined, numbered
from cardmaker.chinese.script import HAN_RE
from cardmaker.chinese.syllables import parse_pinyin
from cardmaker.errors import InputError, Label
from cardmaker.records import Article, ListedWord

LIST_NAME = Label("the page's word list")
SORTS = ("position", "word", "pinyin", "sense", "hsk", "count")
EDITABLE = ("sense", "meaning", "pinyin")
FORMATS = {  # what the page downloads: (build format or sheet/list, file suffix, media type)
    "apkg": ("apkg", ".apkg", "application/octet-stream"),
    "csv": ("csv", ".csv", "text/csv; charset=utf-8"),
    "pleco": ("pleco", ".txt", "text/plain; charset=utf-8"),
    "sheet": ("sheet", ".html", "text/html; charset=utf-8"),
    "list": ("list", ".tsv", "text/tab-separated-values; charset=utf-8"),
}


@dataclass
class Opened:
    """An article the page opened, analysed once."""

    id: int
    article: Article
    analysis: object                  # analysis.vocabulary.Analysis
    default_examples: dict            # the default selection's examples: shown for unticked words

    @property
    def stem(self) -> str:
        return Path(self.article.path).stem or "article"


@dataclass
class Row:
    """A word of the list: ``cells`` as a word-list row holds them (the word, its reading, the edits)."""

    id: int
    position: int
    cells: dict
    ticked: bool = True
    added: bool = False               # the teacher added it (or a loaded list named it)
    edited: set = field(default_factory=set)  # the columns the teacher changed on the page
    origin: dict = field(default_factory=dict)  # the cells before any edit on the page

    def __post_init__(self):
        self.origin = self.origin or dict(self.cells)

    @property
    def simplified(self) -> str:
        return self.cells["simplified"]

    def listed(self, line: int = 0) -> ListedWord:
        return ListedWord(line or self.position + 1, dict(self.cells))


@dataclass
class Settings:
    level: int = 0                    # leave out words of HSK level ≤ this (0: none)
    min_count: int = 1
    budget: int | None = None         # at most this many words
    sort: str = "position"
    descending: bool = False
    script: str | None = None         # None: the first article's own
    cards: tuple[str, ...] = ("recognition", "recall", "cloze")
    deck_name: str = ""               # for several articles: the merged deck's name


@dataclass
class View:
    """What the library made of the rows: per row its word, count, example, and whether it is chosen."""

    words: dict = field(default_factory=dict)      # row id → Word (curated in its first article)
    homes: dict = field(default_factory=dict)      # row id → the Opened it belongs to first
    counts: dict = field(default_factory=dict)     # row id → occurrences in all the articles
    chosen: list = field(default_factory=list)     # the rows that go into the deck, in order
    out: dict = field(default_factory=dict)        # row id → why a ticked row is not chosen
    examples: dict = field(default_factory=dict)   # row id → [Example] as the deck gets them
    shown: dict = field(default_factory=dict)      # row id → the example the table shows
    order: list = field(default_factory=list)      # every row, in the table's order
    lists: dict = field(default_factory=dict)      # Opened id → its rows (ListedWord) for the download


class Session:
    """The running page's one teacher: articles, rows, settings, and the library calls over them."""

    def __init__(self, lexicon, options):
        self.lexicon = lexicon
        self.options = options            # build.BuildOptions: the vocabulary options of the command line
        self.lock = threading.RLock()
        self.articles: list[Opened] = []
        self.rows: list[Row] = []
        self.settings = Settings(
            level=options.vocabulary.level, min_count=options.vocabulary.min_count,
            budget=options.vocabulary.max_words,
            sort={"frequency": "count", "hsk": "hsk"}.get(options.vocabulary.order, "position"),
            descending=options.vocabulary.order == "frequency",
        )
        self.notes: list[str] = []        # what the last action reported (warnings, curation notes)
        self._ids = 0
        self._curated: dict = {}          # (article id, row cells) → Word
        self._view: View | None = None

    # ── articles ─────────────────────────────────────────────────────────────

    def open(self, article: Article) -> Opened:
        """Analyse ``article`` and add its words to the list, ticked (words it shares with an open
        article are one row)."""
        from cardmaker.analysis.examples import choose_examples
        from cardmaker.analysis.vocabulary import analyse

        with self.lock:
            names, n = {a.article.path for a in self.articles}, 2
            path = article.path
            while article.path in names:  # two pasted texts, two files of one name: both stay apart
                article = replace(article, path=f"{path} ({n})")
                n += 1
            vocabulary = replace(self.options.vocabulary, level=0, min_count=1, max_words=None,
                                  order="article")  # the page's filters do the rest, visibly
            analysis = analyse(article, self.lexicon, vocabulary)
            opened = Opened(self._next(), article, analysis,
                            choose_examples(analysis, analysis.words, self.lexicon))
            self.articles.append(opened)
            have = {(r.simplified, r.origin.get("pinyin_numbered", "")) for r in self.rows}
            position = max((r.position for r in self.rows), default=-1) + 1
            for w in analysis.words:
                key = (w.simplified, w.pinyin_numbered)
                if key in have:
                    continue
                have.add(key)
                self.rows.append(Row(self._next(), position, {"simplified": w.simplified,
                                                              "pinyin_numbered": w.pinyin_numbered}))
                position += 1
            self.notes = [f"{article.path}: {n}" for n in article.notes]
            self._changed()
            return opened

    def close(self, article_id: int) -> None:
        """Close an article; its words that no other open article has leave the list (added words stay)."""
        with self.lock:
            self.articles = [a for a in self.articles if a.id != article_id]
            self.rows = [r for r in self.rows if r.added or any(self.occurs(r, a) for a in self.articles)]
            self._changed()

    # ── the rows ─────────────────────────────────────────────────────────────

    def tick(self, ids, ticked: bool) -> None:
        with self.lock:
            wanted = set(ids)
            for r in self.rows:
                if r.id in wanted:
                    r.ticked = bool(ticked)
            self._changed()

    def edit(self, row_id: int, column: str, value: str) -> None:
        """The teacher's cell: a sense, the meaning (senses separated by " / ") or the pinyin (tone marks
        or numbers); an empty value goes back to what the library chose."""
        if column not in EDITABLE:
            raise InputError(LIST_NAME, f"{column!r} cannot be edited (only {', '.join(EDITABLE)})")
        value = " ".join(str(value).split())
        with self.lock:
            row = self._row(row_id)
            cells = dict(row.cells)
            names = ("pinyin", "pinyin_numbered") if column == "pinyin" else (column,)
            for name in names:  # start from the cells as they were before the page changed them
                cells.pop(name, None)
                if name in row.origin:
                    cells[name] = row.origin[name]
            if column == "pinyin" and value:
                reading = parse_pinyin(value)
                if reading is None or len(reading) != len(row.simplified):
                    raise InputError(LIST_NAME, f"cannot read the pinyin {value!r} of {row.simplified}")
                cells.pop("pinyin", None)
                cells["pinyin_numbered"] = numbered(reading)
            elif value:
                cells[column] = value
            row.cells = cells
            if value:
                row.edited.add(column)
            else:
                row.edited.discard(column)
            self._changed()

    def add(self, text: str, pinyin: str = "") -> Row:
        """Add a word (either script) at the end of the list, ticked; a word already listed is ticked."""
        text = "".join(str(text).split())
        if not text or not HAN_RE.search(text) or len(text) > 20:
            raise InputError(LIST_NAME, f"{text!r} is not a Chinese word")
        with self.lock:
            simplified = self.lexicon.to_simplified(text)
            for r in self.rows:
                if r.simplified == simplified and not pinyin:
                    r.ticked = True
                    self.notes = [f"{text} is already in the list; it is ticked"]
                    self._changed()
                    return r
            cells = {"simplified": simplified}
            if text != simplified:
                cells["traditional"] = text
            row = Row(self._next(), max((r.position for r in self.rows), default=-1) + 1, cells, added=True)
            self.rows.append(row)
            if pinyin:
                self.edit(row.id, "pinyin", pinyin)
            self.notes = []
            self._changed()
            return row

    def load_list(self, text: str, name: str = "word list") -> None:
        """Make the list a saved word list (the TSV of ``cardmaker words``): exactly its words, in its
        order and with its cells; the articles' other words stay in the table, unticked."""
        from cardmaker.lists.wordlist import parse_word_list

        listed = parse_word_list(text, name)
        with self.lock:
            by_word: dict = {}
            for r in self.rows:
                by_word.setdefault(r.simplified, []).append(r)
            taken: set = set()
            for r in self.rows:
                r.ticked = False
            rows = []
            for n, item in enumerate(listed):
                simplified = item.cells.get("simplified") or self.lexicon.to_simplified(item.cells["traditional"])
                cells = {"simplified": simplified, **{k: v for k, v in item.cells.items() if k != "simplified"}}
                reading = parse_pinyin(cells.get("pinyin_numbered") or cells.get("pinyin") or "")
                candidates = [r for r in by_word.get(simplified, []) if r.id not in taken]
                match = next((r for r in candidates if reading and r.cells.get("pinyin_numbered") == numbered(reading)),
                             candidates[0] if candidates else None)
                if match is None:
                    match = Row(self._next(), 0, cells, added=True)
                    self.rows.append(match)
                taken.add(match.id)
                match.cells, match.origin, match.edited = cells, dict(cells), set()
                match.ticked, match.position = True, n
                rows.append(match)
            rest = sorted((r for r in self.rows if r.id not in taken), key=lambda r: r.position)
            for n, r in enumerate(rest, len(rows)):
                r.position = n
            self.settings = replace(self.settings, sort="position", descending=False, level=0, min_count=1,
                                    budget=None)
            self.notes = [f"{name}: {len(rows)} words loaded"]
            self._changed()

    def configure(self, **changes) -> None:
        """Change settings: level, min_count, budget, sort, descending, script, cards, deck_name."""
        from cardmaker.output.package import CARD_TYPES

        with self.lock:
            s = self.settings
            new = {}
            for key, value in changes.items():
                if key == "level":
                    new[key] = _integer(value, 0, 9, "level")
                elif key == "min_count":
                    new[key] = _integer(value, 1, 10_000, "count")
                elif key == "budget":
                    new[key] = None if value in (None, "", 0) else _integer(value, 1, 100_000, "budget")
                elif key == "sort":
                    if value not in SORTS:
                        raise InputError(LIST_NAME, f"cannot sort by {value!r}")
                    new[key] = value
                elif key == "descending":
                    new[key] = bool(value)
                elif key == "script":
                    if value not in (None, "", "traditional", "simplified", "both"):
                        raise InputError(LIST_NAME, f"unknown script {value!r}")
                    new[key] = value or None
                elif key == "cards":
                    cards = tuple(c for c in CARD_TYPES if c in set(value or ()))
                    if not cards:
                        raise InputError(LIST_NAME, "choose at least one card type")
                    new[key] = cards
                elif key == "deck_name":
                    new[key] = " ".join(str(value).split())[:200]
                else:
                    raise InputError(LIST_NAME, f"unknown setting {key!r}")
            self.settings = replace(s, **new)
            self._changed()

    def take_notes(self) -> list[str]:
        """What the last actions reported (reading notes, a word already listed …), once."""
        with self.lock:
            notes, self.notes = self.notes, []
            return notes

    # ── what the library makes of it ─────────────────────────────────────────

    @property
    def script(self) -> str:
        return self.settings.script or (self.articles[0].analysis.script if self.articles else "traditional")

    @property
    def title(self) -> str:
        if not self.articles:
            return "cardmaker"
        if len(self.articles) == 1:
            return self.articles[0].article.title
        first = self.articles[0].article.title
        return self.settings.deck_name or f"{first} and {len(self.articles) - 1} more"

    def view(self) -> View:
        with self.lock:
            if self._view is None:
                self._view = self._make_view()
            return self._view

    def _make_view(self) -> View:
        from cardmaker.analysis.examples import choose_examples

        v = View()
        if not self.articles:
            return v
        for r in self.rows:
            home = next((a for a in self.articles if self.occurs(r, a)), self.articles[0])
            word = self._word(home, r)
            v.homes[r.id], v.words[r.id] = home, word
            v.counts[r.id] = sum(self._word(a, r).count for a in self.articles if self.occurs(r, a)) \
                if len(self.articles) > 1 else word.count
        s = self.settings
        v.order = sorted(self.rows, key=self._sort_key(v), reverse=s.descending)
        seen = set()
        for r in v.order:
            w = v.words[r.id]
            if not r.ticked:
                continue
            if s.level and w.hsk is not None and w.hsk <= s.level and not r.added:  # added: wanted as it is
                v.out[r.id] = "level"
            elif v.counts[r.id] < s.min_count and not r.added:
                v.out[r.id] = "count"
            elif w.key in seen:
                v.out[r.id] = "duplicate"
            elif s.budget is not None and len(v.chosen) >= s.budget:
                v.out[r.id] = "budget"
            else:
                seen.add(w.key)
                v.chosen.append(r)
        for a in self.articles:
            rows = [r for r in v.chosen if self.occurs(r, a) or v.homes[r.id] is a]
            if not rows:
                continue
            v.lists[a.id] = [r.listed(n) for n, r in enumerate(rows, 1)]
            words = [self._word(a, r) for r in rows]
            examples = choose_examples(a.analysis, words, self.lexicon)
            for r, w in zip(rows, words):
                if w.key in examples:
                    v.examples.setdefault(r.id, []).append(examples[w.key])
        for r in self.rows:
            if r.id in v.examples:
                v.shown[r.id] = v.examples[r.id][0]
            else:
                w = v.words[r.id]
                v.shown[r.id] = v.homes[r.id].default_examples.get(w.key)
        return v

    def _sort_key(self, v: View):
        sort = self.settings.sort
        if sort == "word":
            return lambda r: (v.words[r.id].simplified, r.position)
        if sort == "pinyin":
            return lambda r: (v.words[r.id].pinyin_numbered.lower(), r.position)
        if sort == "sense":
            from cardmaker.output.sheet import sense

            return lambda r: (sense(v.words[r.id], self.script).lower(), r.position)
        if sort == "hsk":
            return lambda r: (v.words[r.id].hsk or 10, r.position)
        if sort == "count":
            return lambda r: (v.counts[r.id], -r.position if self.settings.descending else r.position)
        return lambda r: r.position

    def _word(self, opened: Opened, row: Row):
        """The row's word as curation makes it in ``opened`` (remembered: the article and the cells fix it)."""
        key = (opened.id, tuple(sorted(row.cells.items())))
        word = self._curated.get(key)
        if word is None:
            from cardmaker.lists.curation import curate

            (word,), _ = curate(opened.analysis, [row.listed()], LIST_NAME, self.lexicon)
            self._curated[key] = word
        return word

    def occurs(self, row: Row, opened: Opened) -> bool:
        """The row's word is written in the article (either script: the analysis keeps a simplified copy)."""
        return row.simplified in opened.analysis.simplified

    def _row(self, row_id: int) -> Row:
        for r in self.rows:
            if r.id == row_id:
                return r
        raise InputError(LIST_NAME, f"no word with id {row_id}")

    def _next(self) -> int:
        self._ids += 1
        return self._ids

    def _changed(self) -> None:
        self._view = None

    # ── downloads ────────────────────────────────────────────────────────────

    def readings(self, row_id: int) -> list[dict]:
        """The word's dictionary readings, for the pinyin cell: the current one first."""
        with self.lock:
            row = self._row(row_id)
            word = self.view().words[row_id]
            out, seen = [], set()
            for syllables, senses in [(word.syllables, word.senses)] + [
                    (e.syllables, e.content) for e in self.lexicon.entries(row.simplified)]:
                key = numbered(syllables)
                if key.lower() in seen or len(syllables) != len(row.simplified):
                    continue
                seen.add(key.lower())
                out.append({"pinyin": joined(syllables), "numbered": key, "senses": " / ".join(senses[:3])})
            return out

    def preview(self, row_id: int) -> list[dict]:
        """Each chosen card type of the row's note, front and back, as the deck's templates render it."""
        from cardmaker.output.fields import Cards
        from cardmaker.build import voice_for
        from cardmaker.output.package import make_note, note_type
        from cardmaker.records import NOTE_FIELDS
        from cardmaker.serve import preview

        with self.lock:
            self._row(row_id)
            v = self.view()
            word, home = v.words[row_id], v.homes[row_id]
            examples = v.examples.get(row_id) or ([v.shown[row_id]] if v.shown.get(row_id) else [])
            # the note as the deck gets it (build's make_note), rendered with the note type's own templates
            cards = Cards(tuple(self.settings.cards), voice_for(self.script, home.analysis.script))
            note = make_note(word, examples, self.script, [], [home.article.source], cards,
                             self.lexicon.memo("note_fields"), self.lexicon.hsk_standard, self.lexicon)
            values = dict(zip(NOTE_FIELDS, note.fields))
            model = note_type()
            out = []
            for ord_, t in enumerate(model.templates):
                front = preview.render(t["qfmt"], values)
                back = preview.render(t["afmt"], values, front)
                out.append({"name": t["name"], "made": ord_ in note.ords,
                            "front": preview.page(model.css, front), "back": preview.page(model.css, back)})
            return out

    def download(self, kind: str, timestamp: float | None = None) -> tuple[str, bytes]:
        """(file name, bytes) of a download: apkg, csv, pleco, sheet or list."""
        from cardmaker import build

        if kind not in FORMATS:
            raise InputError(LIST_NAME, f"unknown download {kind!r}")
        fmt, suffix, _ = FORMATS[kind]
        with self.lock:
            v = self.view()
            if not v.chosen:
                raise InputError(LIST_NAME, "no words are chosen")
            name = build.slug(self.articles[0].stem if len(self.articles) == 1 else self.title) + suffix
            if kind == "list":
                from cardmaker.output.exports import tsv_text

                script = self.articles[0].analysis.script
                return name, tsv_text([v.words[r.id] for r in v.chosen], script).encode("utf-8")
            merge = self.title if len(v.lists) > 1 else None
            options = replace(
                self.options, cards=self.settings.cards, script=self.settings.script, merge=merge,
                format=fmt if fmt in build.SUFFIXES else "apkg", timestamp=timestamp, word_list_path=LIST_NAME,
                vocabulary=replace(self.options.vocabulary, level=0, min_count=1, max_words=None),
            )
            prepared = [build.prepare(self.lexicon, a.article.path, replace(options, word_list=tuple(v.lists[a.id])),
                                      article=a.article)
                        for a in self.articles if a.id in v.lists]
            if kind == "sheet":
                html = build.sheet_html(self.lexicon, prepared, options, title=self.title)
                return name, html.encode("utf-8")
            with tempfile.TemporaryDirectory(prefix="cardmaker-page-") as scratch:
                target = Path(scratch) / name
                if merge:
                    build.write_merged(self.lexicon, prepared, target, options)
                else:
                    build.write_article(self.lexicon, prepared[0], target, options)
                return name, target.read_bytes()


def _integer(value, lo: int, hi: int, what: str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InputError(LIST_NAME, f"the {what} must be a whole number, not {value!r}") from None
    if not lo <= n <= hi:
        raise InputError(LIST_NAME, f"the {what} must be between {lo} and {hi}")
    return n

