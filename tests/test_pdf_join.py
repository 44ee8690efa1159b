"""Joining laid-out parts into one PDF (the digest): each part's named destinations come along, quietly."""

from __future__ import annotations

import contextlib
import io
import warnings

import pikepdf

from evdigest.render.pdf_merge import _joined


def _part(name: str) -> bytes:
    """A one-page PDF naming a destination on its page and linking to it, as a part whose commentary has a footnote
    does."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    target = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.XYZ, 0, 100, 0])
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10], Dest=name)
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
    pdf.Root.Names = pikepdf.Dictionary(
        Dests=pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String(name), target])))
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_joining_parts_carries_their_named_destinations_without_a_warning() -> None:
    """pikepdf warns, for every part appended, that its named destinations stay behind; the join carries them,
    and the warning, printed among a build's lines, said what did not hold."""
    with warnings.catch_warnings(record=True) as caught, contextlib.ExitStack() as sources:
        warnings.simplefilter("always")
        pdf = _joined(sources, [_part("fn-a-1"), _part("fn-b-1"), _part("fn-c-1")])
        names = dict(pikepdf.NameTree(pdf.Root.Names.Dests).items())
        pages = [page.obj.objgen for page in pdf.pages]
        assert sorted(names) == ["fn-a-1", "fn-b-1", "fn-c-1"]
        assert [pages.index(names[name][0].objgen) for name in sorted(names)] == [0, 1, 2]
    assert not [w for w in caught if issubclass(w.category, pikepdf.PageCopyWarning)]
