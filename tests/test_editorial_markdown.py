"""Editorial Markdown on the pages: headings fitted under the page's own, each level kept; footnotes linked to
their notes and back, with ids of their own on every page."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from test_site_render import BASE_URL, XHTML, iter_with_lang, parse_page_bytes, sample_digest, tag

from evdigest.config import Config
from evdigest.render.markdown import render_markdown
from evdigest.render.pdf_view import ViewBuilder
from evdigest.render.site import SiteRenderer

COMMENTARY = """# Background

A review of migrasomes.[^1]

## Methods

Searched PubMed.

[^1]: Named.
"""
"""A commentary opening on a level-one heading, a level-two one under it and a footnote."""

NOTES = """A review of migrasomes.[^named] Migrasomes were named in 2015.[^named]

迁移体是细胞迁移时留下的囊泡[^注]，发现于2015年。

[^named]: Named after *migration*.
[^注]: 后来发现它们也运送线粒体。
"""
"""A commentary with an English footnote marked twice and a Chinese one (whose label is Chinese)."""

DEEP = """# Background

## Methods

### Search

#### Terms

##### Synonyms

Ectosome, exosome.
"""
"""A commentary with headings of five levels: under the commentary's h2, the fifth is past h6."""

ABOUT = """# About

Intro.

# Sources

Where the texts come from.

## Records

Platform records.
"""
"""An about page whose title is followed by another level-one heading."""


def renderer(
    tmp: Path,
    commentary: str = COMMENTARY,
    about: str = ABOUT,
    editions: tuple[str, ...] = ("en",),
    markdown_html: bool = False,
) -> tuple[SiteRenderer, object]:
    content = tmp / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text(about, encoding="utf-8")
    digest = sample_digest()
    liu = next(e for e in digest.entries if e.slug == "liu-2025-migrasomes")
    liu = dataclasses.replace(liu, commentary=commentary)
    digest = dataclasses.replace(digest, entries=tuple(liu if e.slug == liu.slug else e for e in digest.entries))
    config = Config(content_dir=content, base_url=BASE_URL, editions=editions, markdown_html=markdown_html)
    return SiteRenderer(config, digest), liu


def outline(root, where: str) -> list[tuple[str, str]]:
    """The headings of the part of a page holding ``where`` (a section's class, or ``article``)."""
    part = next(el for el in root.iter() if el.get("class") == where or tag(el) == where)
    return [(tag(el), "".join(el.itertext())) for el in part.iter() if tag(el) in {f"h{n}" for n in range(1, 7)}]


def levels(root, where: str) -> list[tuple[int, str]]:
    """The heading levels of the part of a page holding ``where``, as a screen reader tells them: an h1–h6's
    number, an element with the heading role its ``aria-level``."""
    part = next(el for el in root.iter() if el.get("class") == where or tag(el) == where)
    found = []
    for el in part.iter():
        if tag(el) in {f"h{n}" for n in range(1, 7)}:
            found.append((int(tag(el)[1:]), "".join(el.itertext())))
        elif el.get("role") == "heading":
            found.append((int(el.get("aria-level")), "".join(el.itertext())))
    return found


def footnotes(root, where: str) -> list[tuple[str, str, list[str]]]:
    """Each footnote mark of the part of a page holding ``where``: the mark's text, the text of the note it
    links to (an element of the page) and where the note's links back lead (elements of the page)."""
    part = next(el for el in root.iter() if el.get("class") == where or tag(el) == where)
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    found = []
    for sup in part.iter(f"{XHTML}sup"):
        if sup.get("class") != "footnote-ref":
            continue
        link = sup.find(f"{XHTML}a")
        note = by_id[link.get("href").removeprefix("#")]
        back = [a for a in note.iter(f"{XHTML}a") if a.get("class") == "footnote-backref"]
        assert tag(note) == "li" and all(by_id[a.get("href").removeprefix("#")] is not None for a in back)
        found.append(("".join(sup.itertext()), "".join(note.itertext()).strip(), [a.get("href") for a in back]))
    return found


def duplicate_ids(root) -> list[str]:
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    return sorted({i for i in ids if ids.count(i) > 1})


