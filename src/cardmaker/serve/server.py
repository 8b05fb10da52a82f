"""Running the page: a threaded WSGI server on 127.0.0.1, its address printed, the browser opened."""

from __future__ import annotations

import secrets
import socketserver
import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

HOST = "127.0.0.1"


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    """One thread per request: a browser's idle pre-connection must not stall the page."""

    daemon_threads = True
    allow_reuse_address = False


class _Handler(WSGIRequestHandler):
    def log_message(self, format, *args):  # the terminal shows the address and errors, not every request
        pass


class Page:
    """The page's server: ``start`` binds and serves in a thread; ``url`` is its address."""

    def __init__(self, session, port: int = 0):
        from cardmaker.serve.app import make_app

        self.session = session
        self.token = secrets.token_urlsafe(32)
        self.hosts: set[str] = set()
        try:
            self.httpd = _Server((HOST, port), _Handler)
        except OSError as e:
            from cardmaker.errors import CardmakerError

            raise CardmakerError(f"cannot listen on {HOST}:{port} ({e.strerror or e}); choose another --port "
                                 "or leave it out for a free one") from None
        port = self.httpd.server_address[1]
        self.hosts.update({f"{HOST}:{port}", f"localhost:{port}"})
        self.httpd.set_app(make_app(session, self.token, self.hosts))
        self.url = f"http://{HOST}:{port}/"
        self._thread: threading.Thread | None = None

    def start(self) -> "Page":
        """Serve in a thread of its own (tests, embedding); ``stop`` ends it."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), name="cardmaker-page",
                                        daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve until ``stop`` (from another thread) or Ctrl-C."""
        self.httpd.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()


def open_page(options, port: int = 0, articles=(), encoding: str | None = None, lexicon=None, warm: bool = False):
    """A ``Page`` for ``options`` (the command line's), with ``articles`` opened, not yet serving.

    Returns the page and, per article that could not be opened, its ``CardmakerError``;
    the articles' reading notes are in ``page.session.notes``.  With ``warm`` and no articles, the
    dictionaries are loaded in the background, so that the first upload does not wait for them.
    """
    from cardmaker.build import _warm_up, internal_error, lexicon_for
    from cardmaker.errors import CardmakerError
    from cardmaker.serve.session import Session
    from cardmaker.text.article import find_articles, read_article

    session = Session(lexicon or lexicon_for(options), options)
    page = Page(session, port)
    failed, notes = [], []
    for item in find_articles(articles):
        try:
            if isinstance(item, CardmakerError):
                raise item
            session.open(read_article(item, encoding))
            notes.extend(session.notes)
        except CardmakerError as e:
            failed.append(e)
        except Exception as e:  # a bug must not stop the page; it is reported with the article
            failed.append(internal_error(item, e))
    session.notes = notes
    if warm and not session.articles:
        def load():
            with session.lock:
                _warm_up(session.lexicon)
        threading.Thread(target=load, name="cardmaker-warm-up", daemon=True).start()
    return page, failed
