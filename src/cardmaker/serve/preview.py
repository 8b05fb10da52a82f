"""Cards as Anki shows them, for the page's preview: the deck's own templates rendered with a note's fields.

Anki's template language as cardmaker's templates use it: ``{{Field}}``,
sections ``{{#Field}}…{{/Field}}`` and ``{{^Field}}…{{/Field}}`` (a field that
is empty or only whitespace and line breaks counts as empty), ``{{FrontSide}}``,
the ``text:`` filter, ``hint:`` (a ``<details>`` here: Anki's own hint needs a
script, and the preview runs none), and ``{{tts …:Field}}``, shown as a note
since the page plays no audio.  An unknown field renders as Anki's own complaint.
"""

from __future__ import annotations

import html
import re

_TAG_RE = re.compile(r"\{\{(.*?)\}\}", re.S)
_EMPTY_RE = re.compile(r"^(?:\s|<br\s*/?>|<div>\s*</div>)*$", re.I)
_HTML_RE = re.compile(r"<[^>]*>")
SPEAKER = '<span class="preview-tts" title="Anki reads this aloud">(read aloud)</span>'


def _empty(value: str) -> bool:
    return bool(_EMPTY_RE.match(value or ""))


def _parse(template: str):
    """A tree of text, ("field", spec) and ("section", name, inverted, children) nodes."""
    root: list = []
    stack = [(None, False, root)]
    at = 0
    for m in _TAG_RE.finditer(template):
        stack[-1][2].append(template[at:m.start()])
        at = m.end()
        spec = m.group(1).strip()
        if spec[:1] in "#^":
            children: list = []
            stack[-1][2].append(("section", spec[1:].strip(), spec[0] == "^", children))
            stack.append((spec[1:].strip(), spec[0] == "^", children))
        elif spec[:1] == "/":
            if len(stack) > 1 and stack[-1][0] == spec[1:].strip():
                stack.pop()
            else:
                stack[-1][2].append(m.group(0))
        else:
            stack[-1][2].append(("field", spec))
    stack[-1][2].append(template[at:])
    return root


def _field(spec: str, fields: dict, front: str | None) -> str:
    if spec == "FrontSide":
        return front or ""
    *filters, name = [p.strip() for p in spec.split(":")]
    if filters and filters[0].split()[0] == "tts":
        return SPEAKER
    if name not in fields:
        return f"{{unknown field {html.escape(name)}}}"
    value = fields[name]
    for f in reversed(filters):
        if f == "text":
            value = html.unescape(_HTML_RE.sub("", value))
        elif f == "hint" and not _empty(value):
            value = f'<details class="hint"><summary>{html.escape(name)}</summary>{value}</details>'
    return value


def _render(nodes, fields: dict, front: str | None) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif node[0] == "field":
            out.append(_field(node[1], fields, front))
        else:
            _, name, inverted, children = node
            if _empty(fields.get(name, "")) == inverted:
                out.append(_render(children, fields, front))
    return "".join(out)


def render(template: str, fields: dict, front: str | None = None) -> str:
    """``template`` (a card's front or back) with the note's ``fields``; ``front`` fills ``{{FrontSide}}``."""
    return _render(_parse(template), fields, front)


def page(css: str, body: str) -> str:
    """A card as a document of its own (for a sandboxed frame), styled by the note type's CSS."""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}\n'
            f'.preview-tts {{ font-size: 16px; color: #999; }}</style></head>'
            f'<body class="card">{body}</body></html>')