def test_a_commentary_s_headings_sit_under_its_own_heading(tmp_path: Path) -> None:
    """``# Background`` was bare text, ``## Methods`` an h2 beside the commentary's: they are h3 and h4."""
    site, liu = renderer(tmp_path)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    assert outline(root, "commentary") == [("h2", "Editor's commentary"), ("h3", "Background"), ("h4", "Methods")]
    pdf = str(ViewBuilder(site.config, site.digest.works).entry(liu, "en").commentary)
    assert "<h3>Background</h3>" in pdf and "<h4>Methods</h4>" in pdf


def test_an_about_page_s_headings_sit_under_its_title(tmp_path: Path) -> None:
    site, _ = renderer(tmp_path)
    (about,) = site.pages
    root = parse_page_bytes(site.about_page("en", about))
    assert outline(root, "article") == [("h1", "About"), ("h2", "Sources"), ("h3", "Records")]


def test_headings_past_h6_keep_a_level_of_their_own(tmp_path: Path) -> None:
    """Under the commentary's h2, ``####`` is h6 and ``#####`` was h6 too: one level of the outline."""
    site, liu = renderer(tmp_path, DEEP)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    shown = [(2, "Editor's commentary"), (3, "Background"), (4, "Methods"), (5, "Search"), (6, "Terms")]
    assert levels(root, "commentary") == [*shown, (7, "Synonyms")]
    deep = next(el for el in root.iter(f"{XHTML}p") if el.get("role") == "heading")
    assert "".join(deep.itertext()) == "Synonyms"
    pdf = str(ViewBuilder(site.config, site.digest.works).entry(liu, "en").commentary)
    assert '<h6>Terms</h6>\n<p role="heading" aria-level="7">Synonyms</p>' in pdf


def test_footnotes_link_to_their_notes_and_back_in_every_edition(tmp_path: Path) -> None:
    """``x[^1]`` with ``[^1]: Note.`` showed as written; the Chinese label and note survive conversion."""
    site, liu = renderer(tmp_path, NOTES, editions=("en", "zh-hans", "zh-hant"))
    chinese = {
        "en": "后来发现它们也运送线粒体。",
        "zh-hans": "后来发现它们也运送线粒体。",
        "zh-hant": "後來發現它們也運送線粒體。",
    }
    for code in ("en", "zh-hans", "zh-hant"):
        root = parse_page_bytes(site.entry_page(liu, code))
        english, first = ("1", 1) if code == "en" else ("2", 2)
        named = [f"#fnref-commentary-{first}", f"#fnref-commentary-{first}:1"]
        marks = [(english, "Named after migration. ↩︎ ↩︎", named)] * 2
        other = ("2" if code == "en" else "1", f"{chinese[code]} ↩︎", [f"#fnref-commentary-{3 - first}"])
        assert footnotes(root, "commentary") == ([*marks, other] if code == "en" else [other, *marks]), code
        assert duplicate_ids(root) == [], code
        section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
        assert "[^" not in "".join(section.itertext()), code


def test_a_bilingual_commentary_s_runs_keep_their_language_and_order_with_their_notes(tmp_path: Path) -> None:
    """A footnote definition made the whole text one run in the majority's language: the Chinese paragraph
    no longer came first in a Chinese edition, nor sat in an element of its language; each run now lists
    its own notes after it."""
    site, liu = renderer(tmp_path, NOTES, editions=("en", "zh-hans"))
    for code, page_lang in (("en", "en"), ("zh-hans", "zh-Hans")):
        root = parse_page_bytes(site.entry_page(liu, code))
        section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
        shown = [
            (lang, "".join(el.itertext()).strip()[:12])
            for el, lang in iter_with_lang(section, page_lang)
            if tag(el) == "p"  # the runs' paragraphs and the notes' (one paragraph each)
        ]
        english = [("en", "A review of "), ("en", "Named after ")]
        chinese = [("zh-Hans", "迁移体是细胞迁移时留下的"), ("zh-Hans", "后来发现它们也运送线粒体")]
        assert shown == (english + chinese if code == "en" else chinese + english), code
        numbers = [li.get("value") for li in section.iter(f"{XHTML}li") if li.get("class") == "footnote-item"]
        assert numbers == ["1", "2"], code  # numbered through the text: the second run's note is note 2


def test_a_numbered_list_keeps_the_number_it_starts_at() -> None:
    """``3. three`` was a list numbered from 1: the sanitiser dropped its ``start``."""
    assert '<ol start="3">' in str(render_markdown("3. three\n4. four\n", allow_html=False))


