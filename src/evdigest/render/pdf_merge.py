"""Put PDF parts together with pikepdf: stamp footers, join documents, rebuild the outline and TOC links."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from .pdf_fontmerge import merge_fonts
from .pdf_structure import append_part

PAGE_LINK_SCHEME = "evdigest-page:"
"""TOC links are written as ``evdigest-page:<n>`` URIs and turned into in-document jumps when the parts are joined."""

OVERLAY_PREFIX = "/EvdigestFooter"


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """One bookmark: its title and 1-based page number."""

    title: str
    page: int


def _save(pdf: pikepdf.Pdf, variant: str | None) -> bytes:
    """Serialise deterministically: the file identifier is derived from the content."""
    out = io.BytesIO()
    streams = pikepdf.ObjectStreamMode.preserve if variant == "pdf/a-1b" else pikepdf.ObjectStreamMode.generate
    pdf.save(out, deterministic_id=True, compress_streams=True, object_stream_mode=streams)
    return out.getvalue()


def stamp(pdf: pikepdf.Pdf, overlay: pikepdf.Pdf, first: int = 0) -> None:
    """Draw page ``first + i`` of ``overlay`` over page ``i`` of ``pdf`` (footers, folios)."""
    for index, page in enumerate(pdf.pages):
        form = pdf.copy_foreign(overlay.pages[first + index].as_form_xobject())
        # A fixed resource name per page (pikepdf's add_overlay picks a random one, which breaks
        # reproducible output); WeasyPrint's pages share one /Resources dictionary, hence the page number.
        name = pikepdf.Name(f"{OVERLAY_PREFIX}{index + 1}")
        page.add_resource(form, pikepdf.Name.XObject, name)
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        # Footers are pagination artifacts, outside the tagged content.
        footer = b"Q\nq /Artifact BMC " + bytes(name.unparse()) + b" Do EMC Q\n"
        page.contents_add(pikepdf.Stream(pdf, footer), prepend=False)


def concatenate(documents: Sequence[bytes]) -> bytes:
    """The pages of ``documents`` one after another in one PDF (the first gives catalog and metadata)."""
    with contextlib.ExitStack() as sources:
        return _save(_joined(sources, documents), None)


def stamp_bytes(document: bytes, overlay: bytes, variant: str | None) -> bytes:
    """Return ``document`` with each page of ``overlay`` drawn over the page of the same number."""
    with pikepdf.open(io.BytesIO(document)) as pdf, pikepdf.open(io.BytesIO(overlay)) as over:
        stamp(pdf, over)
        merge_fonts(pdf)
        return _save(pdf, variant)


JOIN_BATCH = 100
"""Parts joined into one intermediate document (fonts merged) before the whole is put together."""


def _open(sources: contextlib.ExitStack, source: bytes | Path) -> pikepdf.Pdf:
    """Open a part for the length of ``sources``: from its file, or from bytes."""
    return sources.enter_context(pikepdf.open(source if isinstance(source, Path) else io.BytesIO(source)))


def _joined(sources: contextlib.ExitStack, parts: Sequence[bytes | Path]) -> pikepdf.Pdf:
    """The first of ``parts`` with the pages (and tags, and named destinations: :func:`_write_destinations`)
    of the others appended; every part stays open for the length of ``sources``, until the result is
    written."""
    pdf = _open(sources, parts[0])
    destinations = _destinations(pdf)
    for source in parts[1:]:
        part = _open(sources, source)
        append_part(pdf, part)
        for name, destination in _destinations(part).items():
            if name not in destinations:
                destinations[name] = _copied(pdf, destination)
    _write_destinations(pdf, destinations)
    return pdf


def _destinations(pdf: pikepdf.Pdf) -> dict[str, object]:
    """The named destinations of ``pdf`` (its catalog's ``/Names /Dests`` tree), by name."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return dict(pikepdf.NameTree(names.Dests).items())


def _write_destinations(pdf: pikepdf.Pdf, destinations: dict[str, object]) -> None:
    """Make ``destinations`` the named destinations of ``pdf``: one flat tree, in the order of the names.

    A link inside an entry (a commentary's footnote mark to its note and back) jumps to a destination named
    in its part's catalog, which appending the part's pages does not take over: without it, the digest's
    links would lead nowhere. The names carry the entry's slug (``fn-commentary-<slug>-1``), so no part's
    name is another's; were one met again, the first is kept. One tree written whole, not names added to
    the first part's one by one, is the same however the parts were batched (:func:`_batch`)."""
    if not destinations:
        return
    flat = pikepdf.Array()
    for name in sorted(destinations):
        flat.append(pikepdf.String(name))
        flat.append(destinations[name])
    if "/Names" not in pdf.Root:
        pdf.Root.Names = pikepdf.Dictionary()
    pdf.Root.Names.Dests = pdf.make_indirect(pikepdf.Dictionary(Names=flat))


def _copied(pdf: pikepdf.Pdf, value: object) -> object:
    """A value of another PDF in ``pdf``: an indirect object copied, a direct array (a destination: its page
    and position) with its indirect items copied, a number or name as it is."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copied(pdf, item) for item in value])
    return value


def _batch(parts: Sequence[bytes | Path], variant: str | None) -> bytes:
    """``parts`` joined into one PDF with one subset per face (a few parts' worth of bytes, where the
    parts embed a subset each)."""
    with contextlib.ExitStack() as sources:
        pdf = _joined(sources, parts)
        merge_fonts(pdf)
        return _save(pdf, variant)


def join(parts: Sequence[bytes | Path], overlay: bytes, outline: Sequence[OutlineItem], variant: str | None) -> bytes:
    """Join ``parts`` (the first one gives catalog, metadata and output intent), stamp ``overlay``, add the outline.

    Parts are given as bytes or as the files they are stored in. Beyond :data:`JOIN_BATCH` parts they are
    first joined a batch at a time (a part open for joining takes more memory than its file, and most
    of a part is its own font subsets, which a batch merges): a digest of a thousand entries is never
    held whole.
    """
    if len(parts) > JOIN_BATCH + 1:
        parts = [parts[0], *(_batch(parts[i : i + JOIN_BATCH], variant) for i in range(1, len(parts), JOIN_BATCH))]
    with contextlib.ExitStack() as sources:
        pdf = _joined(sources, parts)
        with pikepdf.open(io.BytesIO(overlay)) as over:
            stamp(pdf, over)
        merge_fonts(pdf)
        _resolve_page_links(pdf)
        _write_outline(pdf, outline)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        return _save(pdf, variant)


def _resolve_page_links(pdf: pikepdf.Pdf) -> None:
    """Turn ``evdigest-page:<n>`` URI links into GoTo actions to page ``n``."""
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            action = annot.get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            uri = str(action.get("/URI", ""))
            if not uri.startswith(PAGE_LINK_SCHEME):
                continue
            number = int(uri.removeprefix(PAGE_LINK_SCHEME))
            if 1 <= number <= len(pdf.pages):
                target = pdf.pages[number - 1].obj
                annot["/A"] = pikepdf.Dictionary(S=pikepdf.Name.GoTo, D=pikepdf.Array([target, pikepdf.Name.Fit]))


def _write_outline(pdf: pikepdf.Pdf, items: Sequence[OutlineItem]) -> None:
    with pdf.open_outline() as outline:
        outline.root.clear()
        for item in items:
            outline.root.append(pikepdf.OutlineItem(item.title, item.page - 1))


def page_count(data: bytes) -> int:
    """The number of pages of a PDF."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
