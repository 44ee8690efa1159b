"""The digest PDF of the three sample sources, parallel summaries, and page images kept as test artifacts."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import subprocess
import time
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from test_pdf import check_glyphs, han_faces, page_text, squash

from evdigest.config import Config
from evdigest.enrich.glossary import corpus_glossary
from evdigest.ingest import ingest
from evdigest.model import Digest
from evdigest.refs.index import build_index
from evdigest.render.pdf import PdfRenderer, render_all

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "content" / "sources"
ARTIFACTS = ROOT / "output" / "test-artifacts"

# A contents line as extracted: "...title... 12" at the end of a line.
TOC_NUMBER_RE = re.compile(r"(\d+)\s*$")


@pytest.fixture(scope="module")
def digest() -> Digest:
    result = ingest(sorted(SOURCES.glob("*.txt")), ROOT / "content")
    linked, works = build_index(list(result.entries))
    return Digest(tuple(linked), tuple(works), tuple(corpus_glossary(linked)))


@pytest.fixture(scope="module")
def renderer(digest: Digest, tmp_path_factory: pytest.TempPathFactory) -> PdfRenderer:
    return PdfRenderer(Config(output_dir=tmp_path_factory.mktemp("out")), digest)


@pytest.fixture(scope="module")
def built(renderer: PdfRenderer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    cache = tmp_path_factory.mktemp("cache")
    start = time.perf_counter()
    cold = renderer.digest_pdf("zh-hans", cache)
    cold_seconds = time.perf_counter() - start
    start = time.perf_counter()
    warm = renderer.digest_pdf("zh-hans", cache)
    warm_seconds = time.perf_counter() - start
    print(f"\ndigest zh-hans: cold {cold_seconds:.2f} s, rebuild from cached parts {warm_seconds:.2f} s")
    return {"cold": cold, "warm": warm, "cache": cache, "cold_seconds": cold_seconds, "warm_seconds": warm_seconds}


def test_digest_outline_mirrors_contents(built: dict[str, object], digest: Digest) -> None:
    data = built["cold"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    assert len(outline) == len(digest.entries) + 2  # entries, reference index, glossary
    assert [title for title, _ in outline[-2:]] == ["参考文献索引", "术语表"]
    for entry, (title, _) in zip(digest.entries, outline, strict=False):
        assert title == entry.title.zh
    first_entry_page = outline[0][1]
    toc_text = "".join(squash(reader.pages[i].extract_text() or "") for i in range(1, first_entry_page - 1))
    toc_text = toc_text.split("细胞外囊泡综述文摘第")[0].removesuffix("目录")  # drop footer and running header
    starts = []
    for title, _ in outline:
        starts.append(toc_text.index(squash(title), starts[-1] if starts else 0))
    starts.append(len(toc_text))
    for (title, page), begin, end in zip(outline, starts, starts[1:], strict=False):
        line = toc_text[begin:end]
        assert re.search(rf"\D{page}$", line), f"contents line {line!r} does not end with page {page}"
        # the bookmark leads to the page that starts with that title
        assert squash(title)[:10] in squash(reader.pages[page - 1].extract_text() or "")
    numbers = [page for _, page in outline]
    assert numbers == sorted(numbers) and numbers[-1] <= len(reader.pages)


def test_contents_lines_are_links_to_their_pages(built: dict[str, object]) -> None:
    """Each line of the contents is a link (a jump inside the document) to the page its number names."""
    reader = pypdf.PdfReader(io.BytesIO(built["cold"]))
    outline = [reader.get_destination_page_number(item) + 1 for item in reader.outline]
    page_ids = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
    targets = set()
    for page in reader.pages[1 : outline[0] - 1]:
        for annot in page.get("/Annots") or []:
            action = annot.get_object()["/A"]
            assert action["/S"] == "/GoTo"
            rect = [float(v) for v in annot.get_object()["/Rect"]]
            assert abs(rect[2] - rect[0]) > 10 and abs(rect[3] - rect[1]) > 5
            targets.add(page_ids[action["/D"][0].idnum])
    assert targets == set(outline)


def test_digest_pages_titles_and_metadata(built: dict[str, object], digest: Digest, renderer: PdfRenderer) -> None:
    data = built["cold"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    summaries = sum(len(pypdf.PdfReader(io.BytesIO(renderer.entry_pdf(e, "zh-hans"))).pages) for e in digest.entries)
    assert len(reader.pages) > summaries  # cover, contents, index and glossary come on top
    text = page_text(data)
    for entry in digest.entries:
        assert squash(entry.title.zh) in text and squash(entry.title.en) in text
    assert "3篇综述" in text and Config().issue_date in text
    meta = reader.metadata
    assert meta.title == Config().title_zh
    assert meta.author and meta.subject and meta["/Keywords"]
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh-Hans"
    assert re.search(rf"第\d+页，共{len(reader.pages)}页", text)


def test_reference_index_names_citing_entries_readably(built: dict[str, object], digest: Digest) -> None:
    text = page_text(built["cold"])
    assert "^[" not in text
    for entry in digest.entries:
        assert entry.slug not in text
    citing = max(digest.entries, key=lambda e: len(e.references))  # the full text with 92 references
    author = citing.authors[0].name_zh
    label = rf"（引用于{author}等{citing.year}，{re.escape(squash(citing.title.zh)[:6])}[^\[]*…?\[(\d+)\]"
    numbers = {int(n) for n in re.findall(label, text)}
    assert numbers == {c.number for w in digest.works for c in w.cited_by if c.entry == citing.slug}
    assert len(numbers) > 80


def test_digest_rebuild_reuses_parts_and_is_identical(built: dict[str, object]) -> None:
    assert built["warm"] == built["cold"]
    assert built["warm_seconds"] < built["cold_seconds"] / 2
    parts = list(Path(built["cache"]).rglob("*.pdf"))
    assert len(parts) >= 3


def test_digest_fonts_and_scripts(built: dict[str, object], renderer: PdfRenderer) -> None:
    uses = check_glyphs(built["cold"])
    assert all("CJK-SC" in name for name in han_faces(uses))
    hant = renderer.digest_pdf("zh-hant")
    faces = han_faces(check_glyphs(hant))
    assert faces and all("CJK-TC" in name for name in faces)


def test_footnote_links_of_every_entry_lead_to_their_notes_in_the_digest(digest: Digest, tmp_path: Path) -> None:
    """Each entry's part names its notes' places, which the joined digest dropped: its links led nowhere."""
    entries = tuple(
        dataclasses.replace(
            e, commentary=f"Why {e.slug}.[^1]\n\n[^1]: Note of {e.slug}.\n", references=e.references[:2]
        )
        for e in digest.entries[:2]
    )
    small = dataclasses.replace(digest, entries=entries)
    data = PdfRenderer(Config(output_dir=tmp_path / "out"), small).digest_pdf("en", tmp_path / "cache")
    reader = pypdf.PdfReader(io.BytesIO(data))
    named = {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()}
    for entry in entries:
        links = {}
        for number, page in enumerate(reader.pages):
            for annot in page.get("/Annots") or ():
                target = annot.get_object().get("/Dest")
                if target is not None and entry.slug in str(target):
                    links[str(target)] = number
        note, mark = f"fn-commentary-{entry.slug}-1", f"fnref-commentary-{entry.slug}-1"
        assert set(links) == {note, mark}, entry.slug
        assert named[note] == named[mark] == links[note], entry.slug  # a short note: on the mark's page
        assert squash(f"Note of {entry.slug}.") in squash(reader.pages[named[note]].extract_text())


def _render_png(pdf: Path, stem: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / stem
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)], check=True
    )
    return prefix.with_suffix(".png")


def _ink_share(png: Path) -> float:
    """Share of non-white pixels (pdftoppm can also write PGM; read the PNG through pdfplumber's Pillow)."""
    from PIL import Image

    with Image.open(png) as image:
        gray = image.convert("L")
        histogram = gray.histogram()
    dark = sum(histogram[:200])
    return dark / sum(histogram)


def _text_inside_page(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for char in page.chars:
                assert 0 <= char["x0"] and char["x1"] <= page.width + 0.5, (number, char["text"], char["x1"])
                assert 0 <= char["top"] and char["bottom"] <= page.height + 0.5, (number, char["text"])


def test_page_images_are_kept_and_look_printed(built: dict[str, object], renderer: PdfRenderer, digest: Digest) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    entry = next(e for e in digest.entries if len(e.references) > 50)
    files = {
        "summary-zh-hans": renderer.entry_pdf(entry, "zh-hans"),
        "summary-en": renderer.entry_pdf(entry, "en"),
        "digest-zh-hans": built["cold"],
    }
    for stem, data in files.items():
        pdf = ARTIFACTS / f"{stem}.pdf"
        pdf.write_bytes(data)
        png = _render_png(pdf, f"{stem}-page1")
        assert 0.01 < _ink_share(png) < 0.5, stem  # neither blank nor flooded
        _text_inside_page(data)
    # the contents page of the digest too
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "2",
            "-l",
            "2",
            "-singlefile",
            str(ARTIFACTS / "digest-zh-hans.pdf"),
            str(ARTIFACTS / "digest-zh-hans-page2"),
        ],
        check=True,
    )


