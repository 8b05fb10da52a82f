"""pypinyin imported without its phrase table, which cardmaker reads from the lexicon store.

Importing pypinyin loads its 47k phrase readings and indexes every prefix of
them (a tenth of a second, half its import); cardmaker asks pypinyin for a
character's readings and for zhuyin, which need neither, and reads a word's
phrase readings from the store (``Store.phrase_readings``).  So pypinyin is
imported with an empty phrase table, filled in place (pypinyin's own way of
adding phrases) the first time a word the store cannot read needs it.  Code that
calls pypinyin's word functions itself in a process where cardmaker imported it
calls ``with_phrases()`` first (the tests do).
"""

from __future__ import annotations

import sys
import types
from functools import cache


@cache
def pypinyin():
    """The ``pypinyin`` package, imported (if nobody did before) with an empty phrase table."""
    if "pypinyin" not in sys.modules:
        stub = types.ModuleType("pypinyin.phrases_dict")
        stub.phrases_dict = {}  # type: ignore[attr-defined]
        sys.modules["pypinyin.phrases_dict"] = stub
        try:
            import pypinyin
        finally:
            del sys.modules["pypinyin.phrases_dict"]
    import pypinyin

    return pypinyin


@cache
def with_phrases():
    """``pypinyin``, its phrase table loaded: the same readings as a plain import gives."""
    pypinyin()
    from pypinyin import constants
    from pypinyin.seg import mmseg

    if not constants.PHRASES_DICT:
        import importlib

        constants.PHRASES_DICT.update(importlib.import_module("pypinyin.phrases_dict").phrases_dict)
        mmseg.retrain(mmseg.seg)
    return pypinyin()