def test_an_about_page_s_footnotes_are_named_by_the_page(tmp_path: Path) -> None:
    site, _ = renderer(tmp_path, about="# About\n\nSources differ.[^1]\n\n[^1]: See the list.\n")
    (about,) = site.pages
    root = parse_page_bytes(site.about_page("en", about))
    assert footnotes(root, "article") == [("1", "See the list. ↩︎", ["#fnref-about-1"])]
    assert duplicate_ids(root) == []


def test_a_pdf_s_footnotes_are_named_by_the_entry(tmp_path: Path) -> None:
    """The digest PDF holds every entry's commentary: two entries' notes never share an id."""
    site, liu = renderer(tmp_path, NOTES)
    views = ViewBuilder(site.config, site.digest.works)
    html = str(views.entry(liu, "en").commentary)
    assert 'href="#fn-commentary-liu-2025-migrasomes-1"' in html
    assert '<li id="fn-commentary-liu-2025-migrasomes-2" class="footnote-item" value="2">' in html


def test_raw_html_keeps_no_id_class_or_role_of_its_own() -> None:
    """The footnotes' ids, classes and the heading role are let through the sanitiser: nothing else is."""
    raw = (
        '<p id="x" class="footnotes" role="button" aria-level="x">Hi</p>\n\n<section id="fn-a" class="x">S</section>\n'
    )
    html = str(render_markdown(raw, allow_html=True, ids="commentary"))
    assert "<p>Hi</p>" in html and "<section" in html
    assert not any(word in html for word in ("id=", "role=", "aria-level", "footnotes", 'class="x"'))


def commentary_runs(root, page_lang: str) -> list[tuple[str, str]]:
    """The language and the first words of each paragraph of a page's commentary (its notes' too)."""
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    return [
        (lang, "".join(el.itertext()).strip()[:6]) for el, lang in iter_with_lang(section, page_lang) if tag(el) == "p"
    ]


def test_a_footnote_defined_in_a_list_item_reaches_every_run(tmp_path: Path) -> None:
    """A definition indented under a list item was left in the text, which made the whole text one run in the
    language of most of it (the English paragraph inside a Chinese element)."""
    text = (
        "English paragraph one[^1].\n\n- an item\n\n  [^2]: nested note\n\n中文段落一。\n\n中文段落二。\n\n"
        "中文段落三[^2]。\n\n[^1]: top note\n"
    )
    site, liu = renderer(tmp_path, text)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    assert commentary_runs(root, "en") == [  # each note after the run that marks it, in its own language
        ("en", "Englis"),
        ("en", "an ite"),  # a paragraph: the definition after a blank line made the list loose
        ("en", "top no"),
        ("zh-Hans", "中文段落一。"),
        ("zh-Hans", "中文段落二。"),
        ("zh-Hans", "中文段落三2"),
        ("en", "nested"),
    ]
    marks = [("1", "top note ↩︎", ["#fnref-commentary-1"]), ("2", "nested note ↩︎", ["#fnref-commentary-2"])]
    assert footnotes(root, "commentary") == marks
    assert duplicate_ids(root) == []


def test_a_footnote_defined_in_a_quote_reaches_the_run_that_marks_it(tmp_path: Path) -> None:
    """The definition sat in the Chinese run's quote: the English run's mark showed as written, ``[^q]``,
    and the note was nowhere."""
    site, liu = renderer(tmp_path, "English text[^q].\n\n> 中文引用。\n>\n> [^q]: 引用中的注。\n")
    root = parse_page_bytes(site.entry_page(liu, "en"))
    assert footnotes(root, "commentary") == [("1", "引用中的注。 ↩︎", ["#fnref-commentary-1"])]
    assert commentary_runs(root, "en") == [("en", "Englis"), ("zh-Hans", "引用中的注。"), ("zh-Hans", "中文引用。")]
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    assert "[^" not in "".join(section.itertext())
    assert duplicate_ids(root) == []


def test_a_footnote_label_is_not_counted_in_a_paragraph_s_language(tmp_path: Path) -> None:
    """A short Chinese paragraph with a long ASCII label was tagged English."""
    label = "note-on-the-english-source-text-of-this-review"
    site, liu = renderer(tmp_path, f"这是中文[^{label}]。\n\n[^{label}]: 注。\n", editions=("en", "zh-hans"))
    for code, page_lang in (("en", "en"), ("zh-hans", "zh-Hans")):
        root = parse_page_bytes(site.entry_page(liu, code))
        assert commentary_runs(root, page_lang) == [("zh-Hans", "这是中文1。"), ("zh-Hans", "注。 ↩︎")], code
        assert footnotes(root, "commentary") == [("1", "注。 ↩︎", ["#fnref-commentary-1"])], code


