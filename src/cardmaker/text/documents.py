"""Documents: a Word file (.docx), a PDF's text layer, an e-book (.epub) → text, one block per line.

Each reader returns ``Document`` records (an e-book one per chapter); ``layout``
then judges their lines like any other text.  The libraries (python-docx,
pypdf, ebooklib, lxml) are imported only when such a file is read.  Zip-based
formats are checked before they are opened: a file that is no zip, or that
would unpack to more than ``MAX_UNPACKED`` bytes (a zip bomb), is refused.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from cardmaker.errors import InputError
from cardmaker.text.blocks import Document

MAX_UNPACKED = 100_000_000
MAX_MEMBERS = 5_000


def check_zip(data: bytes, name, what: str) -> None:
    """Refuse a ``what`` (.docx, .epub) that is no zip or would unpack to too much."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(name, f"not a valid {what} file (not a zip archive)") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(name, f"not read: {len(infos)} files inside (more than {MAX_MEMBERS}; a zip bomb?)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise InputError(
            name, f"not read: it unpacks to {total / 1e6:.0f} MB (the limit is {MAX_UNPACKED / 1e6:.0f} MB; a zip bomb?)"
        )


# ── .docx ───────────────────────────────────────────────────────────────────

def read_docx(data: bytes, name) -> Document:
    """A Word file's paragraphs (and table cells), in order; a paragraph styled Title is the headline."""
    check_zip(data, name, ".docx")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(name, "reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise InputError(name, f"not a valid .docx file ({e})") from None
    except Exception as e:  # lxml's XMLSyntaxError and zip errors deep inside python-docx
        raise InputError(name, f"not a valid .docx file ({type(e).__name__})") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    title, lines = None, []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(block, document)
            text = p.text.strip()
            style = (p.style.name if p.style is not None else "") or ""
            if text and title is None and not lines and style.lower() in ("title", "heading 1", "標題", "标题"):
                title = text
                continue
            lines.append(text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                seen = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    if cell.text.strip() and cell.text.strip() not in seen:
                        seen.append(cell.text.strip())
                lines.extend(seen)
    if title is None:
        core = (document.core_properties.title or "").strip()
        if core and any(core == line.strip() for line in lines[:3]):
            lines.remove(core)
            title = core
    text = "\n".join(([title] if title else []) + [line for line in lines if line])
    return Document(text, title_first=title is not None, format="docx")


# ── .pdf ────────────────────────────────────────────────────────────────────

_END = "。！？；!?…：:」』）)】"
# CJK fonts map some glyphs to radicals: a PDF's text layer then spells 小 as ⼩ (Kangxi radical)
# or 長 as ⻑ (radical supplement); NFKC mends the first block, this table the second.
_RADICALS = dict(zip(
    "⺟⺠⻄⻅⻆⻋⻉⻑⻓⻔⻗⻘⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳⻁⺮⺷⻊∕",
    "母民西见角车贝長长门雨青风飞食马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟虎竹羊足／",
))


def _mend(text: str) -> str:
    import unicodedata

    return "".join(
        unicodedata.normalize("NFKC", c) if "\u2f00" <= c <= "\u2fdf" else _RADICALS.get(c, c) for c in text
    )


def _join_wrapped(page_lines: list[str]) -> list[str]:
    """A PDF breaks a paragraph at the page's width: join the lines that run on."""
    lengths = sorted(len(line) for line in page_lines if len(line) > 1)
    if not lengths:
        return page_lines
    full = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 4 else lengths[-1]
    out: list[str] = []
    run_on = False
    for line in page_lines:
        if run_on and out:
            out[-1] += line
        else:
            out.append(line)
        run_on = len(line) >= full * 0.85 and not line.endswith(tuple(_END)) and full >= 12
    return out


def read_pdf(data: bytes, name) -> Document:
    """A PDF's text layer, line-wrapped paragraphs joined; an encrypted or image-only PDF is refused."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover
        raise InputError(name, "reading .pdf needs pypdf (pip install pypdf)") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                raise InputError(name, "encrypted PDF (it needs a password); save an unprotected copy")
        pages = [_mend(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise InputError(name, f"not a readable PDF ({e})") from None
    except Exception as e:  # pypdf raises many kinds on broken files, and on some encryptions
        if "crypt" in str(e).lower() or "AES" in str(e):
            raise InputError(name, "encrypted PDF that cannot be opened (needs a password or a codec)") from None
        raise InputError(name, f"not a readable PDF ({type(e).__name__}: {e})") from None
    if not any(re.search(r"\w", p) for p in pages):
        raise InputError(name, "no text layer (a scanned or image-only PDF); cardmaker reads the text of a PDF, not images")
    lines: list[str] = []
    for page in pages:
        page_lines = [line.strip() for line in page.replace("\r", "\n").split("\n") if line.strip()]
        lines.extend(_join_wrapped(page_lines))
    title = None
    meta = reader.metadata
    if meta is not None and meta.title and lines and meta.title.strip() == lines[0]:
        title = lines[0]
    return Document("\n".join(lines), title_first=title is not None, format="pdf")


# ── .epub ───────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Book:
    title: str
    chapters: tuple[tuple[str, Document], ...]  # (chapter title, its text)


def read_epub(data: bytes, name) -> Book:
    """An e-book's chapters in reading order (the spine), each a ``Document`` headed by its title."""
    check_zip(data, name, ".epub")
    try:
        import ebooklib
        from ebooklib import epub
    except ImportError:  # pragma: no cover
        raise InputError(name, "reading .epub needs EbookLib (pip install EbookLib)") from None
    import warnings

    from cardmaker.text.blocks import blocks_of, parse_html

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
    except Exception as e:  # ebooklib raises its own EpubException, KeyError, lxml errors …
        raise InputError(name, f"not a valid .epub file ({type(e).__name__}: {e})") from None
    titles = _toc_titles(book.toc)
    chapters = []
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or isinstance(item, epub.EpubNav):
            continue
        try:
            tree = parse_html(item.get_content(), name)
        except InputError:
            continue
        lines, heading = blocks_of(tree)
        if not any(re.search(r"[\u3400-\u9fff]", line) for line in lines):
            continue  # a cover, an image page
        title = titles.get(item.file_name) or heading or f"{len(chapters) + 1}"
        if lines and lines[0] == title:
            lines = lines[1:]
        chapters.append((title, Document("\n".join([title, *lines]), title_first=True, format="epub")))
    if not chapters:
        raise InputError(name, "no chapter with Chinese text in this e-book")
    book_title = (book.title or "").strip() if hasattr(book, "title") else ""
    if not book_title:
        meta = book.get_metadata("DC", "title")
        book_title = (meta[0][0] if meta else "").strip()
    return Book(book_title, tuple(chapters))


def _toc_titles(toc) -> dict:
    from ebooklib import epub

    out: dict = {}
    for entry in toc:
        if isinstance(entry, tuple):  # (Section, [children])
            section, children = entry
            out.update(_toc_titles(children))
            entry = section
        if isinstance(entry, (epub.Link, epub.Section)) and getattr(entry, "href", None):
            out.setdefault(entry.href.split("#")[0], (entry.title or "").strip())
    return out
