"""Editors of a reference: of the book a chapter is in and of an edited book, as Vancouver, APA, GB/T 7714 and
Chicago print them."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference

ZHANG_LI = [{"family": "张", "given": "三"}, {"family": "李", "given": "四"}]


@pytest.mark.parametrize(
    ("raw", "editors"),
    [
        ("王五. 外泌体的生物学[M]//张三, 李四. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四, 主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三, 李四, 编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI),
        ("王五．外泌体的生物学［M］//张三，李四，主编．细胞生物学．北京：科学出版社，2015：12-30．", ZHANG_LI),
        ("王五. 外泌体的生物学[M]//张三等编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI[:1]),
        ("王五. 外泌体的生物学[M]//张三, 等主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.", ZHANG_LI[:1]),
        (
            "王五. 外泌体的生物学[M]//欧阳娜娜, 总主编. 细胞生物学. 北京: 科学出版社, 2015: 12-30.",
            [{"family": "欧阳", "given": "娜娜"}],
        ),
    ],
)
def test_gbt_chapter_editors_after_the_double_slash_with_or_without_their_label(raw: str, editors: list) -> None:
    """``[M]//张三, 李四. 书名.``: the host's names are its editors, the label 主编 / 编 after them (glued, after a
    comma, after 等) no name of theirs."""
    item = parse_reference(raw).item
    assert item["editor"] == editors
    assert item["author"] == [{"family": "王", "given": "五"}]
    assert (item["type"], item["title"], item["container-title"]) == ("chapter", "外泌体的生物学", "细胞生物学")
    assert (item["publisher-place"], item["publisher"], item["page"]) == ("北京", "科学出版社", "12-30")


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("张三, 李四, 主编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四主编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四, 编. 细胞生物学[M]. 北京: 科学出版社, 2015.", "editor"),
        ("张三, 李四, 编著. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四编著. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四, 编译. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
        ("张三, 李四. 细胞生物学[M]. 北京: 科学出版社, 2015.", "author"),
    ],
)
def test_gbt_book_editors_are_named_by_their_label(raw: str, role: str) -> None:
    """A book's names labelled 主编 or 编 are its editors; 编著 (written and compiled) and 编译 (compiled and
    translated) name its authors; neither label is a name."""
    item = parse_reference(raw).item
    assert item[role] == ZHANG_LI
    assert ("editor" if role == "author" else "author") not in item
    assert (item["type"], item["title"], item["publisher"]) == ("book", "细胞生物学", "科学出版社")


def test_a_word_ending_in_bian_is_no_editors_label() -> None:
    """汇编 (a compilation) is a word of the title, and an organisation author stays the author."""
    item = parse_reference("中华医学会. 临床诊疗指南汇编[M]. 北京: 人民卫生出版社, 2015.").item
    assert item["author"] == [{"literal": "中华医学会"}] and "editor" not in item
    assert item["title"] == "临床诊疗指南汇编"


SMITH_JONES = [{"family": "Smith", "given": "John"}, {"family": "Jones", "given": "Karen"}]
SMITH_JONES_INITIALS = [{"family": "Smith", "given": "J."}, {"family": "Jones", "given": "K."}]


@pytest.mark.parametrize(
    ("raw", "editors", "place"),
    [
        (  # Chicago
            'Brown, Alan. "Exosome Biology." In Extracellular Vesicles in Health, edited by John Smith and Karen '
            "Jones, 12–30. London: Academic Press, 2019.",
            SMITH_JONES,
            "London",
        ),
        (  # Chicago, the pages after the year
            "Brown, Alan. “Exosome Biology.” In Extracellular Vesicles in Health, edited by John Smith, Karen Jones, "
            "and Li Wu. London: Academic Press, 2019, 12–30.",
            [*SMITH_JONES, {"family": "Wu", "given": "Li"}],
            "London",
        ),
        (  # Chicago author-date: the year after the authors, none after the publisher
            'Brown, Alan. 2019. "Exosome Biology." In Extracellular Vesicles in Health, edited by John Smith and '
            "Karen Jones, 12–30. London: Academic Press.",
            SMITH_JONES,
            "London",
        ),
        (  # MLA 8
            'Brown, Alan. "Exosome Biology." Extracellular Vesicles in Health, edited by John Smith and Karen Jones, '
            "Academic Press, 2019, pp. 12–30.",
            SMITH_JONES,
            None,
        ),
        (  # MLA 7
            'Brown, Alan. "Exosome Biology." Extracellular Vesicles in Health. Ed. J. Smith. London: Academic '
            "Press, 2019. 12-30.",
            [{"family": "Smith", "given": "J."}],
            "London",
        ),
        (  # Chicago's notes
            "Brown, Alan. “Exosome Biology.” In Extracellular Vesicles in Health, ed. John Smith and Karen Jones. "
            "London, 2019. Pp. 12–30.",
            SMITH_JONES,
            "London",
        ),
    ],
)
def test_chicago_and_mla_chapters_name_the_editors_of_their_book(raw: str, editors: list, place: str | None) -> None:
    """``In Book, edited by J. Smith, 12–30. Place: Publisher, Year``: the names after the label are the book's
    editors, the book is the container, not a journal whose name holds the editors and the publisher."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert (item["type"], item["title"], item["container-title"]) == (
        "chapter",
        "Exosome Biology",
        "Extracellular Vesicles in Health",
    )
    assert item["editor"] == editors and item["author"] == [{"family": "Brown", "given": "Alan"}]
    assert (item["page"], item["issued"], item.get("publisher-place")) == ("12-30", {"date-parts": [[2019]]}, place)
    assert item.get("publisher", "Academic Press") == "Academic Press"