def test_raw_html_repeats_no_footnote_id(tmp_path: Path) -> None:
    """With raw HTML allowed, ``<a id="fnref-commentary-1">`` and ``<li id="fn-commentary-1">`` in the text
    kept their ids, each then on the page twice: only the ids the footnotes' renderer wrote are kept."""
    text = 'Text[^1] <a id="fnref-commentary-1" href="#x">y</a> <li id="fn-commentary-1">z</li>\n\n[^1]: n\n'
    site, liu = renderer(tmp_path, text, markdown_html=True)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    assert duplicate_ids(root) == []
    assert footnotes(root, "commentary") == [("1", "n ↩︎", ["#fnref-commentary-1"])]
    html = str(render_markdown('Hi <a id="x" aria-label="x">a</a>[^1]\n\n[^1]: n\n', allow_html=True))
    assert html.count("id=") == 2 and html.count("aria-label=") == 1 and '"x"' not in html


def test_a_note_s_link_back_is_named_in_the_edition_s_language(tmp_path: Path) -> None:
    """The link back was ``↩`` alone, which has no name a screen reader can say."""
    site, liu = renderer(tmp_path, NOTES, editions=("en", "zh-hans", "zh-hant"))
    editions = (
        ("en", "en", "Back to the text"),
        ("zh-hans", "zh-Hans", "返回正文"),
        ("zh-hant", "zh-Hant", "返回正文"),
    )
    for code, page_lang, name in editions:
        root = parse_page_bytes(site.entry_page(liu, code))
        back = [(a, lang) for a, lang in iter_with_lang(root) if a.get("class") == "footnote-backref"]
        # in the edition's language, in the other language's run too
        assert len(back) == 3 and {(a.get("aria-label"), lang) for a, lang in back} == {(name, page_lang)}, code
        back = [a for a, _ in back]
        named = [a for a in root.iter(f"{XHTML}a") if a.get("aria-label")]
        assert named == back, code  # no other link of the commentary is named so


def test_a_footnote_mark_in_a_link_s_text_keeps_the_link(tmp_path: Path) -> None:
    """``[link text[^1]](https://example.org)`` showed its brackets and address as text: the link is a link
    again, its mark after it (a mark is a link, which a link cannot hold)."""
    text = "See [link text[^1]](https://example.org) and ![a chart[^1]](https://example.org/c.png).\n\n[^1]: n\n"
    site, liu = renderer(tmp_path, text)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    paragraph = next(el for el in section.iter(f"{XHTML}p"))
    link = next(a for a in paragraph.iter(f"{XHTML}a") if a.get("href") == "https://example.org")
    assert "".join(link.itertext()) == "link text" and link.find(f"{XHTML}sup") is None
    assert "".join(paragraph.itertext()) == "See link text1 and 1."
    note = ("1", "n ↩︎ ↩︎", ["#fnref-commentary-1", "#fnref-commentary-1:1"])
    assert footnotes(root, "commentary") == [note, note]  # each mark shown, and each linked back to
    assert duplicate_ids(root) == []


def commentary_blocks(root) -> list[tuple[str, str]]:
    """Each paragraph and list item of a page's commentary outside its notes: the element and its text."""
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    notes = {el for part in section.iter() if part.get("class") == "footnotes" for el in part.iter()}
    return [
        (tag(el), "".join(el.itertext()).strip()) for el in section.iter() if tag(el) in ("p", "li") and el not in notes
    ]


def test_a_definition_taken_out_of_a_list_or_a_quote_leaves_its_blocks_as_they_were(tmp_path: Path) -> None:
    """A definition ending a list item was taken out with the blank line after it: the paragraph after the
    list joined the item. In a quote, the paragraphs around it became one."""
    texts = (
        ("Para one[^1].\n\n- item\n  [^1]: note\n\nPara two after list.\n", [("p", "Para one1."), ("li", "item")]),
        (
            "Para one[^1].\r\n\r\n- item\r\n  [^1]: note\r\n\r\nPara two after list.\r\n",
            [("p", "Para one1."), ("li", "item")],
        ),
        (
            "Para one[^1].\n\n> quote\n> [^1]: note\n>\n> more quote\n\nPara two after list.\n",
            [("p", "Para one1."), ("p", "quote"), ("p", "more quote")],
        ),
        (
            "Para one[^1].\n\n- a\n  - item\n    [^1]: note\n\nPara two after list.\n",
            [("p", "Para one1."), ("li", "a\n\nitem"), ("li", "item")],
        ),
    )
    for n, (text, before) in enumerate(texts):
        site, liu = renderer(tmp_path / str(n), text)
        root = parse_page_bytes(site.entry_page(liu, "en"))
        assert commentary_blocks(root) == [*before, ("p", "Para two after list.")], text
        assert footnotes(root, "commentary") == [("1", "note ↩︎", ["#fnref-commentary-1"])], text