def test_render_all_in_two_workers(digest: Digest, tmp_path: Path) -> None:
    config = Config(output_dir=tmp_path / "out", editions=("en", "zh-hans"))
    site = tmp_path / "site"
    seen: list[str] = []
    start = time.perf_counter()
    messages = render_all(
        config, digest, site, jobs=2, cache_dir=tmp_path / "cache", progress=lambda d, t, label: seen.append(label)
    )
    seconds = time.perf_counter() - start
    assert messages == []
    files = sorted(p.name for p in (site / "pdf").iterdir())
    expected = sorted(
        [f"{e.slug}.{ed}.pdf" for e in digest.entries for ed in config.editions]
        + ["digest-en.pdf", "digest-zh-hans.pdf"]
    )
    assert files == expected
    pages = sum(len(pypdf.PdfReader(site / "pdf" / name).pages) for name in files if not name.startswith("digest"))
    print(
        f"\nrender_all --jobs 2: {pages} summary pages + 2 digests in {seconds:.2f} s ({pages / seconds:.1f} pages/s)"
    )
    assert set(expected) <= set(seen) and "digest-en back matter" in seen


def _count_layouts(renderer: PdfRenderer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    labels: list[str] = []
    render = PdfRenderer._render

    def counting(self: PdfRenderer, html: str, label: str, *, overlay: bool = False):
        labels.append(label)
        return render(self, html, label, overlay=overlay)

    monkeypatch.setattr(PdfRenderer, "_render", counting)
    return labels


def test_digest_rebuild_lays_out_only_the_changed_entry(
    built: dict[str, object], digest: Digest, tmp_path_factory: pytest.TempPathFactory, monkeypatch
) -> None:
    config = Config(output_dir=tmp_path_factory.mktemp("out"))
    cache = Path(built["cache"])
    unchanged = PdfRenderer(config, digest)
    unchanged.jobs = 1
    layouts = _count_layouts(unchanged, monkeypatch)
    assert unchanged.digest_pdf("zh-hans", cache) == built["cold"]
    assert layouts == []  # entries, index, glossary, front matter and footers all come from the parts cache

    changed_entry = dataclasses.replace(digest.entries[1], commentary="一条新的编者按。")
    entries = (digest.entries[0], changed_entry, *digest.entries[2:])
    changed = PdfRenderer(config, dataclasses.replace(digest, entries=entries))
    changed.jobs = 1
    data = changed.digest_pdf("zh-hans", cache)
    assert layouts and all(
        changed_entry.source in label or label.startswith(("digest", "footers")) for label in layouts
    )
    assert sum(changed_entry.source in label for label in layouts) == 1
    assert "一条新的编者按" in squash(page_text(data))


def test_footers_laid_out_in_chunks_are_the_footers_of_one_layout(
    renderer: PdfRenderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The footers of a long document are laid out a few pages at a time (one layout of thousands of
    pages held gigabytes); put together they read and number the same as one layout."""
    from evdigest.render import pdf as pdf_module

    whole = pypdf.PdfReader(io.BytesIO(renderer.overlay("en", 7, skip_first=True)))
    layouts = _count_layouts(renderer, monkeypatch)
    monkeypatch.setattr(pdf_module, "OVERLAY_CHUNK", 3)
    chunked = pypdf.PdfReader(io.BytesIO(renderer._footers("en", 7, True).data))
    assert len(layouts) == 3  # pages 1–3, 4–6, 7
    assert len(chunked.pages) == len(whole.pages) == 7
    for n, (a, b) in enumerate(zip(whole.pages, chunked.pages, strict=True), start=1):
        assert squash(a.extract_text()) == squash(b.extract_text())
        assert (f"Page {n} of 7" in a.extract_text()) == (n > 1)


def test_reference_index_and_glossary_laid_out_in_parts(
    digest: Digest, renderer: PdfRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long reference index or glossary is laid out a few hundred items at a time (one layout holds
    all its pages in memory); the parts read as one section: one contents line and bookmark, works
    numbered on from part to part, a "continued" line atop each later part, and every term kept."""
    from evdigest.render import pdf as pdf_module

    monkeypatch.setattr(pdf_module, "INDEX_CHUNK", 40)
    monkeypatch.setattr(pdf_module, "GLOSSARY_CHUNK", 10)
    chunked = PdfRenderer(Config(output_dir=tmp_path / "out"), digest)
    chunked.jobs = 1
    layouts = _count_layouts(chunked, monkeypatch)
    data = chunked.digest_pdf("en", tmp_path / "cache")
    works, terms = len(digest.works), len(digest.glossary)
    assert works > 80 and terms > 10
    index_layouts = [label for label in layouts if label.startswith("digest Reference index")]
    glossary_layouts = [label for label in layouts if label.startswith("digest Glossary")]
    assert len(index_layouts) == -(-works // 40) and len(glossary_layouts) == -(-terms // 10)
    assert index_layouts[1] == "digest Reference index 41–80 (en)"

    reader = pypdf.PdfReader(io.BytesIO(data))
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    assert [title for title, _ in outline[len(digest.entries) :]] == ["Reference index", "Glossary"]
    index_page, glossary_page = outline[-2][1], outline[-1][1]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        headers = [page.crop((0, 0, page.width, 60)).extract_text() or "" for page in pdf.pages]
    # every page after a section's first carries its running header, the first page of a later part too
    assert all(h == "Reference index" for h in headers[index_page : glossary_page - 1])
    assert all(h == "Glossary" for h in headers[glossary_page:])
    assert headers[index_page - 1] == headers[glossary_page - 1] == ""  # a section's own first page: its heading
    index_text = "\n".join(pages[index_page - 1 : glossary_page - 1])
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", index_text, re.MULTILINE)]
    assert numbers == list(range(1, works + 1))
    assert index_text.count("Reference index (continued)") == len(index_layouts) - 1
    glossary_text = squash("".join(pages[glossary_page - 1 :]))
    assert glossary_text.count(squash("Glossary (continued)")) == len(glossary_layouts) - 1
    for term in digest.glossary:
        assert squash(term.en or term.zh or "") in glossary_text

    layouts.clear()
    assert chunked.digest_pdf("en", tmp_path / "cache") == data
    assert layouts == []  # every part comes from the cache


def test_digest_joined_in_batches_is_the_same_file(
    built: dict[str, object], digest: Digest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond a few parts the digest is joined a batch at a time (fonts merged per batch), reading the
    parts from their files: the file is the same, byte for byte, as one join of every part."""
    import shutil

    from evdigest.render import pdf_merge

    cache = tmp_path / "cache"
    shutil.copytree(Path(built["cache"]), cache)  # other tests prune the shared cache to their digests
    whole = PdfRenderer(Config(output_dir=tmp_path / "out"), digest)
    whole.jobs = 1
    expected = whole.digest_pdf("zh-hans", cache)  # every part now stored

    batches: list[int] = []
    batch = pdf_merge._batch

    def counted(parts, variant):
        assert all(isinstance(part, Path) for part in parts)  # stored parts are read from their files
        batches.append(len(parts))
        return batch(parts, variant)

    monkeypatch.setattr(pdf_merge, "JOIN_BATCH", 2)
    monkeypatch.setattr(pdf_merge, "_batch", counted)
    batched = PdfRenderer(Config(output_dir=tmp_path / "out"), digest)
    batched.jobs = 1
    assert batched.digest_pdf("zh-hans", cache) == expected
    assert len(batches) > 1 and max(batches) == 2


def test_forked_digest_workers_find_parts_without_reading_entries(digest: Digest, tmp_path: Path, monkeypatch) -> None:
    """The entries are hashed before the digest workers are forked: a worker that read an entry through
    (its repr) would copy the memory holding it."""
    import os

    from evdigest.model import Entry

    config = Config(output_dir=tmp_path / "out", editions=("en", "zh-hans"))
    assert render_all(config, digest, tmp_path / "site", jobs=1, cache_dir=tmp_path / "cache") == []
    expected = {ed: (tmp_path / "site" / "pdf" / f"digest-{ed}.pdf").read_bytes() for ed in config.editions}
    parent, original = os.getpid(), Entry.__repr__

    def guarded(self: Entry) -> str:
        assert os.getpid() == parent, "a forked digest worker read an entry through"
        return original(self)

    monkeypatch.setattr(Entry, "__repr__", guarded)
    renderer = PdfRenderer(config, digest)
    renderer.jobs = 2
    made = {ed: renderer.digest_pdf(ed, tmp_path / "cache") for ed in config.editions}
    assert made == expected


def _worker_and_time(edition: str, cache_dir: Path | None):
    """A stand-in for the digest worker: the edition, the process that made it and when it ran."""
    import os

    from evdigest.render.pdf_digest import Built

    start = time.monotonic()
    time.sleep(0.3)
    return Built(edition, f"{os.getpid()} {start} {time.monotonic()}".encode(), None, ())


@pytest.mark.parametrize("large", [False, True])
def test_a_large_digest_is_made_edition_after_edition_each_in_a_fresh_process(
    digest: Digest, monkeypatch, large: bool
) -> None:
    import os

    from evdigest.render import pdf_digest

    config = Config(editions=("en", "zh-hans", "zh-hant"))
    renderer = PdfRenderer(config, digest)
    monkeypatch.setattr(pdf_digest, "_build_in_worker", _worker_and_time)
    monkeypatch.setattr(pdf_digest, "SIDE_BY_SIDE_ENTRIES", len(digest.entries) - 1 if large else len(digest.entries))
    built = pdf_digest.build_digests(renderer, config.editions, None, jobs=2)
    assert [b.edition for b in built] == list(config.editions)
    runs = [b.data.decode().split() for b in built]
    pids = [pid for pid, _, _ in runs]
    assert str(os.getpid()) not in pids
    spans = sorted((float(start), float(end)) for _, start, end in runs)
    overlapping = any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))
    if large:  # three processes, one after another
        assert len(set(pids)) == 3 and not overlapping
    else:  # two workers side by side
        assert len(set(pids)) == 2 and overlapping


def _layout_stand_in(edition: str, cache_dir: Path | None):
    """A stand-in for the lay-out worker: the process that laid out and when, and what it refused."""
    import os

    from evdigest.render.pdf_digest import Built, Layout

    start = time.monotonic()
    time.sleep(0.2)
    done = f"{os.getpid()} {start} {time.monotonic()}".encode()
    return Layout(edition, [done], b"", [], None), Built(edition, None, None, (f"refused in {edition}",))


def _join_stand_in(layout):
    """A stand-in for the join worker: the process that joined and when, and the lay-out it was given."""
    import os

    from evdigest.render.pdf_digest import Built

    start = time.monotonic()
    time.sleep(0.2)
    joined = f"{os.getpid()} {start} {time.monotonic()} ".encode() + layout.parts[0]
    return Built(layout.edition, joined, None, ())


def test_a_large_digest_is_laid_out_and_joined_by_two_processes_per_edition(
    digest: Digest, monkeypatch, tmp_path: Path
) -> None:
    """With a cache, each edition of a large digest is laid out by one forked process and joined by
    another, which is handed the lay-out, one after the other; what was refused is reported."""
    import os

    from evdigest.render import pdf_digest

    config = Config(editions=("en", "zh-hans", "zh-hant"))
    renderer = PdfRenderer(config, digest)
    monkeypatch.setattr(pdf_digest, "_lay_out_in_worker", _layout_stand_in)
    monkeypatch.setattr(pdf_digest, "_join_in_worker", _join_stand_in)
    monkeypatch.setattr(pdf_digest, "SIDE_BY_SIDE_ENTRIES", len(digest.entries) - 1)
    built = pdf_digest.build_digests(renderer, config.editions, tmp_path / "cache", jobs=2)
    assert [b.edition for b in built] == list(config.editions)
    assert all(b.refusals == (f"refused in {b.edition}",) for b in built)
    runs = [b.data.decode().split() for b in built]  # join pid, start, end, then the lay-out's
    pids = [pid for run in runs for pid in (run[0], run[3])]
    assert len(set(pids)) == 6 and str(os.getpid()) not in pids
    spans = sorted((float(run[i + 1]), float(run[i + 2])) for run in runs for i in (0, 3))
    assert not any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))


def test_a_large_digest_made_in_two_processes_is_the_digest_made_in_one(
    digest: Digest, monkeypatch, tmp_path: Path
) -> None:
    from evdigest.render import pdf_digest

    config = Config(editions=("en", "zh-hans"))
    alone = PdfRenderer(config, digest)
    expected = [pdf_digest.build_digest(alone, edition, tmp_path / "one") for edition in config.editions]
    monkeypatch.setattr(pdf_digest, "SIDE_BY_SIDE_ENTRIES", len(digest.entries) - 1)
    renderer = PdfRenderer(config, digest)
    built = pdf_digest.build_digests(renderer, config.editions, tmp_path / "two", jobs=2)
    assert [b.error for b in built] == [None, None]
    assert [b.data for b in built] == expected
