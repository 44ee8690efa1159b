"""Keep the tags (PDF/UA structure tree) of every part when parts are joined.

WeasyPrint writes one ``/Document`` element under the ``/StructTreeRoot`` and a
flat ``/ParentTree`` keyed by each page's ``/StructParents`` (and each
annotation's ``/StructParent``).  To join a part, its keys are shifted past the
joined document's, its pages are appended, and its ``/Document`` children move
under the joined document's ``/Document`` element.
"""

from __future__ import annotations

import warnings

import pikepdf


def _nums(root: pikepdf.Dictionary) -> pikepdf.Array:
    return root.ParentTree.Nums


def _next_key(root: pikepdf.Dictionary) -> int:
    keys = [int(k) for k in list(_nums(root))[0::2]]
    return max(keys, default=-1) + 1


def _shift(part: pikepdf.Pdf, offset: int) -> None:
    """Renumber the part's parent-tree keys by ``offset`` (pages, annotations and the tree itself)."""
    for page in part.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset
    nums = _nums(part.Root.StructTreeRoot)
    for index in range(0, len(nums), 2):
        nums[index] = int(nums[index]) + offset


def _copy(pdf: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """Copy a parent-tree value: an indirect element, or a direct array of them."""
    if value.is_indirect:
        return pdf.copy_foreign(value)
    return pikepdf.Array([pdf.copy_foreign(item) if item.is_indirect else item for item in value])


def tagged(pdf: pikepdf.Pdf) -> bool:
    """Whether a PDF carries a WeasyPrint structure tree."""
    root = pdf.Root.get("/StructTreeRoot")
    return root is not None and "/ParentTree" in root and "/Nums" in root.ParentTree


def append_part(pdf: pikepdf.Pdf, part: pikepdf.Pdf) -> None:
    """Append the pages of ``part`` to ``pdf``, moving its structure elements along when both are tagged."""
    if not (tagged(pdf) and tagged(part)):
        _append_pages(pdf, part)
        return
    root = pdf.Root.StructTreeRoot
    _shift(part, _next_key(root))
    part_document = part.Root.StructTreeRoot.K[0]
    del part_document["/P"]
    part_nums = list(_nums(part.Root.StructTreeRoot))
    _append_pages(pdf, part)
    document = root.K[0]
    copied = pdf.copy_foreign(part_document)
    for kid in copied.K:
        kid.P = document
        document.K.append(kid)
    nums = _nums(root)
    for key, value in zip(part_nums[0::2], part_nums[1::2], strict=True):
        nums.append(key)
        nums.append(_copy(pdf, value))


def _append_pages(pdf: pikepdf.Pdf, part: pikepdf.Pdf) -> None:
    """Append the pages of ``part`` to ``pdf``. pikepdf warns that a part's named destinations are not taken
    along: the join carries them itself (:func:`~.pdf_merge._joined`), so the warning, printed to the
    build's output for every part with a footnote, says nothing that holds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        pdf.pages.extend(part.pages)
