"""``invoke serve``: serve ``output/site`` on 127.0.0.1, rebuild on changes, reload the browser.

The server watches the content folder, the template folders and the configuration
file (watchfiles), runs an incremental build after each batch of changes and,
when a new site was published, tells every open page through a small
Server-Sent-Events endpoint. The reload script is added to HTML responses as they
are served; the built files are never changed.
"""

from __future__ import annotations

import mimetypes
import posixpath
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..config import Config, load_config
from ..errors import BuildError, ConfigError
from ..render.entry_files import EXPORT_TYPES
from .engine import build
from .output import OutputDir
from .progress import Progress, make_progress
from .report import BuildReport
from .stages import Stages

EVENTS_PATH = "/__evdigest__/events"
SCRIPT_PATH = "/__evdigest__/reload.js"
RELOAD_JS = '"use strict";\nnew EventSource("%s?since=%d").addEventListener("reload", () => location.reload());\n'
"""The reload script: listens for builds newer than the one the page came from."""
HEARTBEAT_SECONDS = 10.0


class Reloads:
    """A counter of published builds that waiting clients can block on."""

    def __init__(self) -> None:
        self.generation = 0
        self.closed = False
        self._cond = threading.Condition()

    def bump(self) -> None:
        """A new site was published: wake every waiting client."""
        with self._cond:
            self.generation += 1
            self._cond.notify_all()

    def close(self) -> None:
        """The server is stopping: wake every waiting client for good."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    def wait_past(self, generation: int, timeout: float) -> int:
        """Block until the counter passes ``generation`` (or ``timeout``); return the counter."""
        with self._cond:
            self._cond.wait_for(lambda: self.generation > generation or self.closed, timeout)
            return self.generation


def media_type(name: str) -> str:
    """The media type the server sends a file named ``name`` with: that of an entry's export as its page
    declares it (``.ris``, ``.bib``, ``.csl.json``, which the system's table does not know or knows otherwise),
    else the system's guess, else ``application/octet-stream``."""
    for extension, kind, _ in EXPORT_TYPES:
        if name.endswith("." + extension):
            return kind
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def script_tag(generation: int) -> bytes:
    """The tag that loads the reload script; ``generation`` is the site version the page was served from."""
    return b'<script src="%s?since=%d" defer></script>' % (SCRIPT_PATH.encode(), generation)


def inject_reload(html: bytes, generation: int = 0) -> bytes:
    """``html`` with the reload script added before ``</body>`` (or at the end)."""
    tag = script_tag(generation)
    marker = html.lower().rfind(b"</body>")
    if marker < 0:
        return html + tag
    return html[:marker] + tag + html[marker:]


def _since(query: str) -> int:
    """The ``since`` parameter of a query string (0 when absent or not a number)."""
    values = urllib.parse.parse_qs(query).get("since", ["0"])
    return int(values[0]) if values[0].isdigit() else 0


def make_handler(site: Callable[[], Path | None], reloads: Reloads) -> type[BaseHTTPRequestHandler]:
    """A request handler serving the current site folder (resolved on every request)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "evdigest-serve"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            return None

        head = False
        """Whether the request being answered is a HEAD: the answer's headers without its body."""

        def do_HEAD(self) -> None:  # noqa: N802 - the http.server naming
            """What a GET would answer, headers only (link checkers ask this way)."""
            self._answer(head=True)

        def do_GET(self) -> None:  # noqa: N802 - the http.server naming
            """The reload script, the events stream, or a file of the site."""
            self._answer(head=False)

        def _answer(self, *, head: bool) -> None:
            self.head = head
            url = urllib.parse.urlsplit(self.path)
            path = url.path
            if path == EVENTS_PATH and head:
                self._send(HTTPStatus.OK, "text/event-stream", b"")
            elif path == EVENTS_PATH:
                self._events(_since(url.query))
            elif path == SCRIPT_PATH:
                script = RELOAD_JS % (EVENTS_PATH, _since(url.query))
                self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", script.encode())
            else:
                self._file(path)

        def _file(self, url_path: str) -> None:
            root = site()
            target = resolve(root, url_path) if root else None
            if target is None:
                self._not_found(root, url_path)
                return
            if target.is_dir():
                if not url_path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", url_path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            try:
                data = target.read_bytes()
            except OSError:  # a folder without a page (en/entries/, export/, pagefind/), or one just replaced
                self._not_found(root, url_path)
                return
            kind = media_type(target.name)
            if kind == "text/html":
                data = inject_reload(data, reloads.generation)
            if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
                kind += "; charset=utf-8"
            self._send(HTTPStatus.OK, kind, data)

        def _not_found(self, root: Path | None, url_path: str) -> None:
            """The site's own 404 page (its edition's, when the path is below one), else a line of text."""
            clean = posixpath.normpath(urllib.parse.unquote(url_path)).lstrip("/")
            found = [resolve(root, f"/{clean.split('/')[0]}/404.html"), resolve(root, "/404.html")] if root else []
            page = next((p for p in found if p is not None and p.is_file()), None)
            if page is None:
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")
                return
            data = inject_reload(page.read_bytes(), reloads.generation)
            self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", data)

        def _events(self, seen: int) -> None:
            """Stream a ``reload`` event whenever a build newer than ``seen`` (the page's own) is published."""
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while not reloads.closed:
                    now = reloads.wait_past(seen, HEARTBEAT_SECONDS)
                    message = b"event: reload\ndata: %d\n\n" % now if now > seen else b": heartbeat\n\n"
                    seen = now
                    self.wfile.write(message)
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not self.head:
                self.wfile.write(data)

    return Handler


def resolve(root: Path, url_path: str) -> Path | None:
    """The file or folder under ``root`` that ``url_path`` names, or ``None`` (missing, or outside ``root``)."""
    clean = posixpath.normpath(urllib.parse.unquote(url_path)).lstrip("/")
    if clean.startswith("..") or "\0" in clean:
        return None
    target = root / clean if clean not in ("", ".") else root
    try:
        real = target.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return real if real.is_relative_to(root.resolve()) else None


class DevServer:
    """The server, the watcher and the rebuilds of one digest."""

    def __init__(
        self,
        content: Path,
        output: Path,
        *,
        config_file: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 8000,
        jobs: int = 0,
        stages: Stages | None = None,
        progress: Progress | None = None,
        watch_paths: Iterable[Path] = (),
    ) -> None:
        self.content, self.output, self.config_file = content, output, config_file
        self.jobs = jobs
        self.stages = stages
        self.progress = progress or make_progress(True)
        self.extra_watch = list(watch_paths)
        self.reloads = Reloads()
        self.out = OutputDir(output)
        self.httpd = ThreadingHTTPServer((host, port), make_handler(self.out.current_site, self.reloads))
        self.httpd.daemon_threads = True
        self.stop_event = threading.Event()
        self.last_report: BuildReport | None = None
        self.builds = 0

    @property
    def url(self) -> str:
        """The address the site is served at."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def config(self) -> Config:
        """The configuration as it is now (it is read again before every build)."""
        return load_config(self.content, self.output, config_file=self.config_file)

    def rebuild(self) -> BuildReport | None:
        """One incremental build; a published site makes every open page reload."""
        try:
            report = build(self.config(), jobs=self.jobs, progress=self.progress, stages=self.stages)
        except (ConfigError, BuildError) as err:
            self.progress.log(f"error: {err}")
            return None
        self.last_report = report
        self.builds += 1
        if report.published:
            self.reloads.bump()
        return report

    def watch_paths(self) -> list[Path]:
        """The content folder, the template folders and the configuration file."""
        config = self.config()
        paths = {config.content_dir}
        if config.config_file is not None:
            paths.add(config.config_file)
        if config.templates_dir is not None:
            paths.add(config.templates_dir)
        from .renderers import RealStages

        stages = self.stages or RealStages()
        paths.update(p.parent for p in stages.template_files(config))
        paths.update(self.extra_watch)
        return sorted((p for p in paths if p.exists()), key=str)

    def watch(self) -> None:
        """Rebuild after each batch of changes until :meth:`stop`."""
        from watchfiles import watch

        output = self.output.resolve()
        for changes in watch(*self.watch_paths(), stop_event=self.stop_event, debounce=200, step=50):
            changed = [Path(p) for _, p in changes if not Path(p).resolve().is_relative_to(output)]
            if changed:
                self.progress.log(f"changed: {', '.join(sorted(p.name for p in changed))}")
                self.rebuild()

    def changed_since(self, moment: float) -> list[Path]:
        """The watched files (outside the output folder) modified at or after ``moment`` (a ``time.time()``)."""
        output = self.output.resolve()
        found: list[Path] = []
        for root in self.watch_paths():
            for path in [root] if root.is_file() else root.rglob("*"):
                try:
                    if path.is_file() and path.stat().st_mtime >= moment and not path.resolve().is_relative_to(output):
                        found.append(path)
                except OSError:  # removed meanwhile
                    continue
        return sorted(set(found))

    def start(self) -> None:
        """Serve and watch in background threads (returns at once)."""
        threading.Thread(target=self.httpd.serve_forever, name="evdigest-http", daemon=True).start()
        threading.Thread(target=self.watch, name="evdigest-watch", daemon=True).start()

    def stop(self) -> None:
        """Stop watching and serving."""
        self.stop_event.set()
        self.reloads.close()
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(content: Path, output: Path, *, config_file: Path | None = None, port: int = 8000, jobs: int = 0) -> int:
    """Build, then serve ``output/site`` at http://127.0.0.1:PORT/ until interrupted (Ctrl-C)."""
    server = DevServer(content, output, config_file=config_file, port=port, jobs=jobs)
    began = time.time()
    report = server.rebuild()
    if report is None or (report.failed and server.out.current_site() is None):
        return 1
    server.start()
    edited = server.changed_since(began)
    if edited:  # the watcher starts after the first build: what was saved meanwhile is built now
        server.progress.log(f"changed: {', '.join(sorted(p.name for p in edited))}")
        server.rebuild()
    server.progress.log(f"Serving {server.out.site} at {server.url} (watching for changes; Ctrl-C stops)")
    try:
        server.stop_event.wait()
    except KeyboardInterrupt:
        server.progress.log("stopping")
    finally:
        server.stop()
    return 0


__all__ = ["DevServer", "inject_reload", "resolve", "serve"]
