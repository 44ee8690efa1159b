"""Summary PDFs: content, fonts, metadata, URL safety, determinism, archival and print variants."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import io
import json
import re
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pikepdf
import pypdf
import pytest
from fontTools.ttLib import TTFont

from evdigest.config import Config, PdfOptions
from evdigest.errors import FontError
from evdigest.model import Digest, Entry
from evdigest.render.pdf import PdfRenderer, check_fonts, print_copies, render_all

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"

# A Han character, e.g. "泌" in "外泌体".
HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# --- PDF inspection helpers (shared with test_pdf_digest.py) ---------------------------


@dataclasses.dataclass
class FontUse:
    """What one embedded font program draws."""

    name: str
    program: TTFont | None
    to_unicode: dict[int, str]
    gids: set[int]


def load_entry(name: str = "entry-lyu.json") -> Entry:
    """A hand-assembled bilingual entry (text taken from the journal-fulltext sample)."""
    return Entry.from_dict(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


def _parse_to_unicode(stream: pikepdf.Stream | None) -> dict[int, str]:
    """Map CIDs to text from a ToUnicode CMap (bfchar and bfrange sections)."""
    mapping: dict[int, str] = {}
    if stream is None:
        return mapping
    data = stream.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for offset, cid in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[cid] = chr(start + offset)
    return mapping


def _font_program(font: pikepdf.Dictionary) -> TTFont | None:
    """The embedded font program of a Type0 font (None when not embedded)."""
    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    descriptor = descendant.get("/FontDescriptor")
    if descriptor is None:
        return None
    for key in ("/FontFile3", "/FontFile2", "/FontFile"):
        if key in descriptor:
            return TTFont(io.BytesIO(descriptor[key].read_bytes()))
    return None


def _walk(
    resources: pikepdf.Dictionary, content: pikepdf.Object | pikepdf.Page, fonts: dict[str, FontUse], seen: set
) -> None:
    """Collect the glyph ids drawn with each font in a content stream and its form XObjects."""
    font_dict = resources.get("/Font", pikepdf.Dictionary())
    current: FontUse | None = None
    for operands, operator in pikepdf.parse_content_stream(content):
        op = str(operator)
        if op == "Tf":
            font = font_dict[str(operands[0])]
            key = f"{font.objgen}"
            if key not in fonts:
                fonts[key] = FontUse(
                    str(font.get("/BaseFont", "")),
                    _font_program(font),
                    _parse_to_unicode(font.get("/ToUnicode")),
                    set(),
                )
            current = fonts[key]
        elif op in ("Tj", "'", '"', "TJ") and current is not None:
            strings = operands[0] if op == "TJ" else [operands[-1]]
            for item in strings:
                if isinstance(item, pikepdf.String):
                    raw = bytes(item)
                    current.gids.update(int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2))
        elif op == "Do":
            xobject = resources.XObject[str(operands[0])]
            if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                _walk(xobject.get("/Resources", resources), xobject, fonts, seen)


def font_uses(data: bytes) -> list[FontUse]:
    """Every font drawn in a PDF with the glyphs it draws."""
    fonts: dict[str, FontUse] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            seen: set = set()
            _walk(page.Resources, page, fonts, seen)
    return list(fonts.values())


@functools.cache
def face_cmap(pdf_name: str) -> dict[int, str]:
    """The cmap of the installed face an embedded font was subset from (``/ABCDEF+Noto-Serif-CJK-SC-Bold``)."""
    postscript = pdf_name.lstrip("/").split("+")[-1]
    bold = postscript.endswith("-Bold")
    family = postscript.removesuffix("-Bold").removesuffix("-Oblique").replace("-", " ")
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    found = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{family}", pattern], capture_output=True, text=True)
    path, index, families = found.stdout.split("\t")
    assert family in families.split(","), f"{pdf_name}: the installed face is {families}"
    return TTFont(path, fontNumber=int(index), lazy=True).getBestCmap()


def check_glyphs(data: bytes) -> list[FontUse]:
    """Assert every font is embedded, no .notdef is drawn, and every drawn character is in its face's cmap."""
    uses = font_uses(data)
    assert uses, "no text drawn"
    for use in uses:
        assert use.program is not None, f"font {use.name} is not embedded"
        assert 0 not in use.gids, f"font {use.name} draws glyph 0 (.notdef, an empty box)"
        cmap = face_cmap(use.name)
        order = use.program.getGlyphOrder()
        for gid in use.gids:
            assert gid < len(order), f"font {use.name}: glyph {gid} is not in the embedded program"
            text = use.to_unicode.get(gid, "")
            assert text, f"font {use.name}: glyph {gid} has no text mapping"
            # Glyph variants (proportional punctuation, ligatures) differ from the cmap's default glyph;
            # the characters themselves must still be covered by the face.
            for char in text.strip():
                assert ord(char) in cmap, f"font {use.name}: {char!r} is not in the face's cmap"
    return uses


