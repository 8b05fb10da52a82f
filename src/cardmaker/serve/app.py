"""The page's routes (bottle): the page and its files, a JSON API over the ``Session``, and downloads.

Guards, before any route runs:

- the ``Host`` header must name this server (127.0.0.1 or localhost with its
  port): a page whose DNS name was re-bound to 127.0.0.1 is refused;
- everything but the page itself and its static files needs the per-run
  token that the page carries, in an ``X-Cardmaker-Token`` header: another
  site cannot read the page to learn it, and cannot send a custom header
  cross-site without a preflight this server never grants, so it can neither
  change the state nor fetch a download;
- a request from another origin (its ``Origin`` header) is refused;
- bodies are size-limited (an article's limit for uploads), read into memory
  only, and must say their length.

Every answer carries a strict Content-Security-Policy (no inline script, no
other origin), ``nosniff`` and ``no-store``.  The page builds its table with
text nodes only; card previews are HTML the library escaped, shown in
sandboxed frames.
"""

from __future__ import annotations

import hmac
import json
from importlib import resources
from urllib.parse import quote

from cardmaker.errors import CardmakerError, InputError
from cardmaker.serve import sources
from cardmaker.serve.session import FORMATS, Session

JSON_LIMIT = 64_000
TOKEN_HEADER = "X-Cardmaker-Token"
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def static_text(name: str) -> str:
    return resources.files("cardmaker.serve").joinpath("static", name).read_text(encoding="utf-8")


