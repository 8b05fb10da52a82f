"""cardmaker: turn Chinese articles into Anki flashcard decks.

The package is a pipeline of plain records (``records``): ``text`` reads a
file into an ``Article`` (clean text, glosses, sentences), ``analysis`` turns
it into ``Word`` records and examples with the run's ``lexicon.Lexicon``,
``output`` writes the ``.apkg`` and other formats; ``build`` runs the jobs and
``cli`` is the command line.  Importing the package is cheap: heavy data
(jieba, pypinyin, CC-CEDICT) loads on first use.
"""

__version__ = "0.1.0"