@pytest.mark.parametrize(
    "raw",
    [
        'Brown, Alan. "Exosome Biology." In Extracellular Vesicles in Health, 12-30. London: Verso, 2019.',
        "Brown, Alan. “Exosome Biology.” In Extracellular Vesicles in Health, pp. 12–30. New York: Academic Press, 2019.",
        'Brown, Alan. 2019. "Exosome Biology." In Extracellular Vesicles in Health, 12-30. London: Verso.',
    ],
)
def test_a_chicago_chapter_in_a_book_naming_no_editors(raw: str) -> None:
    """``"Title." In Book, 12-30. Place: Publisher, Year``: the pages after the book's title and the publication
    after them make a chapter, not an article in a journal named like the book."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert (item["type"], item["title"], item["container-title"], item["page"]) == (
        "chapter",
        "Exosome Biology",
        "Extracellular Vesicles in Health",
        "12-30",
    )
    assert item["author"] == [{"family": "Brown", "given": "Alan"}] and "editor" not in item
    assert (item["issued"], item["publisher-place"]) == ({"date-parts": [[2019]]}, raw.split(". ")[-1].split(":")[0])


@pytest.mark.parametrize(
    "raw",
    [
        "Milton, John. Paradise Lost. Edited by John Leonard. London: Penguin, 2000.",
        "Milton, John. Paradise Lost. Ed. John Leonard. London: Penguin, 2000.",
        "Milton, John. Paradise Lost, edited by John Leonard. London: Penguin, 2000.",
    ],
)
def test_the_editor_of_an_edition_is_its_editor_not_part_of_its_title(raw: str) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item["title"]) == ("book", "Paradise Lost")
    assert item["author"] == [{"family": "Milton", "given": "John"}]
    assert item["editor"] == [{"family": "Leonard", "given": "John"}]
    assert (item["publisher-place"], item["publisher"], item["issued"]) == (
        "London",
        "Penguin",
        {"date-parts": [[2000]]},
    )


def test_vancouver_editors_before_their_label_are_read_as_before() -> None:
    """``In: Vogelstein B, Kinzler KW, eds. Book.``: the names come before the label, the book after it."""
    item = parse_reference(
        "Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human solid tumors. In: Vogelstein B, "
        "Kinzler KW, eds. The genetic basis of human cancer. New York: McGraw-Hill; 2002. p. 93-113."
    ).item
    assert item["editor"] == [{"family": "Vogelstein", "given": "B."}, {"family": "Kinzler", "given": "K. W."}]
    assert (item["type"], item["container-title"], item["page"]) == (
        "chapter",
        "The genetic basis of human cancer",
        "93-113",
    )


def test_edited_and_translated_by_names_the_editors_and_the_translators() -> None:
    item = parse_reference(
        "Eisenstein, S. M. “Literature and Cinema.” In Selected Works, vol. 1: Writings, 1922–34, edited and "
        "translated by Richard Taylor. Bloomington: Indiana University Press, 1988."
    ).item
    assert item["editor"] == item["translator"] == [{"family": "Taylor", "given": "Richard"}]
    assert (item["type"], item["title"], item["container-title"]) == (
        "chapter",
        "Literature and Cinema",
        "Selected Works, vol. 1: Writings, 1922–34",
    )


@pytest.mark.parametrize(
    ("raw", "editors"),
    [
        ("Smith, J., & Jones, K. (Eds.). (2019). Extracellular vesicles in health. London: Academic Press.", 2),
        ("Smith, J., & Jones, K. (Eds.) (2019). Extracellular vesicles in health. London: Academic Press.", 2),
        ("Smith, J. (Ed.). (2019). Extracellular vesicles in health (2nd ed.). London: Academic Press.", 1),
        ("Smith J, Jones K, editors. Extracellular vesicles in health. London: Academic Press; 2019.", 2),
    ],
)
def test_apa_and_vancouver_edited_books_name_their_editors(raw: str, editors: int) -> None:
    """APA's ``(Eds.).`` after the names (with or without the full stop before the year) makes them the editors
    of the book, not its authors, and is no part of its title."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert "author" not in item and item["editor"] == SMITH_JONES_INITIALS[:editors]
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Extracellular vesicles in health",
        "London",
        "Academic Press",
    )


