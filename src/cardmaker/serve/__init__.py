"""``cardmaker serve``: the teacher's page, a local web app over the library.

A page on 127.0.0.1 where a teacher opens articles, chooses and edits the
words, previews the cards and downloads the deck, the sheet, CSV, Pleco or
the word list.  ``sources`` reads what the page is given, ``session`` holds
the state (in memory only), ``preview`` renders the deck's own card
templates, ``app`` is the routes and their guards (bottle), ``server`` runs
it.  Everything that makes words, cards and files is the library's
(``build``, ``lists.curation``, ``output``).
"""