def han_faces(uses: list[FontUse]) -> dict[str, set[str]]:
    """The font names that draw Han characters, with the characters."""
    faces: dict[str, set[str]] = {}
    for use in uses:
        chars = {use.to_unicode.get(g, "") for g in use.gids}
        han = {c for c in chars if HAN_RE.fullmatch(c)}
        if han:
            faces.setdefault(use.name, set()).update(han)
    return faces


def page_text(data: bytes) -> str:
    """All extracted text, whitespace removed (CJK lines break anywhere)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def squash(text: str) -> str:
    """``text`` without whitespace, for comparing with :func:`page_text`."""
    return re.sub(r"\s+", "", text)


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def entry() -> Entry:
    return load_entry()


@pytest.fixture(scope="module")
def renderer(entry: Entry, tmp_path_factory: pytest.TempPathFactory) -> PdfRenderer:
    out = tmp_path_factory.mktemp("out")
    return PdfRenderer(Config(output_dir=out), Digest(entries=(entry,)))


@pytest.fixture(scope="module")
def summaries(renderer: PdfRenderer, entry: Entry) -> dict[str, bytes]:
    return {edition: renderer.entry_pdf(entry, edition) for edition in ("zh-hans", "en", "zh-hant")}


# --- content ----------------------------------------------------------------------------


def test_summary_pages_and_metadata(summaries: dict[str, bytes], entry: Entry) -> None:
    reader = pypdf.PdfReader(io.BytesIO(summaries["zh-hans"]))
    assert 2 <= len(reader.pages) <= 8
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    meta = reader.metadata
    assert meta.title == entry.title.zh
    assert "吕茹月" in meta.author
    assert entry.doi in meta.subject
    assert "外泌体" in meta["/Keywords"] and "exosome" in meta["/Keywords"]
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh-Hans"
    en = pypdf.PdfReader(io.BytesIO(summaries["en"])).metadata
    assert en.title == entry.title.en


def test_summary_qr_code_leads_to_the_entry_page(summaries: dict[str, bytes], entry: Entry) -> None:
    reader = pypdf.PdfReader(io.BytesIO(summaries["zh-hant"]))
    uris = [str(a.get_object()["/A"].get("/URI")) for a in reader.pages[0].get("/Annots", [])]
    page = f"{Config().base_url}zh-hant/entries/{entry.slug}/"
    assert page in uris and f"https://doi.org/{entry.doi}" in uris
    for annot in reader.pages[0]["/Annots"]:  # the code itself is the link: about 21 mm square
        if str(annot.get_object()["/A"].get("/URI")) == page:
            left, bottom, right, top = (float(v) for v in annot.get_object()["/Rect"])
            assert abs(right - left) > 50 and abs(top - bottom) > 50
    images = reader.pages[0]["/Resources"]["/XObject"]
    assert images  # the QR code is drawn (an SVG turned into a form XObject)


def test_summary_text_has_both_titles_and_all_parts(summaries: dict[str, bytes], entry: Entry) -> None:
    text = page_text(summaries["zh-hans"])
    assert squash(entry.title.zh) in text
    assert squash(entry.title.en) in text
    for section in (*entry.abstract.zh, *entry.abstract.en):
        assert squash(section.label) in text
    assert "关键词" in text and "10.12307/2025.573" in text
    assert squash(entry.references[-1].raw)[:40] in text  # the 92nd reference
    pages = len(pypdf.PdfReader(io.BytesIO(summaries["zh-hans"])).pages)
    footers = re.findall(r"第(\d+)页，共(\d+)页", text)
    assert footers == [(str(n), str(pages)) for n in range(1, pages + 1)]
    assert text.count(squash(Config().title_zh)) == pages
    assert "Page1of" in page_text(summaries["en"])


def test_summary_table_header_repeats_when_split(renderer: PdfRenderer, entry: Entry) -> None:
    rows = tuple((f"ROW{n:03d}", "外泌体 exosome", "分泌 secretion " * 8) for n in range(120))
    table = dataclasses.replace(entry.tables[0], rows=rows)
    data = renderer.entry_pdf(dataclasses.replace(entry, tables=(table,), references=()), "zh-hans")
    texts = [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    with_rows = [text for text in texts if "ROW" in text]
    assert len(with_rows) >= 2
    assert all("里程碑事件" in text for text in with_rows)  # the header repeats, and is not broken into lines
    assert "ROW119" in with_rows[-1]


def test_citation_markers_print_as_superscripts(renderer: PdfRenderer, entry: Entry) -> None:
    import pdfplumber

    table = dataclasses.replace(
        entry.tables[0],
        caption="外泌体研究的里程碑^[5-6, 46]",
        rows=(("2019年", "PATEL 等 ^[57]", "物理刺激 ^[58-59]"),),
    )
    data = renderer.entry_pdf(dataclasses.replace(entry, tables=(table,), references=()), "zh-hans")
    text = page_text(data)
    assert "^[" not in text and "^" not in text
    assert "PATEL等[57]" in text and "[5–6,46]" in text and "[58–59]" in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    texts = [c["text"] for c in chars]
    at = next(n for n in range(1, len(texts) - 3) if texts[n : n + 4] == ["[", "5", "7", "]"])
    name, marker = chars[at - 1], chars[at + 1]  # "等" and the "5" of "[57]"
    assert name["text"] == "等"
    assert marker["size"] < 0.8 * name["size"]  # set smaller ...
    assert marker["bottom"] < name["bottom"] - 1  # ... and raised


def test_missing_language_is_noted(renderer: PdfRenderer, entry: Entry) -> None:
    english_only = dataclasses.replace(
        entry,
        abstract=dataclasses.replace(entry.abstract, zh=()),
        keywords=dataclasses.replace(entry.keywords, zh=()),
        references=(),
        tables=(),
    )
    en = page_text(renderer.entry_pdf(english_only, "en"))
    assert "NoChineseabstractinthesource." in en and "NoChinesekeywordsinthesource." in en
    assert "原文沒有中文摘要" in page_text(renderer.entry_pdf(english_only, "zh-hant"))
    assert "原文没有" not in page_text(renderer.entry_pdf(entry, "zh-hans"))


def test_titles_are_not_hyphenated(renderer: PdfRenderer, entry: Entry) -> None:
    # At 15 pt beside the QR code this title used to print "cell mi-" / "gration".
    long_title = 'Migrasomes: the "functional footprints" left by cell migration'
    data = renderer.entry_pdf(
        dataclasses.replace(entry, title=dataclasses.replace(entry.title, en=long_title), references=()),
        "en",
    )
    head = (pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split("Abstract")[0]
    assert not re.search(r"[a-z]-\n", head)


def test_short_table_headings_stay_on_one_line(summaries: dict[str, bytes]) -> None:
    lines = [
        line.strip()
        for page in pypdf.PdfReader(io.BytesIO(summaries["zh-hans"])).pages
        for line in (page.extract_text() or "").splitlines()
    ]
    assert any(line.startswith("时间段 里程碑事件 具体发现内容") for line in lines)


def test_fonts_embedded_no_notdef_and_cmap(summaries: dict[str, bytes]) -> None:
    for data in summaries.values():
        uses = check_glyphs(data)
        assert len({u.name.split("+")[-1] for u in uses}) <= 3  # regular, bold (and synthetic oblique)


def test_simplified_in_sc_and_traditional_in_tc(summaries: dict[str, bytes]) -> None:
    for edition, script in (("zh-hans", "SC"), ("en", "SC"), ("zh-hant", "TC")):
        faces = han_faces(font_uses(summaries[edition]))
        assert faces, edition
        for name in faces:
            assert f"CJK-{script}" in name, f"{edition}: Han text set in {name}"
    hant = page_text(summaries["zh-hant"])
    assert "外泌體" in hant and "外泌体" not in hant


def test_font_check_passes_here() -> None:
    check_fonts()


def test_build_time_font_check_fails_in_a_process_without_fonts(tmp_path: Path) -> None:
    """A fresh process whose fontconfig knows no font folder at all: the check names what to install."""
    import os
    import sys

    conf = tmp_path / "empty-fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)}
    code = "from evdigest.render.pdf import check_fonts; check_fonts()"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("evdigest.errors.FontError: PDF fonts:")
    assert "Noto Serif CJK SC Regular is missing" in last and "Noto Serif CJK TC Bold is missing" in last
    assert "apt-get install fonts-noto-cjk" in last


def test_font_check_names_the_package_when_cjk_fonts_are_missing(tmp_path: Path, monkeypatch) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    with pytest.raises(FontError, match="fonts-noto-cjk"):
        check_fonts()


# --- safety -------------------------------------------------------------------------------


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counter.hits
    server.shutdown()
    server.server_close()


def _all_stream_bytes(data: bytes) -> bytes:
    chunks = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    chunks.append(obj.read_bytes())
                except pikepdf.PdfError:
                    chunks.append(obj.read_raw_bytes())
    return data + b"".join(chunks)


def test_commentary_puts_the_editions_language_first_as_the_site_does(renderer: PdfRenderer, entry: Entry) -> None:
    commentary = "A review of exosome secretion.\n\n这篇综述介绍了外泌体的分泌。"
    short = dataclasses.replace(entry, commentary=commentary, references=entry.references[:3], tables=())
    for edition, heading, first, second in (
        ("en", "Editor's commentary", "A review of exosome secretion.", "这篇综述介绍了外泌体的分泌。"),
        ("zh-hans", "编者评述", "这篇综述介绍了外泌体的分泌。", "A review of exosome secretion."),
        ("zh-hant", "編者評述", "這篇綜述介紹了外泌體的分泌。", "A review of exosome secretion."),
    ):
        text = page_text(renderer.entry_pdf(short, edition))  # without white space
        heading, first, second = ("".join(t.split()) for t in (heading, first, second))
        assert heading in text, edition
        assert text.index(heading) < text.index(first) < text.index(second), edition


def test_commentary_footnotes_print_as_numbered_notes_linked_both_ways(renderer: PdfRenderer, entry: Entry) -> None:
    """A commentary's ``x[^1]`` and ``[^1]: Note.`` printed as written; in Traditional Chinese too."""
    commentary = (
        "Secretion is regulated.[^a]\n\n外泌体的分泌受到调控[^注]。\n\n[^a]: Counted per cell.\n[^注]: 后来的研究。\n"
    )
    short = dataclasses.replace(entry, commentary=commentary, references=entry.references[:3], tables=())
    slug = entry.slug
    for edition, note, first, second in (
        ("en", "后来的研究。", "Secretionisregulated.1", "受到调控2"),
        ("zh-hant", "後來的研究。", "受到調控1", "Secretionisregulated.2"),
    ):
        data = renderer.entry_pdf(short, edition)
        text = page_text(data)
        assert "[^" not in text, edition
        # each language run with its notes after it, the edition's language first, numbered through the text
        english, chinese = text.index("Countedpercell."), text.index(note)
        assert text.index(first) < (english if edition == "en" else chinese) < text.index(second), edition
        assert text.index(second) < (chinese if edition == "en" else english), edition
        with pdfplumber.open(io.BytesIO(data)) as doc:  # by position: a note's number floats beside it
            lines = [squash(line) for page in doc.pages for line in (page.extract_text() or "").splitlines()]
        listed = [line for line in lines if line.endswith("↩") and ("Counted" in line or note in line)]
        assert listed == (
            ["1.Countedpercell.↩", f"2.{note}↩"] if edition == "en" else [f"1.{note}↩", "2.Countedpercell.↩"]
        )
        reader = pypdf.PdfReader(io.BytesIO(data))
        named = set(reader.named_destinations)
        links = {
            str(a.get_object().get("/Dest"))
            for page in reader.pages
            for a in page.get("/Annots") or ()
            if a.get_object().get("/Dest") is not None
        }
        wanted = {f"fn-commentary-{slug}-1", f"fn-commentary-{slug}-2", f"fnref-commentary-{slug}-1"}
        assert wanted <= links and links <= named, edition


