"""cardmaker: turn Chinese articles into Anki flashcard decks.

The package is a pipeline of plain records: ``article`` reads a file into an
``Article`` (clean text, glosses, sentences), ``vocabulary`` turns it into
``Word`` records, ``examples`` picks sentences, ``deck`` writes the ``.apkg``.
Importing the package is cheap: heavy data (jieba, pypinyin, CC-CEDICT) loads
on first use.
"""

__version__ = "0.1.0"