def test_a_note_s_paragraph_indented_with_tabs_stays_in_the_note(tmp_path: Path) -> None:
    """A tab was one column of indent: the note's second paragraph, indented with two tabs under ``-\\t``,
    lost all its indent and was a paragraph of the text, in every run, and the note lost it."""
    text = (
        "English text here[^1] and more words.\n\n-\t[^1]: first para of note\n\n\t\tsecond para of note\n\n"
        "这是中文段落，内容很多很多[^1]。\n"
    )
    site, liu = renderer(tmp_path, text)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    shown = [text for _, text in commentary_blocks(root)]
    assert "second para of note" not in shown
    note = ("first para of note\nsecond para of note ↩︎", ["#fnref-commentary-1"])
    assert [(text, back) for _, text, back in footnotes(root, "commentary")] == [
        note,
        (note[0], ["#fnref-commentary-2"]),
    ]


def test_raw_html_passes_for_no_heading_note_or_number_of_the_text(tmp_path: Path) -> None:
    """With raw HTML allowed, ``<p role="heading" aria-level="1">``, the footnotes' classes, ``<li value>``
    and ``<ol start>`` were kept: raw HTML could be a heading above the page's or a note of the text. Only the
    renderer's own keep them (a list written from 3, a heading past h6, the notes)."""
    raw = (
        '<p role="heading" aria-level="1">Fake</p> <a class="footnote-backref" href="#x">b</a>'
        ' <ol start="5"><li value="99" class="footnote-item">z</li></ol><sup class="footnote-ref">s</sup>'
        '<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li>q</li></ol></section>'
    )
    html = str(render_markdown(raw, allow_html=True, ids="commentary"))
    assert not any(word in html for word in ("role=", "aria-level", "class=", "value=", "start="))
    text = f"# Top\n\n3. three\n\n###### Deeper[^1]\n\n{raw}\n\n[^1]: n\n"
    site, liu = renderer(tmp_path, text, markdown_html=True)
    root = parse_page_bytes(site.entry_page(liu, "en"))
    section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
    assert [(int(el.get("aria-level")), "".join(el.itertext())) for el in section.iter() if el.get("role")] == [
        (8, "Deeper1")
    ]
    assert [el.get("start") for el in section.iter(f"{XHTML}ol") if el.get("start")] == ["3"]
    assert [el.get("value") for el in section.iter(f"{XHTML}li") if el.get("value")] == ["1"]
    classes = [el.get("class") for el in section.iter() if el.get("class") and el is not section]
    assert classes == [
        "footnote-ref",
        "footnotes-sep",
        "footnotes",
        "footnotes-list",
        "footnote-item",
        "footnote-backref",
    ]
    assert footnotes(root, "commentary") == [("1", "n ↩︎", ["#fnref-commentary-1"])]


def test_a_list_a_definition_made_loose_stays_loose(tmp_path: Path) -> None:
    """A definition after a blank line in a list's last item makes the list loose, its items paragraphs: taken
    out of the text, it left the list tight."""
    for n, text in enumerate(("- one[^1]\n- two\n\n  [^1]: note\n\nAfter.", "- 一[^1]\n- 二\n\n  [^1]: 注\n\n后来。")):
        site, liu = renderer(tmp_path / str(n), text)
        root = parse_page_bytes(site.entry_page(liu, "en"))
        section = next(el for el in root.iter(f"{XHTML}section") if el.get("class") == "commentary")
        items = [el for el in section.iter(f"{XHTML}li") if el.get("class") != "footnote-item"]
        assert [[tag(child) for child in item] for item in items] == [["p"], ["p"]], text
        assert [note for _, note, _ in footnotes(root, "commentary")] == [text.split(": ")[1].split("\n")[0] + " ↩︎"]
        assert len(list(section.iter(f"{XHTML}ul"))) == 1, text  # one list, in one run
