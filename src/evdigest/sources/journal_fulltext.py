"""The ``journal-fulltext`` family: a Chinese journal article converted from PDF to Markdown-like text.

Such a text has front matter in both languages (titles, authors, affiliations,
structured abstracts, keywords), a body of numbered sections with tables and
figure captions, and a numbered reference list.  Latin author names in this
family are printed family name first ("Lyu Ruyue": family Lyu, given Ruyue).
The glossary is not read here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..errors import ParseError
from ..model import Citation, Entry, Link, Reference, Warning
from .base import Origin
from .citations import CitationIndex
from .fields import half_width_fields
from .fulltext_body import Body, read_body
from .fulltext_front import Front, find_english_tail, read_front
from .fulltext_labels import EN_ABSTRACT, EN_KEYWORDS, ZH_ABSTRACT, ZH_KEYWORDS, find_reference_heading
from .fulltext_meta import find_doi, merge_cite, read_cite, read_dates, read_funding, read_journal, read_license
from .fulltext_preprint import read_preprint
from .fulltext_reflines import OwnMarks
from .fulltext_refs import parse_reference_list
from .fulltext_text import Line, cjk_count, split_lines

name = "journal-fulltext"

# a full text holds at least this many Chinese characters
MIN_CJK = 50


def sniff(text: str) -> str | None:
    """Return ``None`` when the text is a journal full text, else the reason it is not."""
    lines = split_lines(text)
    if cjk_count(text) < MIN_CJK:
        return "fewer than 50 Chinese characters: not a Chinese journal article"
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) or '{"title"' in text:
        return "holds a JSON record, not the text of an article"
    heading = find_reference_heading(lines)
    if heading is None:
        return "no reference-list heading (参考文献 / References) found"
    front = lines[:heading]
    has_abstract = any(line.text and (ZH_ABSTRACT.match(line.text) or EN_ABSTRACT.match(line.text)) for line in front)
    has_keywords = any(line.text and (ZH_KEYWORDS.match(line.text) or EN_KEYWORDS.match(line.text)) for line in front)
    if not has_abstract and not has_keywords:
        return "no abstract (摘要 / Abstract) or keyword (关键词 / Key words) label before the references"
    return None


def parse(text: str, origin: Origin) -> Entry:
    """Parse a journal full text into an :class:`Entry`; raise :class:`ParseError` when it has another shape."""
    reason = sniff(text)
    if reason is not None:
        raise ParseError(origin.path, 1, f"not a journal full text: {reason}")
    lines = split_lines(text)
    heading = find_reference_heading(lines)
    if heading is None:  # sniff found it; kept for type checkers
        raise ParseError(origin.path, 1, "no reference-list heading found")
    warnings: list[Warning] = []
    tail_start = find_english_tail(lines, heading)
    tail = lines[tail_start:] if tail_start is not None else []
    front = read_front(lines, heading, warnings, tail)
    if front.title.zh is None and front.title.en is None:
        raise ParseError(origin.path, 1, "no title found before the abstract")
    body = read_body(front.without_footnotes(lines[front.body_start : heading]), warnings)
    detail_warnings: list[Warning] = []
    front_lines = lines[: front.body_start] + list(front.footnotes) + tail
    details = _details(front_lines, detail_warnings)
    details["dates"], posted, details["preprint"] = read_preprint(
        front_lines, origin.path, details["dates"], detail_warnings
    )
    journal = details["journal"]
    names = tuple(n for n in (journal.name, journal.name_zh, journal.abbrev) if n)
    own = OwnMarks(details["doi"], names, details["volume"], details["issue"], tuple(body.heads))
    ref_list = parse_reference_list([(line.number, line.text) for line in lines[heading + 1 : tail_start]], own)
    warnings.extend(ref_list.warnings)
    if not ref_list.references:
        warnings.append(
            Warning("references", "the reference list under the heading is empty", (), lines[heading].number)
        )
    references, body = _cite(ref_list.references, body, warnings)
    return _entry(origin, details, posted, front, body, references, [*warnings, *detail_warnings])


def _entry(
    origin: Origin,
    details: dict[str, Any],
    posted: Link | None,
    front: Front,
    body: Body,
    references: tuple[Reference, ...],
    warnings: list[Warning],
) -> Entry:
    license_, _ = read_license(body.back)
    entry = Entry(
        id="",
        slug="",
        source=origin.path,
        family=name,
        title=front.title,
        authors=tuple(front.authors),
        affiliations=tuple(front.affiliations),
        urls=tuple(front.urls) + ((posted,) if posted else ()),
        license=license_,
        abstract=front.abstract,
        keywords=front.keywords,
        definitions=front.definitions,
        sections=tuple(body.sections),
        tables=tuple(body.tables),
        figures=tuple(body.figures),
        references=references,
        glossary=(),
        warnings=tuple(warnings),
        **details,
    )
    return half_width_fields(entry)


def _details(front_lines: list[Line], warnings: list[Warning]) -> dict[str, Any]:
    """DOI, journal, year/volume/issue/pages, dates and funding from the front matter."""
    doi, _ = find_doi(front_lines)
    if doi is None:
        warnings.append(Warning("doi", "no DOI printed in the front matter"))
    zh_cite, en_cite, cite_line = read_cite(front_lines, warnings)
    if cite_line is None:
        warnings.append(
            Warning("journal", "no citation line (引用本文 / How to cite) with journal, year, volume, pages")
        )
    cite = merge_cite(zh_cite, en_cite, warnings, cite_line)
    return {
        "doi": doi,
        "journal": read_journal(front_lines, zh_cite, en_cite),
        "year": cite.year,
        "volume": cite.volume,
        "issue": cite.issue,
        "pages": cite.pages,
        "article_number": cite.article_number,
        "dates": read_dates(front_lines, warnings),
        "funding": read_funding(front_lines),
    }


def _cite(references: tuple[Reference, ...], body: Body, warnings: list[Warning]) -> tuple[tuple[Reference, ...], Body]:
    """Attach to each reference the sentences that cite it; the body with its citation markers written as
    the pages link them (``[1-2]`` → ``^[1-2]``, see :mod:`.citations`) in sections, tables and figures."""
    index = CitationIndex.empty(r.number for r in references)
    out = Body(back=body.back)
    for s in body.sections:
        out.sections.append(dataclasses.replace(s, paragraphs=index.add_all(s.number or s.title or None, s.paragraphs)))
    write = index.written_out  # the English caption: the same place as the Chinese one, not cited again
    for table in body.tables:
        caption = index.add_sentence(table.label, table.caption)
        rows = []
        for row in (table.header, *table.rows):  # a row cites as one sentence; its cells are written alike
            rows.append(tuple(write(cell) for cell in row))
            index.add_sentence(table.label, " | ".join(row))
        caption_en = write(table.caption_en) if table.caption_en else None
        note = index.add_sentence(table.label, table.note) if table.note else None
        out.tables.append(
            dataclasses.replace(
                table, caption=caption, caption_en=caption_en, header=rows[0], rows=tuple(rows[1:]), note=note
            )
        )
    for figure in body.figures:
        caption = index.add_sentence(figure.label, figure.caption)
        note = index.add_sentence(figure.label, figure.note) if figure.note else None
        caption_en = write(figure.caption_en) if figure.caption_en else None
        out.figures.append(dataclasses.replace(figure, caption=caption, note=note, caption_en=caption_en))
    if index.damaged:
        warnings.append(
            Warning("references.cited_in", "citation markers damaged by the conversion", tuple(index.damaged))
        )
    numbers = {r.number for r in references}
    unknown = sorted(n for n in index.cited if n not in numbers)
    if unknown and references:
        warnings.append(
            Warning("references.cited_in", "cited numbers missing from the reference list", tuple(map(str, unknown)))
        )
    if references and not index.cited:
        warnings.append(Warning("references.cited_in", "no citation markers found in the body; cited_in left empty"))
    elif references:
        uncited = [r for r in references if r.number not in index.cited]
        if uncited:
            numbers = tuple(str(r.number) for r in uncited)
            message = "references never cited in the body"
            warnings.append(Warning("references.cited_in", message, numbers, uncited[0].line))
    return tuple(_with_citations(r, index.cited.get(r.number, [])) for r in references), out


def _with_citations(reference: Reference, citations: list[Citation]) -> Reference:
    return Reference(
        number=reference.number,
        raw=reference.raw,
        cited_in=tuple(citations),
        line=reference.line,
        csl=reference.csl,
        work_id=reference.work_id,
    )