def test_an_apa_editor_label_without_its_full_stop_names_the_editors() -> None:
    """``In S. R. Fussell (Ed), Book (pp. 151-165).``: the label written without its dot."""
    item = parse_reference(
        "Angus, L., & Korman, Y. (2002). Conflict, coherence and change in brief psychotherapy: A metaphor theme "
        "analysis. In S. R. Fussell (Ed), The verbal communication of emotions (pp. 151-165). Mahwah, NJ: Lawrence "
        "Erlbaum."
    ).item
    assert item["editor"] == [{"family": "Fussell", "given": "S. R."}]
    assert (item["type"], item["container-title"], item["page"]) == (
        "chapter",
        "The verbal communication of emotions",
        "151-165",
    )
    assert (item["publisher-place"], item["publisher"]) == ("Mahwah, NJ", "Lawrence Erlbaum")


@pytest.mark.parametrize(
    ("raw", "kind", "editors"),
    [
        (
            "[5] 王五. 外泌体的生物学[A]. 张三, 李四. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.",
            "paper-conference",
            ZHANG_LI,
        ),
        (
            "王五. 外泌体的生物学[A]. 张三, 李四, 主编. 细胞生物学[M]. 北京: 科学出版社, 2015: 12-30.",
            "chapter",
            ZHANG_LI,
        ),
        ("王五. 外泌体的生物学[A]. 张三 主编. 细胞生物学[M]. 北京: 科学出版社, 2015: 12-30.", "chapter", ZHANG_LI[:1]),
        (
            "王五．外泌体的生物学［A］．张三，李四．细胞生物学［C］．北京：科学出版社，2015．12～30．",
            "paper-conference",
            ZHANG_LI,
        ),
        (
            "王五. 外泌体的生物学[A]//张三, 李四. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.",
            "paper-conference",
            ZHANG_LI,
        ),
        ("王五. 外泌体的生物学[A]. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.", "paper-conference", None),
    ],
)
def test_gbt_2005_chapter_names_its_host_after_a_full_stop_with_the_host_s_code(
    raw: str, kind: str, editors: list | None
) -> None:
    """GB/T 7714-2005 and older: ``题名[A]. 张三, 李四. 书名[C]. 北京: 科学出版社, 2015: 12-30.`` (the year's full stop
    before the pages in older lists): the host's names are its editors, its title the container, its code the type
    (``[C]`` a conference paper, ``[M]`` a chapter) and no part of the title."""
    item = parse_reference(raw).item
    assert item.get("editor") == editors
    assert item["author"] == [{"family": "王", "given": "五"}]
    assert (item["type"], item["title"], item["container-title"]) == (kind, "外泌体的生物学", "细胞生物学")
    assert (item["publisher-place"], item["publisher"], item["page"]) == ("北京", "科学出版社", "12-30")
    assert item["issued"] == {"date-parts": [[2015]]}


@pytest.mark.parametrize(
    ("raw", "kind", "editors"),
    [
        (
            "Smith J. Exosome biology[A]. In: Jones K, ed. Extracellular vesicles[C]. Boston: Springer, 2010: 1-10.",
            "paper-conference",
            [{"family": "Jones", "given": "K."}],
        ),
        (
            "Smith J. Exosome biology[A]. In: Jones K, Lee M, eds. Extracellular vesicles[M]. 2nd ed. Boston: Springer, "
            "2010: 1-10.",
            "chapter",
            [{"family": "Jones", "given": "K."}, {"family": "Lee", "given": "M."}],
        ),
        (
            "Smith J. Exosome biology[A]. K. Jones (ed.). Extracellular vesicles[M]. Boston: Springer, 2010. 1-10.",
            "chapter",
            [{"family": "Jones", "given": "K."}],
        ),
    ],
)
def test_gbt_2005_chapter_of_an_english_book_names_its_editors_after_in(raw: str, kind: str, editors: list) -> None:
    """English references of Chinese lists: ``Title[A]. In: Jones K, ed. Book[C]. Boston: Springer, 2010: 1-10.``;
    the label (``ed.``, ``eds.``, ``(ed.)``) and ``In:`` are no part of the editors or the book."""
    item = parse_reference(raw).item
    assert item["editor"] == editors
    assert (item["type"], item["title"], item["container-title"]) == (kind, "Exosome biology", "Extracellular vesicles")
    assert (item["publisher-place"], item["publisher"], item["page"]) == ("Boston", "Springer", "1-10")