def make_app(session: Session, token: str, hosts: set[str]):
    """The WSGI application serving ``session``; ``hosts`` (filled in once the port is known) are the
    ``Host`` values accepted, e.g. ``127.0.0.1:8080``."""
    import bottle

    app = bottle.Bottle(catchall=True, autojson=True)
    request, response = bottle.request, bottle.response

    def refuse(status: int, message: str):
        raise bottle.HTTPResponse(json.dumps({"error": message}), status,
                                  {"Content-Type": "application/json; charset=utf-8"})

    @app.hook("before_request")
    def guard():
        host = request.get_header("Host", "")
        if host not in hosts:
            refuse(403, "unknown host: open the address cardmaker serve printed")
        origin = request.get_header("Origin")
        if origin is not None and origin.removeprefix("http://") not in hosts:
            refuse(403, "requests from other sites are refused")
        path = request.path
        if path in ("/", "/favicon.ico") or path.startswith("/static/"):
            if request.method not in ("GET", "HEAD"):
                refuse(405, "method not allowed")
            return
        given = request.get_header(TOKEN_HEADER) or ""
        if not given or not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode()):
            refuse(403, "missing or wrong token: reload the page")
        if request.method == "POST":
            length = request.content_length
            if length < 0 or (length and request.get_header("Transfer-Encoding")):
                refuse(411, "the request must give its length")
            limit = _limit(path)
            if length > limit:
                refuse(413, f"too large (the limit is {limit / 1e6:.1f} MB)")

    @app.hook("after_request")
    def headers():
        response.set_header("Content-Security-Policy", CSP)
        response.set_header("X-Content-Type-Options", "nosniff")
        response.set_header("Referrer-Policy", "no-referrer")
        response.set_header("Cache-Control", "no-store")
        response.set_header("Cross-Origin-Resource-Policy", "same-origin")

    def api(fn):
        """The state after ``fn``, as JSON; a ``CardmakerError`` is a 400 with its one line."""
        def call(*args, **kwargs):
            try:
                result = fn(*args, **kwargs)
            except CardmakerError as e:
                refuse(400, str(e))
            except bottle.HTTPResponse:
                raise
            except Exception as e:  # a bug: one line for the page, like the command line's internal error
                from cardmaker.build import internal_error

                refuse(500, str(internal_error("the page", e)))
            return state(session) if result is None else result
        call.__name__ = fn.__name__
        return call

    def body() -> bytes:
        # read straight from the socket into memory (bottle would spool a large body to a temporary file)
        length = request.content_length
        return request.environ["wsgi.input"].read(length) if length > 0 else b""

    def data() -> dict:
        if (request.content_type or "").split(";")[0].strip() != "application/json":
            refuse(415, "send JSON")
        try:
            value = json.loads(body().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            refuse(400, "not JSON")
        if not isinstance(value, dict):
            refuse(400, "send a JSON object")
        return value

    @app.get("/")
    def index():
        page = static_text("index.html")
        response.content_type = "text/html; charset=utf-8"
        return (page.replace("{{token}}", token)
                .replace("{{upload_limit}}", str(sources.upload_limit())))

    @app.get("/favicon.ico")
    def favicon():
        return bottle.HTTPResponse(status=204)

    @app.get("/static/<name>")
    def static(name):
        if name not in STATIC:
            refuse(404, "no such file")
        response.content_type = STATIC[name]
        return static_text(name)

    @app.get("/api/state")
    @api
    def get_state():
        return None

    @app.post("/api/articles/file")
    @api
    def open_file():
        name = " ".join(request.query.get("name", "").split())[:255] or "upload.txt"
        session.open(sources.read_upload(name, body()))

    @app.post("/api/articles/text")
    @api
    def open_text():
        session.open(sources.read_pasted(str(data().get("text", ""))))

    @app.post("/api/articles/url")
    @api
    def open_url():
        session.open(sources.read_url(str(data().get("url", ""))))

    @app.post("/api/articles/<article_id:int>/close")
    @api
    def close(article_id):
        session.close(article_id)

    @app.post("/api/rows/tick")
    @api
    def tick():
        d = data()
        ids = d.get("ids")
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            raise InputError("the page", "ids must be a list of numbers")
        session.tick(ids, bool(d.get("ticked")))

    @app.post("/api/rows/<row_id:int>/edit")
    @api
    def edit(row_id):
        d = data()
        session.edit(row_id, str(d.get("column", "")), str(d.get("value", "")))

    @app.post("/api/words")
    @api
    def add():
        d = data()
        session.add(str(d.get("word", "")), str(d.get("pinyin", "")))

    @app.post("/api/list")
    @api
    def load_list():
        name = " ".join(request.query.get("name", "").split())[:255] or "word list"
        session.load_list(sources.list_text(name, body()), name)

    @app.post("/api/settings")
    @api
    def settings():
        session.configure(**data())

    @app.get("/api/rows/<row_id:int>/readings")
    @api
    def readings(row_id):
        return {"readings": session.readings(row_id)}

    @app.get("/api/rows/<row_id:int>/preview")
    @api
    def preview(row_id):
        return {"cards": session.preview(row_id)}

    @app.get("/download/<kind>")
    def download(kind):
        if kind not in FORMATS:
            refuse(404, "no such download")
        try:
            name, content = session.download(kind)
        except CardmakerError as e:
            refuse(400, str(e))
        except Exception as e:  # a bug: one line for the page
            from cardmaker.build import internal_error

            refuse(500, str(internal_error("the page", e)))
        response.content_type = FORMATS[kind][2]
        response.set_header("Content-Disposition", _attachment(name))
        return content

    return app


def _limit(path: str) -> int:
    if path == "/api/articles/file":
        return sources.upload_limit()
    if path == "/api/articles/text":
        return sources.upload_limit() * 2 + 1000  # JSON escapes may double the text
    if path == "/api/list":
        return sources.LIST_LIMIT
    return JSON_LIMIT


def _attachment(name: str) -> str:
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def state(session: Session) -> dict:
    """Everything the page shows, as JSON-ready data (article text stays text: the page never parses
    it as HTML)."""
    v = session.view()
    s = session.settings
    script = session.script
    from cardmaker.lexicon.cedict import readable
    from cardmaker.output.sheet import sense

    rows = []
    for r in v.order:
        w = v.words[r.id]
        e = v.shown.get(r.id)
        if e is not None:
            text = {"traditional": e.traditional, "simplified": e.simplified}.get(script, e.text)
            example = {"text": text, "spans": [list(span) for span in e.spans]}
        else:
            example = None
        rows.append({
            "id": r.id, "ticked": r.ticked, "chosen": r.id not in v.out and r.ticked, "out": v.out.get(r.id, ""),
            "word": _form(w, script), "simplified": w.simplified, "traditional": w.traditional,
            "pinyin": w.pinyin, "pinyin_numbered": w.pinyin_numbered, "sense": sense(w, script),
            "meaning": " / ".join(readable(m, script) for m in w.senses), "hsk": w.hsk_label, "count": v.counts[r.id], "example": example,
            "edited": sorted(r.edited),
            "added": r.added, "missing": not any(session.occurs(r, a) for a in session.articles),
        })
    return {
        "articles": [{"id": a.id, "title": a.article.title, "name": a.article.path, "words": len(a.analysis.words),
                      "script": a.analysis.script} for a in session.articles],
        "rows": rows,
        "chosen": len(v.chosen),
        "title": session.title,
        "script": script,
        "settings": {"level": s.level, "min_count": s.min_count, "budget": s.budget, "sort": s.sort,
                     "descending": s.descending, "script": s.script or "", "cards": list(s.cards),
                     "deck_name": s.deck_name},
        "notes": session.take_notes(),
    }


def _form(word, script: str) -> str:
    if script == "simplified":
        return word.simplified
    if script == "both" and word.simplified != word.traditional:
        return f"{word.traditional} {word.simplified}"
    return word.traditional

