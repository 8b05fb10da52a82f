import os
import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "jinbohui-2023-08-08.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def lexicon():
    """The installed data's lexicon, shared by the tests that only look things up."""
    from cardmaker.lexicon import Lexicon

    return Lexicon()


@pytest.fixture(scope="session")
def seed_article():
    from cardmaker.text.article import read_article

    return read_article(SEED)


@pytest.fixture
def collection(tmp_path):
    """A fresh Anki collection (the official ``anki`` package), closed after the test."""
    from anki.collection import Collection

    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col, path) -> None:
    """Import a package the way Anki's import dialog does (notes updated when newer)."""
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(Path(path).resolve()),
            options=ImportAnkiPackageOptions(with_scheduling=False),
        )
    )


def note_by(col, simplified: str):
    (nid,) = col.find_notes(f'"Simplified:{simplified}"')
    return col.get_note(nid)


def body(html: str) -> str:
    """A rendered card without its <style> block."""
    return html.split("</style>", 1)[-1]


# Hypothesis profiles: a quick one by default (CI), a long one by hand:
#   HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def interruptible() -> None:
    """``preexec_fn`` for a child that a test stops with Ctrl-C: SIGINT acts as in a terminal even when
    the suite itself runs in the background, whose children the shell starts with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