def test_gbt_2005_host_title_with_abbreviations_keeps_them() -> None:
    """``In: J. Jones, ed. Proc. of the 5th Int. Conf.[C]``: an initial's full stop ends no editors, the abbreviations'
    full stops end no title."""
    item = parse_reference(
        "Smith J. Exosome biology[A]. In: J. Jones, ed. Proc. of the 5th Int. Conf. on Vesicles[C]. Boston: Springer, "
        "2010: 1-10."
    ).item
    assert item["editor"] == [{"family": "Jones", "given": "J."}]
    assert item["container-title"] == "Proc. of the 5th Int. Conf. on Vesicles"


@pytest.mark.parametrize(
    ("raw", "editors"),
    [
        ("张三, 等主编. 细胞生物学[M]. 北京: 科学出版社, 2015.", ["张"]),
        ("张三，等编. 细胞生物学. 北京: 科学出版社, 2015.", ["张"]),
        ("李明. 外泌体[M]//王五, 等主编. 细胞生物学进展. 北京: 科学出版社, 2018: 12-15.", ["王"]),
        ("李明. 外泌体[M]//王五, 赵六, 等. 细胞生物学进展. 北京: 科学出版社, 2018: 12-15.", ["王", "赵"]),
        ("王五. 外泌体的生物学[A]. 张三, 等. 细胞生物学[C]. 北京: 科学出版社, 2015: 12-30.", ["张"]),
        (
            "Smith J. Exosomes. In: Jones K, et al., editors. Exosome biology. London: Academic Press; 2019. p. 12-30.",
            ["Jones"],
        ),
        ("Harnden P, Joffe JK, et al., editors. Germ cell tumours V. New York: Springer; 2002.", ["Harnden", "Joffe"]),
        (
            "Rice AS. Cannabinoids and pain. In: Dostorovsky JO, Carr DB, et al., editors. Proceedings of the 10th World "
            "Congress on Pain; 2002 Aug 17-22; San Diego, CA. Seattle: IASP Press; c2003. p. 437-68.",
            ["Dostorovsky", "Carr"],
        ),
        (
            'Smith, J. "Exosomes." In Exosome Biology, edited by K. Jones et al., 12–30. London: Academic Press, 2019.',
            ["Jones"],
        ),
        (
            'Smith, J. "Exosomes." In Exosome Biology, edited by K. Jones, L. Brown, et al., 12–30. London: Academic '
            "Press, 2019.",
            ["Jones", "Brown"],
        ),
        (
            "Brentano, Clemens. Werke. Edited by Wolfgang Frühwald et al. Darmstadt: Wissenschaftliche Buchgesellschaft, 1968.",
            ["Frühwald"],
        ),
        (
            "Smith, J. (2019). Exosomes. In K. Jones, L. Brown, et al. (Eds.), Exosome biology (pp. 12–30). Academic Press.",
            ["Jones", "Brown"],
        ),
        ("Jones, K., et al. (Eds.). (2019). Exosome biology. Academic Press.", ["Jones"]),
        (
            "Smith J. Exosomes[A]. In: Jones K, et al., ed. Exosome Biology[M]. London: Academic Press, 2019: 12-30.",
            ["Jones"],
        ),
    ],
)
def test_a_cut_short_editor_list_is_flagged_as_the_editors_not_the_authors(raw: str, editors: list[str]) -> None:
    """``等主编``, ``et al., editors``, ``edited by … et al.``, ``(Eds.)`` after ``et al.``: the editors read are the
    first of more (``editors_et_al``), and the authors' list, when there is one, is not cut short."""
    parsed = parse_reference(raw)
    assert [name["family"] for name in parsed.item["editor"]] == editors
    assert parsed.editors_et_al and not parsed.et_al, parsed
    assert parsed.status == "full", parsed.problems


@pytest.mark.parametrize(
    ("raw", "et_al"),
    [
        (
            "Smith J, Lee K, et al. Exosomes. In: Jones K, editor. Exosome biology. London: Academic Press; 2019. p. 12-30.",
            True,
        ),
        ("李明. 外泌体[M]//王五, 赵六, 主编. 细胞生物学进展. 北京: 科学出版社, 2018: 12-15.", False),
        ("Harnden P, Joffe JK, editors. Germ cell tumours V. New York: Springer; 2002.", False),
    ],
)
def test_an_editor_list_printed_whole_is_not_cut_short(raw: str, et_al: bool) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["editor"] and not parsed.editors_et_al
    assert parsed.et_al is et_al