def test_a_list_inside_a_footnote_keeps_its_numbers_and_bullets(renderer: PdfRenderer, entry: Entry) -> None:
    """Only the notes' own list has its numbers printed from the items' values: a list in a note keeps its
    markers (``1.``, ``2.`` and the bullets), and is no row of ``.`` beside its items."""
    commentary = (
        "Secretion is regulated.[^note]\n\n"
        "[^note]: A note with a list:\n\n    1. one\n    2. two\n\n    - apple\n    - pear\n"
    )
    short = dataclasses.replace(entry, commentary=commentary, references=entry.references[:3], tables=())
    data = renderer.entry_pdf(short, "en")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.decode().splitlines()]
    assert "1. one" in lines and "2. two" in lines
    assert {"◦ apple", "◦ pear"} <= set(lines) or {"• apple", "• pear"} <= set(lines)
    assert not any(line in (". one", ". two") or line.startswith(". ") for line in lines)
    assert any(line.startswith("1. A note with a list:") for line in lines)


def test_fetcher_refuses_local_files_and_network(renderer: PdfRenderer, entry: Entry, listener, tmp_path: Path) -> None:
    base, hits = listener
    secret = f"sentinel-{uuid.uuid4().hex}"
    sentinel = tmp_path / "sentinel.txt"
    sentinel.write_text(secret)
    commentary = (
        f"Remote ![remote]({base}/pixel.png) and local ![local]({sentinel.as_uri()}) "
        f"and relative ![rel](../../../../../../../..{sentinel}) images."
    )
    # the commentary's Markdown is sanitised as on the site: its images never reach the layout
    renderer.refusals.clear()
    data = renderer.entry_pdf(dataclasses.replace(entry, commentary=commentary), "en")
    assert hits == []
    assert secret.encode() not in _all_stream_bytes(data)
    assert not pypdf.PdfReader(io.BytesIO(data)).attachments
    assert any("Remote" in page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    # and images in a document the engine lays out are fetched by no one
    engine = renderer.engine
    engine.take_refused()
    html = f'<html><body><p>x<img src="{base}/pixel.png"><img src="{sentinel.as_uri()}"><img src="{sentinel}"></p></body></html>'
    rendered = engine.render(html)
    refused = "\n".join(engine.take_refused())
    assert hits == []
    assert secret.encode() not in _all_stream_bytes(rendered.data)
    assert f"{base}/pixel.png" in refused and "sentinel.txt" in refused


def test_fetcher_guards_stylesheets_and_attachments(renderer: PdfRenderer, listener, tmp_path: Path) -> None:
    base, hits = listener
    secret = f"sentinel-{uuid.uuid4().hex}"
    sentinel = tmp_path / "sentinel.txt"
    sentinel.write_text(secret)
    html = (
        f"<html><head><style>@import url({base}/x.css); body {{ background: url({base}/bg.png) }}</style>"
        f'<link rel="attachment" href="{sentinel.as_uri()}"><link rel="stylesheet" href="{base}/y.css"></head>'
        f'<body><p>x</p><a rel="attachment" href="{sentinel}">a</a><img src="{base}/i.png"></body></html>'
    )
    engine = renderer.engine
    engine.take_refused()
    rendered = engine.render(html)
    refused = engine.take_refused()
    assert hits == []
    assert secret.encode() not in _all_stream_bytes(rendered.data)
    assert not pypdf.PdfReader(io.BytesIO(rendered.data)).attachments
    assert any("sentinel.txt" in url for url in refused)
    assert any(url.startswith(base) for url in refused)


# --- determinism, archival and print variants -------------------------------------------


def test_same_bytes_with_source_date_epoch(entry: Entry, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    short = dataclasses.replace(entry, references=entry.references[:5], tables=())
    digest = Digest(entries=(short,))
    first = PdfRenderer(Config(output_dir=tmp_path), digest, parts_dir=None).entry_pdf(short, "en")
    second = PdfRenderer(Config(output_dir=tmp_path), digest, parts_dir=None).entry_pdf(short, "en")
    assert first == second
    assert pypdf.PdfReader(io.BytesIO(first)).metadata["/ModDate"].startswith("D:20260101000000")


def test_pdf_a_variant_has_xmp_output_intent_and_embedded_fonts(entry: Entry, tmp_path: Path) -> None:
    config = Config(output_dir=tmp_path, pdf=PdfOptions(variant="pdf/a-3b"))
    short = dataclasses.replace(entry, references=entry.references[:5], tables=())
    data = PdfRenderer(config, Digest(entries=(short,))).entry_pdf(short, "zh-hans")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
        assert "B" in re.search(r"pdfaid:conformance\W+(\w)", xmp).group(1)
        intents = pdf.Root.OutputIntents
        assert str(intents[0].S) == "/GTS_PDFA1" and "/DestOutputProfile" in intents[0]
    check_glyphs(data)


def test_print_copies_have_bleed_and_crop_marks(summaries: dict[str, bytes], tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "pdf" / "x.en.pdf").write_bytes(summaries["en"])
    written = print_copies(site, tmp_path / "print")
    assert [p.name for p in written] == ["x.en.pdf"]
    reader = pypdf.PdfReader(written[0])
    bleed = 3 * 72 / 25.4
    for page in reader.pages:
        trim, box, media = page.trimbox, page.bleedbox, page.mediabox
        assert trim.width == pytest.approx(595.28, abs=0.5)
        assert box.width == pytest.approx(trim.width + 2 * bleed, abs=0.01)
        assert media.width > box.width and media.height > box.height
    assert len(reader.pages) == len(pypdf.PdfReader(io.BytesIO(summaries["en"])).pages)
    with pikepdf.open(written[0]) as pdf:
        page = pdf.pages[0]
        ops = pikepdf.parse_content_stream(page)
        depth = [0]
        for op in ops:
            depth.append(depth[-1] + {"q": 1, "Q": -1}.get(str(op.operator), 0))
        assert min(depth) == 0 and depth[-1] == 0
        # the page's own drawing is one q ... Q group; the crop marks follow it: eight strokes outside the bleed
        wrapper_end = next(i for i, d in enumerate(depth[1:]) if d == 0)
        tail = ops[wrapper_end + 1 :]
        points = [[float(v) for v in op.operands] for op in tail if str(op.operator) in ("m", "l")]
        assert sum(str(op.operator) == "S" for op in tail) == 8 and len(points) == 16
        x0, y0, x1, y1 = (float(v) for v in page.obj.BleedBox)
        for x, y in points:
            assert not (x0 < x < x1 and y0 < y < y1), (x, y)


def test_render_error_fails_only_that_entry(entry: Entry, tmp_path: Path, monkeypatch) -> None:
    good = dataclasses.replace(entry, references=entry.references[:3], tables=())
    bad = dataclasses.replace(good, id="bad", slug="bad-entry", source="sources/bad-entry.txt")
    original = PdfRenderer._render

    def failing(self: PdfRenderer, html: str, label: str, *, overlay: bool = False):
        if "bad-entry" in label:
            raise ValueError("Invalid value for 'width': absurd")
        return original(self, html, label, overlay=overlay)

    monkeypatch.setattr(PdfRenderer, "_render", failing)
    config = Config(output_dir=tmp_path / "out", editions=("en",))
    messages = render_all(config, Digest(entries=(good, bad)), tmp_path / "site", jobs=1, cache_dir=None)
    assert any(m.startswith("sources/bad-entry.txt: PDF bad-entry.en.pdf failed: ValueError") for m in messages)
    assert any("digest-en.pdf leaves out bad-entry" in m for m in messages)
    written = sorted(p.name for p in (tmp_path / "site" / "pdf").iterdir())
    assert written == ["digest-en.pdf", f"{good.slug}.en.pdf"]
    assert "Regulatorymechanisms" in page_text((tmp_path / "site" / "pdf" / "digest-en.pdf").read_bytes())


def _struct_elements(root: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found, stack, seen = [], list(root.K), set()
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary) or element.objgen in seen:
            continue
        seen.add(element.objgen)
        found.append(element)
        kids = element.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(kids)
        elif isinstance(kids, pikepdf.Dictionary):
            stack.append(kids)
    return found


def test_pdf_ua_digest_keeps_the_tags_of_every_part(entry: Entry, tmp_path: Path) -> None:
    short = dataclasses.replace(entry, references=entry.references[:3], tables=())
    other = dataclasses.replace(
        short, id="other", slug="other", title=dataclasses.replace(short.title, zh="另一篇综述")
    )
    config = Config(output_dir=tmp_path, pdf=PdfOptions(variant="pdf/ua-1"), editions=("zh-hans",))
    data = PdfRenderer(config, Digest(entries=(short, other)), parts_dir=None).digest_pdf("zh-hans")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        pages = {page.obj.objgen for page in pdf.pages}
        elements = _struct_elements(root)
        assert all(e.Pg.objgen in pages for e in elements if "/Pg" in e)
        headings = [e for e in elements if e.get("/S") == "/H1"]
        assert len(headings) >= 3  # contents, and the title of each entry
        keys = [int(k) for k in list(root.ParentTree.Nums)[0::2]]
        assert len(keys) == len(set(keys))
        assert {int(page.obj.StructParents) for page in pdf.pages} <= set(keys)
        tagged_pages = {e.Pg.objgen for e in elements if "/Pg" in e}
        assert tagged_pages == pages


def _report_entry(job, entry_data=None):
    """A stand-in for the pool's worker function: what it was handed and where it ran."""
    import os
    import pickle

    from evdigest.render import pdf_pool

    slug = pickle.loads(entry_data).slug if entry_data is not None else None
    if job.kind == "summary":
        assert not pdf_pool._WORKER["entries"]
    return (job, slug, os.getpid())


def test_pool_hands_each_summary_its_entry_a_few_jobs_at_a_time(entry: Entry, monkeypatch) -> None:
    """Workers read each summary's entry from the job (not from the digest they inherited, whose pages
    they would copy), and the entries are pickled as jobs are handed over, not all at once."""
    import multiprocessing
    import os
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from evdigest.render import pdf_pool

    entries = {f"e{i}": dataclasses.replace(entry, id=f"e{i}", slug=f"e{i}") for i in range(5)}
    work = [pdf_pool.Job("", "en", "back")]
    work += [pdf_pool.Job(slug, edition) for slug in entries for edition in ("en", "zh-hans")]
    pickled: list[str] = []
    dumps = pickle.dumps

    def counting(value, *args, **kwargs):
        if isinstance(value, Entry):
            pickled.append(value.slug)
        return dumps(value, *args, **kwargs)

    monkeypatch.setattr(pdf_pool, "_run", _report_entry)
    monkeypatch.setitem(pdf_pool._WORKER, "entries", {})  # a worker looking there finds nothing
    monkeypatch.setattr(pdf_pool.pickle, "dumps", counting)
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    with pool:
        stream = pdf_pool._submitted(pool, work, entries, 2)
        first = next(stream)
        assert len(pickled) <= 3  # two handed over, one more after the first outcome
        outcomes = [first, *stream]
    assert sorted((job.slug, job.edition) for job, *_ in outcomes) == sorted((j.slug, j.edition) for j in work)
    assert all(slug == (job.slug if job.kind == "summary" else None) for job, slug, _ in outcomes)
    assert all(pid != os.getpid() for _, _, pid in outcomes)
    assert pickled == list(entries)  # once per entry, for both its editions


def test_summary_prints_a_tables_note_under_it(renderer: PdfRenderer, entry: Entry) -> None:
    from evdigest.model import Table

    table = Table("表 1", "不同来源的外泌体", ("来源", "作用"), (("骨髓", "促进血管新生"),), note="EV：细胞外囊泡^[2]")
    short = dataclasses.replace(entry, references=entry.references[:3], tables=(table,), figures=())
    assert "骨髓促进血管新生EV：细胞外囊泡[2]" in page_text(renderer.entry_pdf(short, "zh-hans"))
    assert "骨髓促進血管新生EV：細胞外囊泡[2]" in page_text(renderer.entry_pdf(short, "zh-hant"))


def test_summary_lists_the_figures_with_captions_and_notes(renderer: PdfRenderer, entry: Entry) -> None:
    from evdigest.model import Figure

    figures = (
        Figure("图 1", "PubMed 数据库检索策略", caption_en="Search strategy in PubMed"),
        Figure("图 4", "外泌体释放的模型^[50]", note="图注：TAT-5 维持质膜内磷脂酰乙醇胺不对称。"),
    )
    short = dataclasses.replace(entry, references=entry.references[:3], tables=(), figures=figures)
    hans = page_text(renderer.entry_pdf(short, "zh-hans"))
    assert "图图1PubMed数据库检索策略SearchstrategyinPubMed" in hans  # heading, label, caption, English caption
    assert "图4外泌体释放的模型[50]图注：TAT-5维持质膜内磷脂酰乙醇胺不对称。" in hans
    assert "Figures图1PubMed" in page_text(renderer.entry_pdf(short, "en"))
    hant = page_text(renderer.entry_pdf(short, "zh-hant"))
    assert "圖圖1PubMed資料庫檢索策略" in hant  # converted with the domain phrases (数据库 → 資料庫)
    none = page_text(renderer.entry_pdf(dataclasses.replace(short, figures=()), "en"))
    assert "Figures" not in none


def test_a_table_wider_than_the_page_fits_the_text_width(renderer: PdfRenderer, entry: Entry) -> None:
    """Nine columns, one of them a 48-letter sequence: every cell prints whole, in its column, on the page
    (the last columns ran off the right edge and were lost)."""
    import pdfplumber

    from evdigest.model import Table

    header = ("方法", "细胞类型", "释放倍数", "研究者", "发表时间", "序列", "标识符", "浓度", "备注")
    long_row = ("ACGT" * 12, "https://doi.org/10.1016/j.jconrel.2019.01.012", "1.5×10^9 particles/mL", "无")
    rows = (
        ("物理刺激", "人真皮微血管内皮细胞", "100 倍", "PATEL 等", "2019 年", *long_row),
        ("空间形状", "骨髓间充质干细胞", "3 倍", "KIM 等", "2018 年", "", "", "", ""),
        ("光刺激", "人内皮细胞", "1 倍", "BAGHERI 等", "2018 年", *long_row),
    )
    table = Table("表 2", "增加外泌体分泌的刺激方法", header, rows)
    short = dataclasses.replace(entry, references=(), tables=(table,), figures=())
    for edition in ("zh-hans", "en"):
        data = renderer.entry_pdf(short, edition)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = next(p for p in pdf.pages if "ACGT" in (p.extract_text() or ""))
            right = float(page.width) - 18 / 25.4 * 72  # the right margin, 18 mm
            assert max(c["x1"] for c in page.chars) <= right + 1
            words = page.extract_words()
            lefts = [next(w["x0"] for w in words if w["text"].startswith(name)) for name in header]
            assert lefts == sorted(lefts)
            edges = [*lefts, right + 1]
            for column, name in enumerate(header):
                strip = page.crop((edges[column] - 1, 0, edges[column + 1] - 1, page.height))
                text = squash(strip.extract_text() or "").replace("-", "")  # "BA-GHERI" hyphenated in English
                assert name in text
                for row in rows:
                    assert squash(row[column]) in text, (edition, name, row[column])


def test_digest_glossary_in_the_order_of_the_sites_glossary_page(entry: Entry, tmp_path: Path) -> None:
    """The Chinese editions' glossary was printed in the order of the English terms (三維 / 3-dimensional,
    應用前景 / application prospects, …) while their site pages list the terms by the Chinese term's pinyin."""
    from evdigest.model import GlossaryTerm
    from evdigest.render.i18n import edition as edition_named
    from evdigest.render.index_view import glossary_rows

    terms = (
        GlossaryTerm("三维", "3-dimensional", "3D"),
        GlossaryTerm("应用前景", "application prospects", None),
        GlossaryTerm("生物学功能", "biological functions", None),
        GlossaryTerm("2019冠状病毒病", "coronavirus disease 2019", "COVID-19"),
        GlossaryTerm("多囊泡体", "multivesicular bodies", "MVBs"),
        GlossaryTerm(None, "tetraspanin", None),
    )
    short = dataclasses.replace(entry, references=entry.references[:3], tables=(), figures=(), glossary=terms)
    renderer = PdfRenderer(Config(output_dir=tmp_path), Digest(entries=(short,), glossary=terms))
    orders = {}
    for code, heading in (("zh-hant", "術語表"), ("en", "Glossary")):
        text = page_text(renderer.digest_pdf(code))
        glossary = text[text.rindex(heading) :]
        rows = glossary_rows(terms, {}, str, {}, str, edition_named(code))
        site = [row["en"] for row in rows]
        assert sorted(site, key=lambda en: glossary.index(squash(en))) == site, code
        orders[code] = site
    assert orders["zh-hant"][:3] == ["coronavirus disease 2019", "multivesicular bodies", "3-dimensional"]
    assert orders["en"][:2] == ["3-dimensional", "application prospects"]


def test_a_doi_holding_angle_brackets_and_a_hash_is_escaped_in_the_pdfs_links(entry: Entry) -> None:
    from evdigest.render.pdf_docs import Documents

    sici = dataclasses.replace(entry, doi="10.1002/(sici)1097-4636(199706)35:4<507::aid-jbm11>3.0.co;2-#")
    url = "https://doi.org/10.1002/(sici)1097-4636(199706)35:4%3C507::aid-jbm11%3E3.0.co;2-%23"
    view, html = Documents(Config(base_url=""), Digest(entries=(sici,))).entry_html(sici, "en")
    assert {h for h in re.findall(r'href="([^"]*)"', html) if "sici" in h} == {url}  # no link cut at "#"
    assert view.qr_url == url  # without a site the QR code leads to the DOI
