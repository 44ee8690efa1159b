"""The dev server: serves the site on 127.0.0.1, injects the reload script, rebuilds on changes."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from build_doubles import FakeStages, make_corpus, write_source

from evdigest.build.progress import QuietProgress
from evdigest.build.serve import EVENTS_PATH, DevServer, inject_reload, resolve, script_tag


@pytest.fixture
def server(tmp_path: Path):
    content, output = make_corpus(tmp_path, 2)
    dev = DevServer(content, output, port=0, stages=FakeStages(tmp_path), progress=QuietProgress(), jobs=1)
    assert dev.rebuild().published
    dev.start()
    yield dev, content, output
    dev.stop()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def test_serves_pages_with_the_reload_script_but_never_changes_the_files(server) -> None:
    dev, content, output = server
    assert dev.url.startswith("http://127.0.0.1:")
    page = fetch(dev.url + "html/s0.html")
    assert script_tag(dev.reloads.generation) in page and page.startswith(b"html template v1|Review number 0")
    assert b"__evdigest__" not in (output / "site" / "html" / "s0.html").read_bytes()
    assert fetch(dev.url + "pdf/s0.txt").startswith(b"pdf template v1")
    assert b'EventSource("/__evdigest__/events?since=3")' in fetch(dev.url + "__evdigest__/reload.js?since=3")
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(dev.url + "../../etc/passwd")
    assert err.value.code == 404


def test_exports_are_sent_with_the_media_types_their_links_declare(server) -> None:
    """An entry's RIS, BibTeX and CSL-JSON files go out with the types its page's links declare: the system's
    table sent ``.ris`` as ``application/octet-stream``."""
    dev, content, output = server
    export = output / "site" / "export"
    export.mkdir(exist_ok=True)
    for name in ("a.ris", "a.bib", "a.csl.json", "a.refs.ris"):
        (export / name).write_bytes(b"x")
    kinds = {}
    for name in ("a.ris", "a.bib", "a.csl.json", "a.refs.ris"):
        with urllib.request.urlopen(dev.url + "export/" + name, timeout=10) as response:
            kinds[name] = response.headers["Content-Type"]
    assert kinds == {
        "a.ris": "application/x-research-info-systems",
        "a.bib": "application/x-bibtex",
        "a.csl.json": "application/vnd.citationstyles.csl+json",
        "a.refs.ris": "application/x-research-info-systems",
    }


def test_head_requests_and_the_sites_own_not_found_page(server) -> None:
    dev, content, output = server
    site = output / "site"
    (site / "404.html").write_bytes(b"<html><body>site-wide 404</body></html>")
    (site / "html" / "404.html").write_bytes(b"<html><body>html 404</body></html>")
    host, port = dev.url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("HEAD", "/html/s0.html")
    response = connection.getresponse()
    assert response.status == 200
    assert int(response.getheader("Content-Length")) == len(fetch(dev.url + "html/s0.html"))

    def raw(request: bytes) -> bytes:  # what the server sends, as sent (http.client reads no body of a HEAD)
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(request)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    head, _, body = raw(b"HEAD /html/s0.html HTTP/1.0\r\n\r\n").partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200") and body == b""
    head, _, body = raw(b"HEAD " + EVENTS_PATH.encode() + b" HTTP/1.0\r\n\r\n").partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200") and b"text/event-stream" in head and body == b""
    (site.resolve().parent / "404.html").write_bytes(b"outside the site")  # a 404 page above the site's
    answer = raw(b"GET /../nothing HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 404") and b"outside the site" not in answer and b"site-wide 404" in answer
    for path, text in (("/html/missing.html", b"html 404"), ("/nowhere/at/all", b"site-wide 404")):
        with pytest.raises(urllib.error.HTTPError) as err:
            fetch(dev.url + path.lstrip("/"))
        assert err.value.code == 404 and err.value.headers["Content-Type"].startswith("text/html")
        body = err.value.read()
        assert text in body and script_tag(dev.reloads.generation) in body
    connection.close()


def test_a_folder_without_a_page_answers_the_sites_not_found_page(server) -> None:
    """``/html/`` and ``/pdf/`` hold files but no ``index.html``: the server dropped the connection (reading the
    missing page raised); it answers 404 with the site's own page, its folder's where there is one."""
    dev, content, output = server
    site = output / "site"
    (site / "404.html").write_bytes(b"<html><body>site-wide 404</body></html>")
    (site / "html" / "404.html").write_bytes(b"<html><body>html 404</body></html>")
    assert not (site / "html" / "index.html").exists() and not (site / "pdf" / "index.html").exists()
    for path, text in (("html/", b"html 404"), ("pdf/", b"site-wide 404")):
        with pytest.raises(urllib.error.HTTPError) as err:
            fetch(dev.url + path)
        assert err.value.code == 404 and err.value.headers["Content-Type"].startswith("text/html"), path
        assert text in err.value.read(), path


def test_a_changed_source_is_rebuilt_and_the_browser_told(server) -> None:
    dev, content, output = server
    reports = []  # every build the watcher runs (the page can be served before a build returns)
    build_once = dev.rebuild

    def recording_rebuild():
        report = build_once()
        reports.append(report)
        return report

    dev.rebuild = recording_rebuild
    host, port = dev.httpd.server_address[:2]
    events = http.client.HTTPConnection(host, port, timeout=20)
    events.request("GET", EVENTS_PATH)
    stream = events.getresponse()
    assert stream.getheader("Content-Type") == "text/event-stream"
    assert stream.readline() == b": connected\n"
    deadline = time.monotonic() + 30
    attempt = 0
    while b"Edited while serving" not in fetch(dev.url + "html/s1.html"):
        assert time.monotonic() < deadline, "the page was never rebuilt"
        if attempt % 30 == 0:  # (again) in case the watcher had not started yet
            write_source(content, "s1", f"Edited while serving ({attempt})")
        attempt += 1
        time.sleep(0.1)
    line = stream.readline()
    for _ in range(10):  # skip blank separators and heartbeats
        if line.startswith(b"event:"):
            break
        line = stream.readline()
    assert line == b"event: reload\n" and stream.readline().startswith(b"data: ")
    events.close()
    while not reports:
        assert time.monotonic() < deadline, "the build never returned"
        time.sleep(0.05)
    rebuilt = [report.rebuilt("html") for report in reports if report is not None]
    assert ["s1", "aggregates"] in rebuilt
    assert all(set(names) <= {"s1", "aggregates"} for names in rebuilt)


def test_inject_reload_places_the_script_before_body_end() -> None:
    tag = script_tag(4)
    assert tag == b'<script src="/__evdigest__/reload.js?since=4" defer></script>'
    assert inject_reload(b"<html><body>x</body></html>", 4) == b"<html><body>x" + tag + b"</body></html>"
    assert inject_reload(b"fragment", 4) == b"fragment" + tag


def test_a_page_served_before_a_build_reloads_even_if_it_connects_late(server) -> None:
    """The events stream compares with the page's own version, so a build that finished
    before the page's script connected still reloads it."""
    dev, content, output = server
    served = dev.reloads.generation
    dev.reloads.bump()
    host, port = dev.httpd.server_address[:2]
    events = http.client.HTTPConnection(host, port, timeout=20)
    events.request("GET", f"{EVENTS_PATH}?since={served}")
    stream = events.getresponse()
    lines = [stream.readline() for _ in range(3)]
    events.close()
    assert lines == [b": connected\n", b"\n", b"event: reload\n"]


def test_resolve_stays_inside_the_site(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    (tmp_path / "link").symlink_to("/etc")
    assert resolve(tmp_path, "/a/") == (tmp_path / "a").resolve()
    assert resolve(tmp_path, "/a/index.html") == (tmp_path / "a" / "index.html").resolve()
    assert resolve(tmp_path, "/../etc/passwd") is None
    assert resolve(tmp_path, "/link/passwd") is None
    assert resolve(tmp_path, "/missing.html") is None


def test_what_was_saved_during_the_first_build_is_found(tmp_path: Path) -> None:
    """The watcher starts once the first build is served: a file saved while that build ran is found among the
    watched files changed since it began (and built then), the output folder's files are not."""
    content, output = make_corpus(tmp_path, 2)
    dev = DevServer(content, output, port=0, stages=FakeStages(tmp_path), progress=QuietProgress(), jobs=1)
    began = time.time()
    assert dev.rebuild().published
    assert dev.changed_since(began + 60) == []
    write_source(content, "s0", "Edited while the first build ran")
    edited = dev.changed_since(began)
    assert content / "sources" / "s0.txt" in edited
    assert not [p for p in edited if output in p.parents]
    dev.httpd.server_close()
