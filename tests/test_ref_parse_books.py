"""Books printed with no type code, their publication statement ``Place: Publisher, Year`` (Chicago, MLA,
Vancouver with a comma, author-date, a Chinese reference without [M]), told from journal articles whose journal's
name holds a colon."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdigest.refs.parse import parse_reference
from evdigest.refs.parse_places import in_order, publisher_first, read_place_publication


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        (
            "Weber, Max. The Protestant Ethic and the Spirit of Capitalism. New York: Scribner, 1958.",
            {
                "year": 1958,
                "title": "The Protestant Ethic and the Spirit of Capitalism",
                "place": "New York",
                "publisher": "Scribner",
            },
        ),
        (
            "Smith J. Exosomes in Medicine. 2nd ed. London: Academic Press; 2020.",
            {
                "year": 2020,
                "title": "Exosomes in Medicine",
                "place": "London",
                "publisher": "Academic Press",
                "edition": "2",
            },
        ),
        (
            "Smith J. Exosomes in medicine. 2nd ed. London: Academic Press, 2020.",
            {
                "year": 2020,
                "title": "Exosomes in medicine",
                "place": "London",
                "publisher": "Academic Press",
                "edition": "2",
            },
        ),
        (
            "Lynch, Kevin. The Image of the City. Cambridge, Mass.: MIT Press, 1960.",
            {"year": 1960, "title": "The Image of the City", "place": "Cambridge, Mass.", "publisher": "MIT Press"},
        ),
        (
            "Boyer, Paul S. Purity in Print: Book Censorship in America. 2nd ed. Madison: University of Wisconsin "
            "Press, 2002.",
            {
                "year": 2002,
                "title": "Purity in Print: Book Censorship in America",
                "place": "Madison",
                "publisher": "University of Wisconsin Press",
                "edition": "2",
            },
        ),
        (
            "Calvino, Italo. Invisible Cities. Translated by William Weaver. San Diego: Harcourt Brace Jovanovich, 1974.",
            {"year": 1974, "title": "Invisible Cities", "place": "San Diego", "publisher": "Harcourt Brace Jovanovich"},
        ),
        (
            "Weber, Max. 1958. The Protestant Ethic and the Spirit of Capitalism. New York: Scribner.",
            {
                "year": 1958,
                "title": "The Protestant Ethic and the Spirit of Capitalism",
                "place": "New York",
                "publisher": "Scribner",
            },
        ),
        (
            "Weber, M. (1958). The Protestant ethic and the spirit of capitalism. New York: Scribner.",
            {
                "year": 1958,
                "title": "The Protestant ethic and the spirit of capitalism",
                "place": "New York",
                "publisher": "Scribner",
            },
        ),
        (
            "张三, 李四. 细胞生物学. 北京: 科学出版社, 1958.",
            {"year": 1958, "title": "细胞生物学", "place": "北京", "publisher": "科学出版社"},
        ),
    ],
)
def test_a_place_a_colon_a_publisher_and_a_year_make_a_book(raw: str, fields: dict) -> None:
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert item["type"] == "book" and "container-title" not in item
    assert item["issued"] == {"date-parts": [[fields["year"]]]}
    assert (item["title"], item["publisher-place"], item["publisher"]) == (
        fields["title"],
        fields["place"],
        fields["publisher"],
    )
    assert item.get("edition") == fields.get("edition")


def test_the_editors_of_a_book_printed_so_are_its_editors() -> None:
    item = parse_reference(
        "Clem, Ralph S., Martin Harry Greenberg, and Joseph D. Olander, eds. No Room for Man: Population and the "
        "Future through Science Fiction. Totowa, N.J.: Rowman and Littlefield, 1979."
    ).item
    assert item["type"] == "book" and "author" not in item
    assert [name["family"] for name in item["editor"]] == ["Clem", "Greenberg", "Olander"]
    assert (item["publisher-place"], item["publisher"]) == ("Totowa, N.J.", "Rowman and Littlefield")


@pytest.mark.parametrize(
    ("raw", "journal"),
    [
        ("Smith J. Exosome biology. Philos Trans R Soc B: Biol Sci, 2019.", "Philos Trans R Soc B: Biol Sci"),
        (
            "Smith J. Exosome biology. Journal of Physics: Conference Series, 2019.",
            "Journal of Physics: Conference Series",
        ),
        ("Smith J. Exosome biology. Biochim Biophys Acta: Mol Cell Res, 2019.", "Biochim Biophys Acta: Mol Cell Res"),
        ("Smith J. Exosome biology. Nat Rev Mol Cell Biol, 2019.", "Nat Rev Mol Cell Biol"),
        ("Smith J. Exosome biology. New York: Scribner, 2019, 12(3): 45-67.", "New York: Scribner"),
        (
            'Smith, John. "Exosome biology." Journal of Physics: Conference Series, 2019.',
            "Journal of Physics: Conference Series",
        ),
        ('Smith, John. "Exosome biology." Nature 12 (2019): 1-5.', "Nature"),
    ],
)
def test_a_journal_whose_name_holds_a_colon_stays_a_journal(raw: str, journal: str) -> None:
    """Words of a journal's name before the colon (``Journal``, ``Acta``, ``Soc B``) name no place, and a
    reference with a volume and pages is an article, whatever its journal is called."""
    item = parse_reference(raw).item
    assert (item["type"], item["container-title"]) == ("article-journal", journal)
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "title", "place", "publisher"),
    [
        (
            "Harnden P, Joffe JK, Jones WG, editors. Germ cell tumours V. London: Springer; 2002.",
            "Germ cell tumours V",
            "London",
            "Springer",
        ),
        ("Smith J. Vitamin D. St. Louis: Mosby; 2002.", "Vitamin D", "St. Louis", "Mosby"),
        (
            "Smith, John. Hepatitis B. Washington, D.C.: ASM Press, 2002.",
            "Hepatitis B",
            "Washington, D.C.",
            "ASM Press",
        ),
        # a quoted title, its full stop inside the quotes
        ('Virgil. "The Aeneid." London: Penguin, 2002.', "The Aeneid", "London", "Penguin"),
        ("Virgil. “The Aeneid.” New York: Viking, 2002.", "The Aeneid", "New York", "Viking"),
        ('Smith, John. "A Title." New York: Viking, 2002.', "A Title", "New York", "Viking"),
        ("Smith, John. “A Title.” Cambridge, Mass.: MIT Press, 2002.", "A Title", "Cambridge, Mass.", "MIT Press"),
        ('Smith J. "A Title." London: Academic Press; 2002.', "A Title", "London", "Academic Press"),
    ],
)
def test_a_title_ending_in_a_capital_letter_is_cut_from_the_publication(
    raw: str, title: str, place: str, publisher: str
) -> None:
    """``Germ cell tumours V. London``: the full stop after the capital ends the title, as it would not end an
    initial, when a publication statement follows it."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        title,
        place,
        publisher,
    )
    assert item["issued"] == {"date-parts": [[2002]]}


def test_a_publisher_printed_before_its_place_is_the_publisher() -> None:
    """``Houghton, Mifflin & Co.: Boston & New York, 1904``: a publisher's word (``Co.``, ``Press``) names no
    place, and the place after the colon is the place."""
    item = parse_reference(
        "Hearn, Lafcadio. Kwaidan: Stories and Studies of Strange Things. Houghton, Mifflin & Co.: Boston & New York, "
        "1904."
    ).item
    assert (item["type"], item["title"]) == ("book", "Kwaidan: Stories and Studies of Strange Things")
    assert (item["publisher-place"], item["publisher"]) == ("Boston & New York", "Houghton, Mifflin & Co.")


@pytest.mark.parametrize(
    ("raw", "title", "publisher", "edition"),
    [
        ("Holick MF. Vitamin D. Springer; 2002.", "Vitamin D", "Springer", None),
        (
            "Smith J, Lee K. Extracellular vesicles. Academic Press, 2020.",
            "Extracellular vesicles",
            "Academic Press",
            None,
        ),
        (
            "R. Fletcher. Practical Methods of Optimization. John Wiley & Sons, 1987.",
            "Practical Methods of Optimization",
            "John Wiley & Sons",
            None,
        ),
        ("Ziegler GM. Lectures on polytopes. Springer-Verlag, 1995.", "Lectures on polytopes", "Springer-Verlag", None),
        ("Smith J, Lee K. Exosome biology. 2nd ed. Elsevier; 2019.", "Exosome biology", "Elsevier", "2"),
        ("Smith J, Lee K. Exosome biology. 3rd ed. Harcourt, 2019.", "Exosome biology", "Harcourt", "3"),
        ("Smith J. Exosome biology. J. Wiley; 2019.", "Exosome biology", "J. Wiley", None),
        ("张三, 李四. 细胞生物学. 科学出版社, 2015.", "细胞生物学", "科学出版社", None),
    ],
)
def test_a_book_printed_with_no_place_is_a_book(raw: str, title: str, publisher: str, edition: str | None) -> None:
    """``Title. Academic Press, 2020.``, ``Vitamin D. Springer; 2002.``: a publisher whose name ends in a word of a
    publisher's (Press, Springer, Wiley, Verlag, 出版社…), or after an edition, and a year, with no numbers of a
    journal, is a book's publisher, not a journal."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher"]) == ("book", title, publisher)
    assert item.get("edition") == edition and "container-title" not in item and "publisher-place" not in item


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes in immunity. Springer Semin Immunopathol, 2019.",
        "Smith J. Exosomes in immunity. Springer Semin Immunopathol. 2019;41(2):1-10.",
        "Smith J. Exosomes in immunity. Oxford University Press Journal, 2019.",
        "Smith J. Exosomes in immunity. Some House, 2019.",
        # after the title's comma
        "Smith J. Exosomes in cancer, Nature, 2001.",
        "Smith J. Exosomes in cancer, Springer Semin Immunopathol, 2019.",
        "Smith J. Exosomes in cancer, Journal of Wiley Studies, 2019.",
    ],
)
def test_a_journal_holding_a_publisher_s_word_stays_a_journal(raw: str) -> None:
    """A journal whose name begins with a publisher's (``Springer Semin Immunopathol``) or names a journal, and a
    name with no publisher's word nor edition, are not taken for a book's publisher."""
    item = parse_reference(raw).item
    assert item["type"] == "article-journal" and "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "title", "place", "publisher"),
    [
        ("Smith J. Biochemistry, Macmillan, 2001.", "Biochemistry", None, "Macmillan"),
        ("Smith J. Biochemistry. Macmillan, 2001.", "Biochemistry", None, "Macmillan"),
        (
            "J. Nelson, The Physics of Solar Cells, Imperial College Press, 2003.",
            "The Physics of Solar Cells",
            None,
            "Imperial College Press",
        ),
        ("Smith, J. Biochemistry, Springer-Verlag, 2001.", "Biochemistry", None, "Springer-Verlag"),
        # a place printed as a sentence of its own before the publisher's comma
        (
            "Freud, Sigmund. The Interpretation of Dreams. New York, Macmillan, 1913.",
            "The Interpretation of Dreams",
            "New York",
            "Macmillan",
        ),
    ],
)
def test_a_publisher_and_a_year_after_a_title_s_comma_make_a_book(
    raw: str, title: str, place: str | None, publisher: str
) -> None:
    """``Title, Macmillan, 2001.``: a title, then after a comma a publisher named by a word of a publisher's name and
    a year, with no numbers of a journal, is a book, not an article in a journal named so."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher"]) == ("book", title, publisher)
    assert item.get("publisher-place") == place and "container-title" not in item
    assert item["issued"] == {"date-parts": [[int(raw[-5:-1])]]}


def test_a_chapter_s_publisher_after_a_comma_makes_no_book() -> None:
    raw = (
        'S. Lakshmanan and H. Derin, "Gaussian Markov Random Fields at Multiple Resolutions," in Markov Random '
        "Fields: Theory and Applications (R. Chellappa, ed.), pp. 131-157, Academic Press, 1993."
    )
    assert parse_reference(raw).item["type"] != "book"


@pytest.mark.parametrize(
    ("raw", "title", "place", "publisher", "page"),
    [
        (
            "Alberts B, Johnson A, Lewis J. Molecular biology of the cell. 6th ed. New York: Garland Science; 2015. "
            "p. 12-30.",
            "Molecular biology of the cell",
            "New York",
            "Garland Science",
            "12-30",
        ),
        (
            "Author A. Germ cell tumours V. London: Springer; 2002. p. 12-30.",
            "Germ cell tumours V",
            "London",
            "Springer",
            "12-30",
        ),
        (
            "Author A. Germ cell tumours V. London: Springer; 2002. pp. 12–30.",
            "Germ cell tumours V",
            "London",
            "Springer",
            "12-30",
        ),
        (
            "Author A. Germ cell tumours V. London: Springer; 2002. 12-30 pp.",
            "Germ cell tumours V",
            "London",
            "Springer",
            "12-30",
        ),
        (
            "Perec, Georges. A Void. London: The Harvill Press, 1995. p.108.",
            "A Void",
            "London",
            "The Harvill Press",
            "108",
        ),
        ("Smith J. Vitamin D. Springer; 2002. p. 5.", "Vitamin D", None, "Springer", "5"),
        # the pages after the year's comma
        ("Smith J. Biochemistry, Macmillan, 2001, pp. 12-30.", "Biochemistry", None, "Macmillan", "12-30"),
        ("Smith J. Biochemistry, 2nd ed., Macmillan, 2001, p. 12.", "Biochemistry", None, "Macmillan", "12"),
        (
            "J. Nelson, The Physics of Solar Cells, Imperial College Press, 2003, pp. 12–30.",
            "The Physics of Solar Cells",
            None,
            "Imperial College Press",
            "12-30",
        ),
        (
            "Smith J. Biochemistry. 2nd ed. New York: Macmillan; 2001. p. 12-30.",
            "Biochemistry",
            "New York",
            "Macmillan",
            "12-30",
        ),
        ("张三. 外泌体生物学[M]. 北京: 科学出版社, 2015: 12-30.", "外泌体生物学", "北京", "科学出版社", "12-30"),
        # a book printed with commas only
        (
            "Smith J. Biochemistry, New York: Macmillan, 2001, pp. 12-30.",
            "Biochemistry",
            "New York",
            "Macmillan",
            "12-30",
        ),
        (
            "Smith, John, Exosomes in medicine, London, Academic Press, 2000, p. 5.",
            "Exosomes in medicine",
            "London",
            "Academic Press",
            "5",
        ),
    ],
)
def test_a_book_cited_for_some_of_its_pages_is_a_book_with_those_pages(
    raw: str, title: str, place: str | None, publisher: str, page: str
) -> None:
    item = parse_reference(raw).item
    assert item["type"] == "book"
    assert (item["title"], item.get("publisher-place"), item["publisher"], item["page"]) == (
        title,
        place,
        publisher,
        page,
    )
    assert "container-title" not in item


@pytest.mark.parametrize(
    "raw",
    [
        "Hogue, Christopher W. V. “Structure Databases.” Bioinformatics, edited by Andreas D. Baxevanis, 2nd ed., "
        "Wiley-Interscience, 2001, pp. 83–109.",
        'J. Tromp, "How to Construct an Atomic Variable", Proceedings of the Workshop on Distributed Algorithms, '
        "Springer Verlag, 1989, pp. 292-302.",
    ],
)
def test_a_quoted_title_with_pages_after_the_year_s_comma_is_no_book(raw: str) -> None:
    """MLA's chapter and a paper in proceedings print their pages after the year's comma too: the quoted title is
    the chapter's or the paper's, never the book's."""
    assert parse_reference(raw).item["type"] != "book"


def test_a_chapter_named_after_in_is_no_book_cited_for_pages() -> None:
    raw = (
        "Wickham-Crowley, Timothy P. 1997. “Structural Theories of Revolution.” In John Foran (ed.) Theorizing "
        "Revolutions. New York: Routledge. pp. 38-72."
    )
    assert parse_reference(raw).item["type"] != "book"


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        (
            "Brown, Anna M. The Old Mill Road. Boston: Beacon Press, 1950.",
            [{"family": "Brown", "given": "Anna M."}],
            "The Old Mill Road",
        ),
        (
            "Hale, Edwin T. Harbours, a Maritime History. Bristol: Redcliffe Press, 1975.",
            [{"family": "Hale", "given": "Edwin T."}],
            "Harbours, a Maritime History",
        ),
        (
            "Reed, Laura K. Rivers and Towns: Essays on Trade. London: Verso, 1991.",
            [{"family": "Reed", "given": "Laura K."}],
            "Rivers and Towns: Essays on Trade",
        ),
        (  # a word after the initial that ends the name at its full stop is the name's
            "Lane, Peter J. Scott. Coastal Trade. Oxford: Clarendon Press, 1982.",
            [{"family": "Lane", "given": "Peter J. Scott"}],
            "Coastal Trade",
        ),
    ],
)
def test_the_words_after_an_inverted_name_s_initial_start_the_title(raw: str, author: list, title: str) -> None:
    """``Brown, Anna M. The Old Mill Road.``: the initial's full stop ends the given name, so the words after it
    are the title's, not a longer given name (``Anna M. The Old Mill Road``) or further authors."""
    item = parse_reference(raw).item
    assert (item.get("author"), item.get("title"), item.get("type")) == (author, title, "book")


@pytest.mark.parametrize(
    ("raw", "title", "editors"),
    [
        (
            "Bleak House. Ed. Norman Page. London: Penguin, 1971.",
            "Bleak House",
            [{"family": "Page", "given": "Norman"}],
        ),
        (
            "Old Songs, Rivers and Hills. Eds. Mary Jo Lane and Tom Reed. London: Faber, 1999.",
            "Old Songs, Rivers and Hills",
            [{"family": "Lane", "given": "Mary Jo"}, {"family": "Reed", "given": "Tom"}],
        ),
        (
            "Jane Eyre. Edited by Michael Mason. London: Penguin, 2006.",
            "Jane Eyre",
            [{"family": "Mason", "given": "Michael"}],
        ),
    ],
)
def test_a_title_before_its_editors_is_not_an_author_list(raw: str, title: str, editors: list) -> None:
    """MLA's ``Title. Ed. Name. Place: Publisher, Year.`` with no author: the editors follow the title, so the
    sentence before them is the title even when it reads as names (``Bleak House``, ``Old Songs, Rivers``)."""
    item = parse_reference(raw).item
    assert "author" not in item
    assert (item.get("title"), item.get("editor"), item.get("type")) == (title, editors, "book")


def test_an_author_before_a_title_and_its_editors_stays_the_author() -> None:
    item = parse_reference("Dickens, Charles. Bleak House. Ed. Norman Page. London: Penguin, 1971.").item
    assert item["author"] == [{"family": "Dickens", "given": "Charles"}]
    assert (item["title"], item["editor"]) == ("Bleak House", [{"family": "Page", "given": "Norman"}])


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Lee, Ang, director. The Ice Storm. Blu-ray. New York: Fox Searchlight, 1997.", "The Ice Storm"),
        ("Hitchcock, Alfred, director. Vertigo. DVD. Los Angeles: Paramount, 1958.", "Vertigo"),
    ],
)
def test_an_mla_role_and_medium_are_not_the_title_s(raw: str, title: str) -> None:
    """``Lee, Ang, director. The Ice Storm. Blu-ray.``: the role after the names and the medium after the title
    are MLA's, not words of the title; the people named stay the authors."""
    item = parse_reference(raw).item
    assert item["title"] == title
    assert len(item["author"]) == 1 and "given" in item["author"][0]


@pytest.mark.parametrize(
    ("raw", "title", "fields"),
    [
        (
            "Hale, Ruth. Mill Towns of the Pennines, 1780–1860. Manchester: Northern Press, 1974.",
            "Mill Towns of the Pennines, 1780–1860",
            {"publisher": "Northern Press", "publisher-place": "Manchester", "issued": {"date-parts": [[1974]]}},
        ),
        (
            "Oakes, P. 2003. Seaside Resorts and Their Visitors, 1871-1939. Leeds University Press.",
            "Seaside Resorts and Their Visitors, 1871-1939",
            {"publisher": "Leeds University Press", "issued": {"date-parts": [[2003]]}},
        ),
        ("Hale, Ruth. Mill Towns of the Pennines, 1780-1860.", "Mill Towns of the Pennines, 1780-1860", {}),
    ],
)
def test_a_range_of_years_closing_a_title_is_the_title_s(raw: str, title: str, fields: dict) -> None:
    """``Mill Towns of the Pennines, 1780–1860.``: two years, the second not before the first, printed without a
    label after a title's comma are part of the title, not pages of an article."""
    item = parse_reference(raw).item
    assert item["title"] == title
    assert "page" not in item
    assert {key: item.get(key) for key in fields} == fields


def test_pages_that_are_no_range_of_years_stay_pages() -> None:
    assert parse_reference("Hale R. Mill towns. Northern History, 1860-1780.").item["page"] == "1860-1780"
    assert parse_reference("Hale R. Mill towns. Northern History 12, 1780-1860.").item["page"] == "1780-1860"
    assert parse_reference("Hale R. Mill towns. In: Lee K, editor. Towns. 1999, pp. 1780-1860.").item["page"] == (
        "1780-1860"
    )
    item = parse_reference("Hale, R. 2001. Mill towns. Northern History 12(3): 1780- 1860.").item
    assert (item["volume"], item["issue"], item["page"]) == ("12", "3", "1780-1860")


@settings(max_examples=80, deadline=None)
@given(
    first=st.integers(min_value=1500, max_value=2099),
    span=st.integers(min_value=0, max_value=300),
    dash=st.sampled_from(["-", "–", "—", " – "]),
    publication=st.sampled_from([" London: Methuen, 1990.", " Cambridge: Cambridge University Press, 2001.", ""]),
)
def test_a_range_of_years_at_the_end_of_a_title_is_never_pages(
    first: int, span: int, dash: str, publication: str
) -> None:
    last = min(first + span, 2099)
    item = parse_reference(f"Hale, Ruth. Mill Towns of the Pennines, {first}{dash}{last}.{publication}").item
    assert "page" not in item
    assert item["title"] == f"Mill Towns of the Pennines, {first}{dash}{last}"


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("Carver, Helen M. The Grain Trade of the Baltic, Rev. ed. London: Methuen, 1958.", {"edition": "Rev. ed."}),
        ("Carver, Helen M. The Grain Trade of the Baltic, 2nd ed. London: Methuen, 1958.", {"edition": "2"}),
        (
            "Carver, H. M. The Grain Trade of the Baltic. Revised edition. London: Methuen, 1958.",
            {"edition": "Revised edition"},
        ),
        ("Carver, Helen M. The Grain Trade of the Baltic, Vol. II. London: Methuen, 1958.", {"volume": "II"}),
        ("Carver HM. The Grain Trade of the Baltic, vols. 2–3. London: Methuen; 1958.", {"volume": "2–3"}),
        ("Carver, H. M. (1958). The Grain Trade of the Baltic (Rev. ed.). Methuen.", {"edition": "Rev. ed."}),
    ],
)
def test_an_edition_or_volume_after_a_book_s_title_is_no_part_of_it(raw: str, fields: dict) -> None:
    """``Title, Rev. ed. Place: Publisher, Year.``, ``Title, Vol. II. Place: …``: the edition (numbered as its
    number, worded as printed) and the volume printed after the title's comma are CSL ``edition`` and ``volume``, and
    the title a sentence of its own."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher"]) == ("book", "The Grain Trade of the Baltic", "Methuen")
    assert {key: item.get(key) for key in fields} == fields


def test_edition_words_inside_a_title_or_a_journal_s_name_are_no_edition() -> None:
    item = parse_reference("Carver HM. A new edition of the Baltic tables. London: Methuen; 1958.").item
    assert (item["title"], item.get("edition")) == ("A new edition of the Baltic tables", None)
    item = parse_reference("Carver HM. Grain trade. Harv. Rev. Ed. 1958;12:3-9.").item
    assert (item["type"], item.get("edition"), item["volume"]) == ("article-journal", None, "12")


@settings(max_examples=60, deadline=None)
@given(
    title=st.sampled_from(["The Grain Trade of the Baltic", "Mill Towns", "A Study of Trade: Ports and Ships"]),
    statement=st.sampled_from(
        [("Rev. ed.", "edition"), ("3rd ed.", "edition"), ("Vol. IV", "volume"), ("vols. 1–2", "volume")]
    ),
    publication=st.sampled_from(
        [". London: Methuen, 1958.", ". New York: Holt, Rinehart and Winston, 1960."]
        + [", Methuen and Company, 1958.", ", Academic Press, 1960."]  # no place: between commas
    ),
)
def test_an_edition_or_volume_closing_a_title_s_sentence_never_stays_in_it(
    title: str, statement: tuple[str, str], publication: str
) -> None:
    printed = statement[0].rstrip(".") if publication.startswith(".") else statement[0]
    item = parse_reference(f"Carver, Helen M. {title}, {printed}{publication}").item
    assert (item["type"], item["title"]) == ("book", title)
    assert statement[1] in item


@pytest.mark.parametrize(
    ("raw", "title", "fields"),
    [
        (
            "Ruth Hale, Mill Towns of the Pennines, 1780–1860 (Manchester: Northern Press, 1974), 112.",
            "Mill Towns of the Pennines, 1780–1860",
            {"publisher-place": "Manchester", "publisher": "Northern Press", "page": "112"},
        ),
        (
            "Hale, Ruth. Harbours, Quays and Ships (Bristol, UK: Quayside Books, 1988).",
            "Harbours, Quays and Ships",
            {"publisher-place": "Bristol, UK", "publisher": "Quayside Books", "page": None},
        ),
        (
            "Hale, Ruth, The Salt Roads of the North: Trade and Travel (Leeds University Press, 1991), pp. 20–24;",
            "The Salt Roads of the North: Trade and Travel",
            {"publisher-place": None, "publisher": "Leeds University Press", "page": "20-24"},
        ),
        (
            "Ruth Hale, The Salt Roads of the North, 2nd ed. (York: Minster Press, 1995), 7.",
            "The Salt Roads of the North",
            {"publisher": "Minster Press", "edition": "2", "page": "7"},
        ),
        (
            "Hale, Ruth, 1974, Mill Towns of the Pennines (Manchester: Northern Press)",
            "Mill Towns of the Pennines",
            {"publisher-place": "Manchester", "publisher": "Northern Press", "issued": {"date-parts": [[1974]]}},
        ),
        (  # a note after the pages cited
            "Ruth Hale, Mill Towns of the Pennines (Manchester: Northern Press, 1974), 112; emphasis added.",
            "Mill Towns of the Pennines",
            {"publisher": "Northern Press", "page": "112", "note": "emphasis added"},
        ),
        (
            'Hale, Ruth, Harbours, trans. John Cumming (Bristol: Quayside, 1988), p. 230; faulty ("Ding" means thing).',
            "Harbours",
            {"publisher": "Quayside", "page": "230", "note": 'faulty ("Ding" means thing)'},
        ),
    ],
)
def test_a_publication_in_brackets_after_a_title_makes_a_book(raw: str, title: str, fields: dict) -> None:
    """``Title (Place: Publisher, Year), pages``: the bracket holds the book's place, publisher and year, the
    numbers after it are the pages cited, and the title is all that precedes it."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["author"][0]["family"]) == ("book", title, "Hale")
    assert "container-title" not in item and "volume" not in item
    assert {key: item.get(key) for key in fields} == fields


def test_a_chapter_or_a_bracket_with_no_publisher_is_no_bracketed_book() -> None:
    item = parse_reference("Ruth Hale, “Salt,” in Trade Roads (York: Minster Press, 1995), 7–9.").item
    assert item["type"] != "book"
    item = parse_reference("Hale, Ruth. The Prelude: Four Texts (1798, 1805, 1850). London: Minster Press, 1995.").item
    assert item["title"] == "The Prelude: Four Texts (1798, 1805, 1850)"


@settings(max_examples=60, deadline=None)
@given(
    title=st.sampled_from(["Mill Towns of the North", "Salt, Trade, and Travel", "Harbours: A History, 1780–1860"]),
    publication=st.sampled_from(
        [("Oxford: Clarendon Press, 1989", "Clarendon Press"), ("New York, NY: Norton, 2001", "Norton")]
        + [("Cambridge University Press, 2002", "Cambridge University Press")]
    ),
    pages=st.sampled_from(["", ", 45", ", 45–47", ", p. 9", ", p. 9; a note (in brackets)"]),
)
def test_a_title_never_runs_into_its_bracketed_publication(
    title: str, publication: tuple[str, str], pages: str
) -> None:
    item = parse_reference(f"Margaret Jones, {title} ({publication[0]}){pages}.").item
    assert (item["type"], item["title"], item["publisher"]) == ("book", title, publication[1])


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("Carver, Helen M. The Grain Trade of the Baltic, 2nd ed., Methuen and Company, 1958.", {"edition": "2"}),
        ("H. M. Carver, The Grain Trade of the Baltic, Vol. 3, Prentice Hall, 1958.", {"volume": "3"}),
        ("Carver, H. M., The Grain Trade of the Baltic, 3rd edn, Methuen and Company, 1958.", {"edition": "3"}),
        (
            "Carver, Helen M. The Grain Trade of the Baltic, Rev. ed., London: Methuen and Company, 1958.",
            {"edition": "Rev. ed.", "publisher-place": "London"},
        ),
    ],
)
def test_an_edition_or_volume_before_a_publisher_with_no_place_makes_a_book(raw: str, fields: dict) -> None:
    """``Title, 2nd ed., Publisher, Year.``, ``Title, Vol. 15, Publisher, Year.``: the edition or volume between
    commas closes the title, and what follows is the book's publisher and year, not an article's journal."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"]) == ("book", "The Grain Trade of the Baltic")
    assert item["publisher"] in ("Methuen and Company", "Prentice Hall") and "container-title" not in item
    assert item["issued"] == {"date-parts": [[1958]]}
    assert {key: item.get(key) for key in fields} == fields


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        (
            "Carver, Helen M. The Grain Trade of the Baltic, 2nd ed., Methuen and Company, 1958. [See also: Penguin "
            "edition 1971].",
            "See also: Penguin edition 1971",
        ),
        (
            "Carver HM. Baltic grain prices. Econ Hist Rev. 1958;11(2):33-41. (See also Working Paper No. 12).",
            "See also Working Paper No. 12",
        ),
    ],
)
def test_a_closing_see_also_note_is_a_note_not_the_reference_s(raw: str, note: str) -> None:
    """``[See also: Dover edition 1960]`` closing a reference points to another record: a note, read neither as
    a journal nor as part of the numbers."""
    item = parse_reference(raw).item
    assert item["note"] == note
    assert "See" not in str(item.get("container-title", "")) + item["title"]


@settings(max_examples=60, deadline=None)
@given(
    edition=st.sampled_from([("2nd ed.", "2"), ("3rd edn", "3"), ("10th edn.", "10"), ("Rev. ed.", "Rev. ed.")]),
    after_title=st.sampled_from([". ", ", "]),
    publication=st.sampled_from(
        [
            ("Oxford University Press, 2001.", None, "Oxford University Press", 2001),
            ("Methuen and Company, 1958.", None, "Methuen and Company", 1958),
            ("London: Sage, 2010.", "London", "Sage", 2010),
            ("New York: Holt, Rinehart and Winston, 1960.", "New York", "Holt, Rinehart and Winston", 1960),
        ]
    ),
)
def test_an_edition_followed_by_a_comma_leaves_the_publication_whole(
    edition: tuple[str, str], after_title: str, publication: tuple[str, str | None, str, int]
) -> None:
    """``Title. 2nd ed., Publisher, Year.``, ``Title. 3rd edn, Place: Publisher, Year.``: an edition printed as a
    sentence of its own or after the title's comma, a comma after it, is the book's edition; what follows is its
    publication."""
    printed, place, publisher, year = publication
    item = parse_reference(f"Carver, Helen M. The Grain Trade of the Baltic{after_title}{edition[0]}, {printed}").item
    assert (item["type"], item["title"], item.get("edition")) == ("book", "The Grain Trade of the Baltic", edition[1])
    assert (item.get("publisher-place"), item["publisher"], item["issued"]) == (
        place,
        publisher,
        {"date-parts": [[year]]},
    )


@pytest.mark.parametrize(
    "raw",
    [
        "Smith, J. (2010) Research methods. 2nd edn, London: Sage.",
        "Smith, J. (2010) Research methods, 2nd edn, London: Sage.",
        "Smith, J. (2010) Research methods. 2nd edn. London: Sage.",
        "Smith, J. 2010. Research methods. 2nd edn, London: Sage.",
        "Smith J. Research methods. 2nd edn, London: Sage; 2010.",
        "Smith, J. (2010). Research methods, 2nd ed., Sage.",
        "Smith, J. (2010) Research methods, 2nd edn, Sage.",
        "Smith, J. 2010. Research methods, 2nd edition, Sage.",
        "Smith J, Jones K (2010) Research methods, 2nd edn., Sage",
    ],
)
def test_a_harvard_edition_is_the_edition_whatever_follows_it(raw: str) -> None:
    """An edition after the title's comma is the book's, whether a place and a publisher or a publisher alone
    follow it (the year printed after the authors)."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item.get("edition")) == ("book", "Research methods", "2")
    place = "London" if "London" in raw else None
    assert (item.get("publisher-place"), item["publisher"], item["issued"]) == (place, "Sage", {"date-parts": [[2010]]})


@pytest.mark.parametrize(
    ("raw", "title", "count"),
    [
        ("Murray, John. A History of Travel. 3 vols. London: Murray, 1850.", "A History of Travel", "3"),
        ("A History of Travel. 3 vols. London: Murray, 1850.", "A History of Travel", "3"),
        ("Murray, John. A History of Travel, 2 vols. London: Murray, 1850.", "A History of Travel", "2"),
        ("Murray J. A history of travel. 3 vols. London: Murray; 1850.", "A history of travel", "3"),
        ("Murray, J. (1850). A history of travel. 3 vols. London: Murray.", "A history of travel", "3"),
        ("Murray, John, A History of Travel, 10 vols. (London: Murray, 1850), 45.", "A History of Travel", "10"),
        ("Murray, John, A History of Travel, 2 vols (London: Murray, 1850).", "A History of Travel", "2"),
        ("Murray, John. A History of Travel. 4 vols. in 5. London: Murray, 1850.", "A History of Travel", "4"),
    ],
)
def test_the_number_of_a_work_s_volumes_is_no_part_of_its_title(raw: str, title: str, count: str) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["number-of-volumes"]) == ("book", title, count)
    assert (item["publisher-place"], item["publisher"]) == ("London", "Murray") and "volume" not in item


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        (
            "Alena Ledeneva, How Russia Really Works: Informal Practices (Ithaca: Cornell University Press, 2006), 12.",
            ("Ledeneva", "Alena"),
            "How Russia Really Works: Informal Practices",
        ),
        (
            "Orland Figes, Peasant Russia, Civil War: The Volga Countryside (Oxford: Clarendon Press, 1989)",
            ("Figes", "Orland"),
            "Peasant Russia, Civil War: The Volga Countryside",
        ),
        (
            "Mahler, Alma, Gustav Mahler: Memories and Letters (New York, NY: Viking Press, 1969).",
            ("Mahler", "Alma"),
            "Gustav Mahler: Memories and Letters",
        ),
        (
            "Levin, David, Unsettling Opera: Staging Mozart and Verdi (University of Chicago Press, 2007).",
            ("Levin", "David"),
            "Unsettling Opera: Staging Mozart and Verdi",
        ),
        (
            "Mathilde von Bulow, West Germany, Cold War Europe (Cambridge, UK: Cambridge University Press, 2016)",
            ("Bulow", "Mathilde"),
            "West Germany, Cold War Europe",
        ),
    ],
)
def test_a_title_before_a_bracketed_publication_keeps_its_first_words(raw: str, author: tuple, title: str) -> None:
    """``Given Family, Title Words, More: Subtitle (Place: Publisher, Year)``: names with no ``and`` before the last
    are one author's; the words after the first name open the title."""
    item = parse_reference(raw).item
    assert [(name["family"], name["given"]) for name in item["author"]] == [author]
    assert (item["type"], item["title"]) == ("book", title)


def test_authors_joined_by_and_before_a_bracketed_publication_stay_authors() -> None:
    raw = "Stravinsky, Igor, and Robert Craft, Memories and Commentaries (Berkeley, CA: University Press, 1959)."
    item = parse_reference(raw).item
    assert [name["family"] for name in item["author"]] == ["Stravinsky", "Craft"]
    assert item["title"] == "Memories and Commentaries"
    item = parse_reference("Smith J, Jones K, Lee M. Exosomes in cancer. Oncogene. 2010;29(11): 1611-21.").item
    assert [name["family"] for name in item["author"]] == ["Smith", "Jones", "Lee"]


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        ("Homer. The Iliad. London: Penguin, 1991.", "Homer", "The Iliad"),
        ("Homer. The Odyssey. Translated by Robert Fagles. New York: Viking, 1996.", "Homer", "The Odyssey"),
        ("Homer. The Iliad. Trans. Robert Fagles.", "Homer", "The Iliad"),
        ("Plato. The Republic. Translated by Allan Bloom. New York: Basic Books, 1968.", "Plato", "The Republic"),
        ("Ovid. Metamorphoseon. Edited by Michael von Albrecht. Stuttgart: Reclam, 1994.", "Ovid", "Metamorphoseon"),
        ("Aristotle. Nicomachean Ethics. Oxford: Clarendon Press; 1925.", "Aristotle", "Nicomachean Ethics"),
        ("Virgil. The Aeneid. Translated by Robert Fitzgerald. New York: Vintage, 1990.", "Virgil", "The Aeneid"),
        ("Homer. (1991). The Iliad. London: Penguin.", "Homer", "The Iliad"),
        ("Homer. 1991. The Iliad. London: Penguin.", "Homer", "The Iliad"),
        ("Plato. (1968). The Republic (A. Bloom, Trans.). Basic Books.", "Plato", "The Republic"),
        ("Homer, The Iliad, trans. Robert Fagles (New York: Viking, 1990).", "Homer", "The Iliad"),
        ("Homer, The Iliad (New York: Viking, 1990), 45.", "Homer", "The Iliad"),
        ("Plato, The Republic, trans. Allan Bloom (New York: Basic Books, 1968), 45.", "Plato", "The Republic"),
        ("Virgil, The Aeneid, translated by Robert Fagles (New York: Viking, 2006).", "Virgil", "The Aeneid"),
        ("Homer, The Odyssey (Penguin Books, 1996), 12.", "Homer", "The Odyssey"),
    ],
)
def test_a_lone_name_before_a_book_s_title_is_its_author(raw: str, author: str, title: str) -> None:
    item = parse_reference(raw).item
    assert (item["author"], item["title"]) == ([{"literal": author}], title)


@pytest.mark.parametrize(
    "raw",
    [
        "Exosomes. A review of vesicles. Nature. 2019;1:2-3.",
        "Proc. Seventh Irish Conference on Cognitive Science. Dublin University Press, 1994.",
        # an inverted name's family name, its given names after the comma: not an author of one name
        "Goethe, Johann Wolfgang von, Faust, trans. Walter Kaufmann (New York: Anchor, 1990).",
        "Andrade, Mário de, Macunaíma (São Paulo: Martins, 1978).",
        # a word labelling a part or a kind of text opens the title
        "Proceedings. Annual Meeting of the Society. London: Wiley, 2001.",
        "Introduction. Collected Essays. London: Faber, 1999.",
        "Summary. Climate Change 2021. Geneva: IPCC, 2021.",
        "Editorial. (2020). Exosomes come of age. London: Macmillan.",
        "Preface, Collected Essays (London: Faber, 1999).",
    ],
)
def test_an_article_s_first_word_an_abbreviation_or_an_inverted_name_is_no_lone_author(raw: str) -> None:
    assert {"literal": raw.split(",")[0].split(".")[0]} not in parse_reference(raw).item.get("author", [])


@pytest.mark.parametrize(
    ("raw", "authors", "title", "place", "publisher"),
    [
        (
            "Narboux, Jean-Philippe, L'illusion, Paris, Éditions de Minuit, 2000.",
            ["Narboux"],
            "L'illusion",
            "Paris",
            "Éditions de Minuit",
        ),
        (
            "Narboux, J.-P., L'illusion, Paris: Éditions de Minuit, 2000.",
            ["Narboux"],
            "L'illusion",
            "Paris",
            "Éditions de Minuit",
        ),
        (
            "Bourdieu, Pierre, et Jean-Claude Passeron, La reproduction, Paris, Éditions de Minuit, 1970.",
            ["Bourdieu", "Passeron"],
            "La reproduction",
            "Paris",
            "Éditions de Minuit",
        ),
        (
            "Eco, Umberto, Il nome della rosa, Milano, Edizioni Bompiani, 1980.",
            ["Eco"],
            "Il nome della rosa",
            "Milano",
            "Edizioni Bompiani",
        ),
        (
            "Smith, John, Exosomes in medicine, London, Academic Press, 2000.",
            ["Smith"],
            "Exosomes in medicine",
            "London",
            "Academic Press",
        ),
        # a publisher's name of one word after a city known for its publishers
        ("Rossi, Mario, La memoria, Milano, Feltrinelli, 1999.", ["Rossi"], "La memoria", "Milano", "Feltrinelli"),
        (
            "Dupont, J., La mémoire, Paris, Les Indes Savantes, 2001.",
            ["Dupont"],
            "La mémoire",
            "Paris",
            "Les Indes Savantes",
        ),
        # the publisher before its place
        ("Smith J. Genetics, Springer, Berlin, 2005.", ["Smith"], "Genetics", "Berlin", "Springer"),
        (
            "Smith, John, Exosomes in medicine, Oxford University Press, Oxford, 2000.",
            ["Smith"],
            "Exosomes in medicine",
            "Oxford",
            "Oxford University Press",
        ),
        # the publisher after the institution it belongs to
        (
            "Vali, Ferenc A., The Turkish Straits and NATO, California, Stanford University, Hoover Institution "
            "Press, 1972.",
            ["Vali"],
            "The Turkish Straits and NATO",
            "California",
            "Stanford University, Hoover Institution Press",
        ),
        (
            "Vali, Ferenc A., The Turkish Straits and NATO, California, Hoover Institution Press, 1972.",
            ["Vali"],
            "The Turkish Straits and NATO",
            "California",
            "Hoover Institution Press",
        ),
    ],
)
def test_a_book_printed_with_commas_only_has_one_title_after_its_names(
    raw: str, authors: list, title: str, place: str, publisher: str
) -> None:
    """``Family, Given, Title, Place, Publisher, Year.``: the title is not one more name nor the place its given
    name; the place, publisher and year closing the text are the book's."""
    item = parse_reference(raw).item
    assert [name["family"] for name in item["author"]] == authors
    assert (item["type"], item["title"], item["publisher-place"]) == ("book", title, place)
    assert item["publisher"] == publisher


@pytest.mark.parametrize(
    "raw",
    [
        "R. H. Bube, Photovoltaic Materials, Imperial College Press, 1998.",  # no place: the title is no place
        "Smith, J., Title of the talk, Paris, France, 2000.",  # a place and its country, no publisher
        "Rossi, M., Title of the talk, Milano, Italia, 1999.",
        "Smith, J., Title of the talk, Tech Report 296, Labs, Cambridge, MA, 1963.",  # a city and its state
        "Smith, J., Title of the talk, London, Oxford, 1999.",  # two cities
        'Hooman, J., "Specification of Real-Time Systems", PhD Thesis, Eindhoven, the Netherlands, 1991.',
        # a chapter's or a paper's host named after its title: not the title of a book
        "Clark, K. L., Negation as failure, in: H. Gallaire (ed.), Logic and Data Bases, Plenum Press, Paris, 1978.",
        "Smith, J., Exosomes, in Third Conference on Logic Programming, Springer-Verlag, Paris, 1986.",
    ],
)
def test_a_text_with_commas_closing_on_no_place_and_publisher_is_no_such_book(raw: str) -> None:
    item = parse_reference(raw).item
    assert item.get("publisher-place") not in ("Photovoltaic Materials", "Paris", "Eindhoven", "Stanford University")
    assert item.get("publisher") not in ("Italia", "MA", "Oxford")
    assert " in" not in item.get("title", "")


@pytest.mark.parametrize(
    "raw",
    [
        # a meeting's papers named after the title, printed with their place
        "Smith, John, Exosomes, Proceedings of ICML, Boston, Massachusetts, 2000.",
        "Smith, John, Exosomes, Workshop on Vesicles, Paris, Gallimard, 2000.",
        "Lee, Kim, Exosomes, Symposium on Cells, Milano, Feltrinelli, 1999.",
    ],
)
def test_a_meeting_after_the_title_is_no_book_s_publication(raw: str) -> None:
    """``…, Proceedings of ICML, Boston, …``: a meeting's papers, not a book."""
    item = parse_reference(raw).item
    assert item["type"] != "book"
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "title", "place"),
    [
        # a city and its state or province, spelled out or abbreviated
        ("Smith, John, Exosomes, Cambridge, Massachusetts, 2000.", "Exosomes", "Cambridge, Massachusetts"),
        ("Smith, John, Exosomes, London, Ontario, 2000.", "Exosomes", "London, Ontario"),
        ("Smith, John, Exosomes, Boston, Mass, 2000.", "Exosomes", "Boston, Mass"),
        ("Dupont, Jean, Vésicules, Montréal, Québec, 2000.", "Vésicules", "Montréal, Québec"),
        # printed with full stops and Vancouver's semicolon
        ("Smith J. Exosomes. Cambridge, Massachusetts; 2000.", "Exosomes", "Cambridge, Massachusetts"),
        # a state's postal code
        ("Smith J. Exosomes. Cambridge, MA; 2000.", "Exosomes", "Cambridge, MA"),
        ("Smith, John, Exosomes, Cambridge, MA, 2000.", "Exosomes", "Cambridge, MA"),
        # the capital of an Australian state, of a Canadian province, of New Zealand
        ("Smith J. Exosomes. Brisbane, Queensland; 2000.", "Exosomes", "Brisbane, Queensland"),
        ("Smith, John, Exosomes, Brisbane, Queensland, 2000.", "Exosomes", "Brisbane, Queensland"),
        ("Smith J. Exosomes. Perth, WA; 2000.", "Exosomes", "Perth, WA"),
        ("Smith J. Exosomes. Ottawa, Ontario; 2000.", "Exosomes", "Ottawa, Ontario"),
        ("Smith J. Exosomes. Wellington, New Zealand; 2000.", "Exosomes", "Wellington, New Zealand"),
        # a country by the letters it is known by
        ("Smith J. Exosomes. Auckland, NZ; 2000.", "Exosomes", "Auckland, NZ"),
        ("Smith J. Exosomes. Auckland, N.Z.; 2000.", "Exosomes", "Auckland, N.Z."),
        ("Smith, John, Exosomes, Auckland, NZ, 2000.", "Exosomes", "Auckland, NZ"),
        # a publishing city of Asia or of the Middle East, its country in full or by its letters
        ("Smith J. Exosomes. Dubai, UAE; 2000.", "Exosomes", "Dubai, UAE"),
        ("Smith J. Exosomes. Abu Dhabi, UAE; 2000.", "Exosomes", "Abu Dhabi, UAE"),
        ("Smith J. Exosomes. Seoul, ROK; 2000.", "Exosomes", "Seoul, ROK"),
        ("Smith J. Exosomes. Seoul, Korea; 2000.", "Exosomes", "Seoul, Korea"),
        ("Smith J. Exosomes. Taipei, ROC; 2000.", "Exosomes", "Taipei, ROC"),
        ("Smith J. Exosomes. Taipei, Taiwan; 2000.", "Exosomes", "Taipei, Taiwan"),
        ("Smith J. Exosomes. Hong Kong, China; 2000.", "Exosomes", "Hong Kong, China"),
        ("Smith J. Exosomes. New Delhi, India; 2000.", "Exosomes", "New Delhi, India"),
        ("Smith J. Exosomes. Kuala Lumpur, Malaysia; 2000.", "Exosomes", "Kuala Lumpur, Malaysia"),
        ("Smith J. Exosomes. Tehran, Iran; 2000.", "Exosomes", "Tehran, Iran"),
        ("Smith, John, Exosomes, Riyadh, Saudi Arabia, 2000.", "Exosomes", "Riyadh, Saudi Arabia"),
        # a city that is a country or a territory too, printed alone
        ("Smith J. Exosomes. Hong Kong; 2000.", "Exosomes", "Hong Kong"),
        ("Smith J. Exosomes. Singapore; 2000.", "Exosomes", "Singapore"),
    ],
)
def test_a_city_and_its_state_after_the_title_are_a_book_s_place(raw: str, title: str, place: str) -> None:
    """``…, Exosomes, Cambridge, Massachusetts, 2000.``: a city and its state or province after the title are the
    place of a book printed without its publisher, not a journal's name nor a publisher's."""
    item = parse_reference(raw).item
    assert item["type"] == "book"
    assert (item["title"], item["publisher-place"], item["issued"]) == (title, place, {"date-parts": [[2000]]})
    assert "publisher" not in item
    assert "container-title" not in item


@pytest.mark.parametrize(
    ("raw", "author", "fields"),
    [
        (
            "Smith, John, Exosomes, Cambridge, Massachusetts, 2000.",
            [{"family": "Smith", "given": "John"}],
            {"title": "Exosomes"},
        ),
        ("Smith, John, Exosomes, Boston, Mass, 2000.", [{"family": "Smith", "given": "John"}], {"title": "Exosomes"}),
        (
            "Dupont, Jean, Lee, Anna, Vésicules, Montréal, Québec, 2004.",
            [{"family": "Dupont", "given": "Jean"}, {"family": "Lee", "given": "Anna"}],
            {"title": "Vésicules"},
        ),
        (
            "Smith, John, Exosomes, Proceedings of ICML, Boston, Massachusetts, 2000.",
            [{"family": "Smith", "given": "John"}],
            {
                "type": "paper-conference",
                "title": "Exosomes",
                "container-title": "Proceedings of ICML",
                "event-place": "Boston, Massachusetts",
                "issued": {"date-parts": [[2000]]},
            },
        ),
        (
            "Smith, John, Exosomes, Proceedings of ICML, Boston, MA, 2000.",
            [{"family": "Smith", "given": "John"}],
            {"type": "paper-conference", "container-title": "Proceedings of ICML", "event-place": "Boston, MA"},
        ),
        (
            "Smith, John, Exosomes, Workshop on Vesicles, Paris, France, 2000.",
            [{"family": "Smith", "given": "John"}],
            {"type": "paper-conference", "container-title": "Workshop on Vesicles", "event-place": "Paris, France"},
        ),
    ],
)
def test_a_city_and_its_state_after_inverted_names_are_no_names(raw: str, author: list, fields: dict) -> None:
    """``Smith, John, Exosomes, Cambridge, Massachusetts, 2000.``: a city and its state, province or country close
    the text, not a given name (``Exosomes, Cambridge``) and a family name (``Massachusetts``); the names end before
    the title."""
    item = parse_reference(raw).item
    assert item["author"] == author
    assert {key: item.get(key) for key in fields} == fields


def test_a_book_s_publisher_named_springer_is_no_season_s_date() -> None:
    """``Vol. 770, Springer, 2004``: Springer is a publisher's name, not the spring of 2004 closing an article's
    numbers."""
    item = parse_reference(
        "Minker, W. and Bennacef, S., Speech and human-machine dialog, Vol. 770, Springer, 2004."
    ).item
    assert (item["type"], item["title"], item["volume"]) == ("book", "Speech and human-machine dialog", "770")
    assert (item["publisher"], item["issued"]) == ("Springer", {"date-parts": [[2004]]})


def test_a_season_before_the_year_is_still_a_date() -> None:
    item = parse_reference("Smith, J. Exosomes. Journal of Things, 12(3), 1-9, Spring 2004.").item
    assert (item["type"], item["issued"], item["page"]) == ("article-journal", {"date-parts": [[2004]]}, "1-9")


@pytest.mark.parametrize(
    ("raw", "title", "place", "publisher"),
    [
        (
            "Brown, Jeannine K., Carla M. Dahl and Wyndy Corbin, Becoming Whole and Holy, Grand Rapids: Baker "
            "Academic, 2011.",
            "Becoming Whole and Holy",
            "Grand Rapids",
            "Baker Academic",
        ),
        (
            "Hallier, Amédée, The Monastic Theology of Aelred (tr. Columban Heaney), Shannon: Irish University Press, "
            "1969.",
            "The Monastic Theology of Aelred (tr. Columban Heaney)",
            "Shannon",
            "Irish University Press",
        ),
        # a state's code stays with its city
        (
            "Dunker, Karl. On Problem Solving, Washington, D.C.: The American Psychological Association, 1945.",
            "On Problem Solving",
            "Washington, D.C.",
            "The American Psychological Association",
        ),
        # guillemets around the title are no part of it
        (
            "BUROWAY, M., « Manufacturing consent », Chicago : University of Chicago, 1979.",
            "Manufacturing consent",
            "Chicago",
            "University of Chicago",
        ),
    ],
)
def test_a_place_and_publisher_after_the_title_s_comma_make_a_book(
    raw: str, title: str, place: str, publisher: str
) -> None:
    """``Title, Place: Publisher, Year.``: not an article in a journal named after the place and the publisher."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        title,
        place,
        publisher,
    )
    assert "container-title" not in item


@pytest.mark.parametrize(
    "raw",
    [
        'Gershick, M. A. and Trygve Haavelmo. "Statistical Analysis of the Demand for Food: Examples of Simultaneous '
        'Estimation of Structural Equations," Econometrica, Vol. XV (April, 1947), as reprinted in William C. Hood and '
        "Tjalling Koopmans, Studies in Econometric Methods, New York: John Wiley, 1953.",
        "Roberts, Richard H., ‘Order and Organization: The Future of Institutional and Established Religion’ (78-96) "
        "in G.R. Evans and Martyn Percy (eds.), Managing the Church? Order and Organization in a Secular Age, "
        "Sheffield: Sheffield Academic Press, 2000.",
    ],
)
def test_a_quoted_title_before_a_place_and_publisher_after_a_comma_makes_no_book(raw: str) -> None:
    """An article's or a chapter's quoted title, its journal or book before the publication: no book."""
    assert parse_reference(raw).item["type"] != "book"


def test_a_city_and_its_state_s_code_make_no_title() -> None:
    item = parse_reference("CIA World Factbook. Washington, DC: Central Intelligence Agency, 2009.").item
    assert item.get("publisher-place") != "DC"


@pytest.mark.parametrize(
    ("raw", "authors", "title", "place", "publisher"),
    [
        ("Smith J. Genetics. Springer, Berlin, 2005.", ["Smith"], "Genetics", "Berlin", "Springer"),
        (
            "Geddes, K., and Labahn, G. Algorithms for Computer Algebra. Kluwer Academic Publishers, Boston, 1992.",
            ["Geddes", "Labahn"],
            "Algorithms for Computer Algebra",
            "Boston",
            "Kluwer Academic Publishers",
        ),
    ],
)
def test_a_book_s_publisher_printed_before_its_place(
    raw: str, authors: list, title: str, place: str, publisher: str
) -> None:
    """``Title. Springer, Berlin, 2005.``: a publisher named as one before a place closes a book, not a journal named
    ``Springer, Berlin``; its first word is no family name of the last author (``Smith J. Genetics``)."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert parsed.status == "full", parsed.problems
    assert [name["family"] for name in item["author"]] == authors
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        title,
        place,
        publisher,
    )
    assert item["issued"]["date-parts"][0][0] == int(raw[-5:-1])


@pytest.mark.parametrize(
    ("raw", "journal", "place"),
    [
        ("Smith J. Exosomes. Nature, London, UK, 2001.", "Nature", "London, UK"),
        ("Smith J. Exosomes. Nature, London, 2001.", "Nature", "London"),
        ("Smith J, Lee K. Exosomes. Nature, London, UK, 2001.", "Nature", "London, UK"),
        ("Smith J. Exosomes. Nature, London, UK, 2001;410:1-5.", "Nature", "London, UK"),
        ("Smith J. Exosomes. Science, New York, N.Y., 2001;291:1-5.", "Science", "New York, N.Y."),
        (
            "Smith J. Exosomes. Springer Semin Immunopathol, Berlin, Germany, 2005.",
            "Springer Semin Immunopathol",
            "Berlin, Germany",
        ),
        # a city that is a country too, opening the journal's name
        ("Smith J. Exosomes. Hong Kong Med J, Hong Kong, 2001.", "Hong Kong Med J", "Hong Kong"),
        ("Smith J. Exosomes. Singapore Med J, Singapore, 2001;42:1-5.", "Singapore Med J", "Singapore"),
    ],
)
def test_a_journal_then_its_place_is_an_article_in_the_journal(raw: str, journal: str, place: str) -> None:
    """``Exosomes. Nature, London, UK, 2001.``: a journal's name, then the city (maybe with its country) it is
    published at, is an article in that journal, the place the journal's; not a book titled ``Nature``, the title's
    first word read as a family name after the initials (``Smith J. Exosomes``), nor a journal ``Nature, London,
    UK``."""
    item = parse_reference(raw).item
    assert item["author"][0] == {"family": "Smith", "given": "J."}
    assert (item["type"], item["title"], item["container-title"], item["publisher-place"]) == (
        "article-journal",
        "Exosomes",
        journal,
        place,
    )
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "publisher", "place"),
    [
        ("Smith J. Exosomes. World Health Organization, Geneva, 2001.", "World Health Organization", "Geneva"),
        ("Smith J. Exosomes. Royal College of Physicians, London, 2001.", "Royal College of Physicians", "London"),
        ("Smith J. Exosomes. Hutchinson, London, 2001.", "Hutchinson", "London"),
        ("Smith J. Exosomes. Harvard University, Cambridge, 2001.", "Harvard University", "Cambridge"),
        # an organisation named after the country it works in
        ("Smith J. Exosomes. Cancer Research UK, London, 2001.", "Cancer Research UK", "London"),
        ("Smith J. Exosomes. Cancer Council Australia, Sydney, 2001.", "Cancer Council Australia", "Sydney"),
        # the year printed after the authors
        (
            "McGuire, R. K. (2001). Exosomes. Earthquake Engineering Research Institute, Berkeley, CA.",
            "Earthquake Engineering Research Institute",
            "Berkeley, CA",
        ),
        ("Puterman, M. L. (2001). Exosomes. Wiley, New York.", "Wiley", "New York"),
    ],
)
def test_an_organisation_then_its_place_is_a_book_s_publisher(raw: str, publisher: str, place: str) -> None:
    """``Exosomes. World Health Organization, Geneva, 2001.``: an organisation publishing its own books and reports,
    or a publisher known by a name of its own, then its city, is the publisher of a book, its place the publisher's;
    not a journal ``World Health Organization`` published at Geneva, nor, the year printed after the authors, one
    publisher ``Wiley, New York``."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher"], item["publisher-place"]) == (
        "book",
        "Exosomes",
        publisher,
        place,
    )
    assert item["issued"] == {"date-parts": [[2001]]}
    assert "container-title" not in item


def test_a_state_s_code_after_a_publisher_and_a_comma_is_no_place_of_its_own() -> None:
    """``Westview Press Boulder, CO``: the city printed with the publisher before the comma, the state's code after
    it is not read as the place."""
    item = parse_reference("Wood, B. (1994). Exosomes. Westview Press Boulder, CO.").item
    assert item.get("publisher-place") != "CO"


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. Journal of the American College of Cardiology, Washington, 2001.",
        "Smith J. Exosomes. Proceedings of the Royal Society, London, 2001.",
        "Smith J. Exosomes. Medical Journal of Australia, Sydney, 2001.",
        "Smith J. Exosomes. Frontiers of Medicine in China, Beijing, 2001.",
    ],
)
def test_a_journal_named_after_an_organisation_then_its_place_stays_a_journal(raw: str) -> None:
    item = parse_reference(raw).item
    assert item["type"] == "article-journal"
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("SMITH J. Exosomes[J]. Nature, London, 2001, 410(6831): 1-5.", "London"),
        ("SMITH J. Exosomes[J]. Nature, London, UK, 2001, 410(6831): 1-5.", "London, UK"),
    ],
)
def test_a_coded_journal_then_its_place_is_the_journal_and_its_place(raw: str, place: str) -> None:
    """``Exosomes[J]. Nature, London, 2001, 410(6831): 1-5.``: GB/T 7714's journal and the city it is published at
    are read as printed without a code, the journal ``Nature`` and its place, not a journal ``Nature, London``."""
    item = parse_reference(raw).item
    assert (item["type"], item["container-title"], item["publisher-place"]) == ("article-journal", "Nature", place)
    assert (item["volume"], item["issue"], item["page"]) == ("410", "6831", "1-5")


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("Smith J. Exosomes. Nature, London, 2001, 410(6831): 1-5.", "London"),
        ("Smith J. Exosomes. Nature, London, UK, 2001, 410(6831): 1-5.", "London, UK"),
        ("Smith J. Exosomes. Nature, 2001, 410(6831): 1-5.", None),
    ],
)
def test_a_journal_its_place_and_numbers_after_commas_follow_the_title(raw: str, place: str | None) -> None:
    """``Smith J. Exosomes. Nature, London, 2001, 410(6831): 1-5.``: a journal, maybe its place, the year, the volume
    and the pages printed after commas as GB/T 7714 prints them, without a code, follow the title; the author list
    ends at the initials, not with a name given first (``Smith J.`` + ``Exosomes``)."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert item["author"] == [{"family": "Smith", "given": "J."}]
    assert (item["type"], item["title"], item["container-title"]) == ("article-journal", "Exosomes", "Nature")
    assert item.get("publisher-place") == place
    assert (item["issued"], item["volume"], item["issue"], item["page"]) == (
        {"date-parts": [[2001]]},
        "410",
        "6831",
        "1-5",
    )
    assert parsed.status == "full"


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("Smith J. Exosomes. Nature 2001; London, UK.", {}),
        ("Smith J, Lee K. Exosomes. Nature. 2001; London, UK.", {}),
        ("Smith J. Exosomes. Nature. 2001;410:1-5; London, UK.", {"volume": "410", "page": "1-5"}),
    ],
)
def test_a_journal_s_place_after_the_year_and_a_semicolon_is_its_place(raw: str, fields: dict[str, str]) -> None:
    """``Exosomes. Nature 2001; London, UK.``: a place printed after the year (or the numbers) and a semicolon is the
    journal's, as after its name; not a journal ``Nature 2001; London, UK``."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["container-title"], item["publisher-place"]) == (
        "article-journal",
        "Exosomes",
        "Nature",
        "London, UK",
    )
    assert item["issued"] == {"date-parts": [[2001]]}
    assert {key: item[key] for key in fields} == fields


@pytest.mark.parametrize(
    ("raw", "meeting", "place"),
    [
        (
            "Smith J. Exosomes. World Congress of Cardiology, Dublin, Ireland, 2001.",
            "World Congress of Cardiology",
            "Dublin, Ireland",
        ),
        (
            "Smith J. Exosomes. Annual Scientific Meeting, Brisbane, Australia, 2001.",
            "Annual Scientific Meeting",
            "Brisbane, Australia",
        ),
        (
            "Smith J. Exosomes. Canadian Cardiovascular Congress, Ottawa, Canada, 2001.",
            "Canadian Cardiovascular Congress",
            "Ottawa, Canada",
        ),
        ("Smith J. Exosomes. Annual Meeting, Sydney, Australia, 2001.", "Annual Meeting", "Sydney, Australia"),
        ("Smith J. Exosomes. World Congress of Cardiology, Dublin, 2001.", "World Congress of Cardiology", "Dublin"),
        # what the paper was, printed before the meeting
        (
            "Smith J. Exosomes. Paper presented at: World Congress of Cardiology, Dublin, Ireland, 2001.",
            "World Congress of Cardiology",
            "Dublin, Ireland",
        ),
        # a city no publisher is known at, with its country
        (
            "Smith J, Lee K. Exosomes. Annual Meeting of the ISEV, Kyoto, Japan, 2001.",
            "Annual Meeting of the ISEV",
            "Kyoto, Japan",
        ),
    ],
)
def test_a_meeting_then_its_place_and_year_is_a_paper_read_there(raw: str, meeting: str, place: str) -> None:
    """``Exosomes. World Congress of Cardiology, Dublin, Ireland, 2001.``: a meeting's name, the place it was held at
    and the year are a paper read at the meeting, the meeting its container and the place its ``event-place``; not a
    book titled ``World Congress of Cardiology`` by ``Smith J. Exosomes`` (the title's first word read as a family
    name after the initials), read in full."""
    item = parse_reference(raw).item
    assert item["author"][0] == {"family": "Smith", "given": "J."}
    assert (item["type"], item["title"], item["container-title"], item["event-place"]) == (
        "paper-conference",
        "Exosomes",
        meeting,
        place,
    )
    assert item["issued"] == {"date-parts": [[2001]]}
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    ("raw", "meeting"),
    [
        ("Smith J. Exosomes. World Congress of Cardiology; 2001.", "World Congress of Cardiology"),
        (
            "Smith J. Exosomes. Annual Meeting of the American Society of Hematology, 2001.",
            "Annual Meeting of the American Society of Hematology",
        ),
        ("Smith J. Exosomes. Symposium on Exosomes, 2001.", "Symposium on Exosomes"),
        ("Smith J. Exosomes. ASCO Annual Meeting; 2001.", "ASCO Annual Meeting"),
        ("Smith J. Exosomes. Paper presented at: World Congress of Cardiology; 2001.", "World Congress of Cardiology"),
        (
            "Smith J. Exosomes. In International Conference on Machine Learning, 2001.",
            "International Conference on Machine Learning",
        ),
    ],
)
def test_a_meeting_then_the_year_is_a_paper_read_there(raw: str, meeting: str) -> None:
    """``Exosomes. World Congress of Cardiology; 2001.``: a meeting's name and the year, no place printed, are a paper
    read at the meeting, as when its place is printed; not a book published by the meeting nor an article in a
    journal named after it."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert (item["type"], item["title"], item["container-title"]) == ("paper-conference", "Exosomes", meeting)
    assert item["issued"] == {"date-parts": [[2001]]}
    assert "publisher" not in item and "event-place" not in item
    assert parsed.status == "full"


@pytest.mark.parametrize(
    ("raw", "meeting"),
    [
        ("Smith, John, Exosomes, World Congress of Cardiology, 2001.", "World Congress of Cardiology"),
        ("Smith, John, Exosomes, Symposium on Exosomes, 2001.", "Symposium on Exosomes"),
    ],
)
def test_a_title_then_a_meeting_and_the_year_after_commas_is_a_paper_read_there(raw: str, meeting: str) -> None:
    """``Smith, John, Exosomes, World Congress of Cardiology, 2001.``: printed with commas only, the title, a
    meeting's name and the year, no place printed, are a paper read at the meeting, as when the meeting's place is
    printed; the title is no second author ``Exosomes``."""
    parsed = parse_reference(raw)
    item = parsed.item
    assert item["author"] == [{"family": "Smith", "given": "John"}]
    assert (item["type"], item["title"], item["container-title"]) == ("paper-conference", "Exosomes", meeting)
    assert item["issued"] == {"date-parts": [[2001]]}
    assert parsed.status == "full"


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. Proceedings of the 5th Conference on Exosomes; 2001.",
        "Smith J. Exosomes. Conference Board; 2001.",
        "Smith J. Exosomes. Journal of Conference Abstracts, 2001.",
    ],
)
def test_proceedings_or_a_name_holding_a_meeting_s_word_then_the_year_is_no_meeting(raw: str) -> None:
    assert parse_reference(raw).item["type"] != "paper-conference"


@pytest.mark.parametrize(
    "raw",
    [
        "Smith, John, Exosomes, World Congress of Cardiology, Dublin, Ireland, 2001.",
        "Smith, John, Exosomes, Annual Meeting of the ISEV, Boston, Massachusetts, 2001.",
    ],
)
def test_a_meeting_then_its_place_and_year_printed_with_commas_only_is_a_paper_read_there(raw: str) -> None:
    """``Smith, John, Exosomes, World Congress of Cardiology, Dublin, Ireland, 2001.``: printed with commas only, the
    title before a meeting's name, its place and the year is no family name read alone (``Exosomes``), nor the
    meeting a book's title."""
    item = parse_reference(raw).item
    assert item["author"] == [{"family": "Smith", "given": "John"}]
    assert (item["type"], item["title"]) == ("paper-conference", "Exosomes")
    assert item["container-title"] in raw and item["event-place"] in raw
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. A paper. Paper presented at: Annual Meeting of the ISEV; 2019; Boston, MA.",
        "Smith J. A paper. In: Proceedings of the 5th Conference; 2001 Sep 13-15; Boston, MA.",
    ],
)
def test_a_meeting_s_place_after_its_date_stays_the_meeting_s(raw: str) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item["event-place"]) == ("paper-conference", "Boston, MA")
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    ("raw", "journal"),
    [
        # a journal's name closing on a city that is a country too
        (
            "Smith J, Lee K. Exosomes. Annals of the Academy of Medicine, Singapore, 2001;30:1-5.",
            "Annals of the Academy of Medicine, Singapore",
        ),
        # a meeting's place, where it was held; a state university's campus
        (
            "Smith J, Lee K. Exosomes. Proceedings of the 5th Conference on Vesicles, Boston, 2001.",
            "Proceedings of the 5th Conference on Vesicles, Boston",
        ),
        (
            "Smith J, Lee K. Exosomes. PhD thesis, University of California, Berkeley, 2001.",
            "PhD thesis, University of California, Berkeley",
        ),
    ],
)
def test_a_city_closing_a_journal_s_name_or_a_meeting_s_is_no_journal_s_place(raw: str, journal: str) -> None:
    item = parse_reference(raw).item
    assert item["container-title"] == journal
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J, Lee K. Exosomes. Springer Semin Immunopathol, Berlin, 2005.",
        "Smith J, Lee K. Exosomes. Proceedings of the Press Association, Boston, 2005.",
    ],
)
def test_a_journal_named_with_a_publisher_s_word_before_a_place_stays_a_journal(raw: str) -> None:
    """A journal's name holding a publisher's word (``Springer Semin Immunopathol``, ``… Press Association``) before a
    place is no publisher: the reference stays an article."""
    item = parse_reference(raw).item
    assert item["type"] == "article-journal"
    assert "publisher" not in item
    assert item["container-title"].startswith(raw.split(". ")[2].split(",")[0])


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Sterne, Laurence. Exosome Biology. New York: Modern Library, n.d.", "New York", "Modern Library"),
        ("Smith, John. Exosome Biology. London: Oxford University Press, n. d.", "London", "Oxford University Press"),
    ],
)
def test_a_book_printed_with_no_date_is_a_book_with_no_date(raw: str, place: str, publisher: str) -> None:
    """``Title. New York: Arundel, n.d.``: a place and a publisher with no date printed close a book, not a journal
    named ``New York: Arundel, n.d.``."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Exosome Biology",
        place,
        publisher,
    )
    assert "issued" not in item and "container-title" not in item


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Smith J. Exosomes. Boston, Harvard; 2001.", "Boston", "Harvard"),
        ("Smith J. Exosomes. New York, Macmillan; 2001.", "New York", "Macmillan"),
        ("Smith J. Exosomes. Boston, Harvard University Press; 2001.", "Boston", "Harvard University Press"),
        # printed with commas only, read so already
        ("Smith, John, Exosomes, Boston, Harvard, 2001.", "Boston", "Harvard"),
    ],
)
def test_a_city_then_a_comma_before_the_publisher_are_the_place_and_the_publisher(
    raw: str, place: str, publisher: str
) -> None:
    """``Boston, Harvard; 2001``: a city known for its publishers, a comma where a colon was looked for, then a name
    that is no place are the place and the publisher, not a publisher named ``Boston, Harvard``; as with a colon
    (``Boston: Harvard; 2001``)."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Exosomes",
        place,
        publisher,
    )
    assert item["issued"] == {"date-parts": [[2001]]}


@pytest.mark.parametrize(
    ("raw", "publisher"),
    [
        ("Smith J. Exosomes. London, Oxford; 2001.", "London, Oxford"),  # two cities: which is the place is not told
    ],
)
def test_a_city_then_a_place_after_a_comma_are_not_parted(raw: str, publisher: str) -> None:
    item = parse_reference(raw).item
    assert item["publisher"] == publisher
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        # a publisher's name holding "Science", as journals' names do, before its place
        ("Smith J. Exosomes. Elsevier Science, Amsterdam, 1998.", "Amsterdam", "Elsevier Science"),
        ("Smith J. Exosomes. Elsevier Science: Amsterdam, 1998.", "Amsterdam", "Elsevier Science"),
        ("Smith J. Exosomes. Science Press, Beijing, 1998.", "Beijing", "Science Press"),
        # a Chinese publisher before its city, after a comma as after a colon
        ("Smith J. Exosomes. 三联书店, 北京, 1998.", "北京", "三联书店"),
        ("Smith J. Exosomes. 三联书店: 北京, 1998.", "北京", "三联书店"),
        # before the year, a place of a city and its country or state
        ("Smith, John. Exosomes. Springer, Cham, Switzerland, 2001.", "Cham, Switzerland", "Springer"),
        ("Smith, John. Exosomes. Springer: Cham, Switzerland, 2001.", "Cham, Switzerland", "Springer"),
        ("Smith, John. Exosomes. Wiley: Hoboken, NJ, 2001.", "Hoboken, NJ", "Wiley"),
        ("Smith J. Exosomes. Houghton, Mifflin & Co., Boston, 2005.", "Boston", "Houghton, Mifflin & Co."),
    ],
)
def test_a_publisher_before_its_place_is_read_alike_after_a_comma_and_a_colon(
    raw: str, place: str, publisher: str
) -> None:
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Exosomes",
        place,
        publisher,
    )


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. Springer Semin Immunopathol: Berlin, 2005.",
        "Smith J. Exosomes. Springer Semin Immunopathol, Berlin, 2005.",
    ],
)
def test_a_journal_s_name_holding_a_publisher_s_word_before_a_colon_is_no_publisher(raw: str) -> None:
    """``Springer Semin Immunopathol: Berlin``: a journal's name, not a publisher printed before its place, after a
    colon as after a comma."""
    item = parse_reference(raw).item
    assert item["type"] == "article-journal"
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Springer", "Berlin"),
        ("Houghton, Mifflin & Co.", "Boston & New York"),
        ("Elsevier Science", "Amsterdam"),
        ("三联书店", "北京"),
        ("Springer Semin Immunopathol", "Berlin"),
        ("Proceedings of the Press Association", "Boston"),
        ("New York", "Macmillan"),
        ("NRC Research Press", "Ottawa"),
        ("Annual Reviews Inc.", "Palo Alto"),
    ],
)
def test_a_publisher_before_its_place_is_told_by_one_rule(first: str, second: str) -> None:
    """A publisher printed before its place is told alike before a colon and before a comma."""
    swapped = in_order(first, second) == (second, first)
    assert swapped == publisher_first(first, second)
    if "," not in first:
        found = read_place_publication(f"{first}, {second}, 2005")
        assert swapped == bool(found and found["place"] == second)


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Smith J. Exosomes. Boston, Harvard, 2001.", "Boston", "Harvard"),
        ("Smith J. Exosomes. New York, Macmillan, 2001.", "New York", "Macmillan"),
        ("Smith J. Exosomes. Paris, Gallimard, 2001.", "Paris", "Gallimard"),
        ("Smith J. Exosomes. Paris, France, 2001.", "Paris, France", None),
        ("Smith J. Exosomes. Cambridge, Massachusetts, 2001.", "Cambridge, Massachusetts", None),
    ],
)
def test_a_place_and_a_publisher_parted_by_commas_after_a_vancouver_title(
    raw: str, place: str, publisher: str | None
) -> None:
    """``Smith J. Exosomes. Boston, Harvard, 2001.``: a city known for its publishers and a publisher's name (or the
    city's state or country) after the title, parted by commas, are the book's publication; the names end at the
    initials' full stop, not a name given first ``Smith J. Exosomes`` before a title ``Boston``."""
    item = parse_reference(raw).item
    assert item["author"] == [{"family": "Smith", "given": "J."}]
    assert (item["type"], item["title"], item["publisher-place"], item.get("publisher")) == (
        "book",
        "Exosomes",
        place,
        publisher,
    )


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Smith J. Exosomes. Springer, Berlin; 2005.", "Berlin", "Springer"),
        ("Smith J. Exosomes. Elsevier Science, Amsterdam; 2005.", "Amsterdam", "Elsevier Science"),
        ("Smith J. Exosomes. Houghton, Mifflin & Co., Boston; 2005.", "Boston", "Houghton, Mifflin & Co."),
    ],
)
def test_a_vancouver_publisher_before_its_place_after_a_comma_is_put_in_order(
    raw: str, place: str, publisher: str
) -> None:
    """``Springer, Berlin; 2005``: a publisher printed before its place and a comma, then Vancouver's semicolon
    before the year, is read as before a colon (``Springer: Berlin``), not one publisher ``Springer, Berlin``."""
    item = parse_reference(raw).item
    assert (item["type"], item["publisher-place"], item["publisher"]) == ("book", place, publisher)
    assert item["issued"] == {"date-parts": [[2005]]}


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Smith, John. Exosomes. NRC Research Press: Ottawa, 2001.", "Ottawa", "NRC Research Press"),
        ("Smith, John. Exosomes. Annual Reviews Inc.: Palo Alto, 2001.", "Palo Alto", "Annual Reviews Inc."),
        ("Smith, John. Exosomes. Royal Society Publishing: London, 2001.", "London", "Royal Society Publishing"),
        ("Smith, John. Exosomes. NRC Research Press, Ottawa, 2001.", "Ottawa", "NRC Research Press"),
        ("Smith J. Exosomes. Annual Reviews Inc., Palo Alto; 2001.", "Palo Alto", "Annual Reviews Inc."),
    ],
)
def test_a_publisher_s_name_holding_a_journal_s_word_before_its_place_is_a_publisher(
    raw: str, place: str, publisher: str
) -> None:
    """``NRC Research Press: Ottawa``: a name closing on a publisher's own word (Press, Publishing, Inc.) is a
    publisher printed before its place, whatever word of a journal's name it holds (Research, Reviews, Society); a
    journal's name closing otherwise (``Springer Semin Immunopathol: Berlin``) stays a journal's."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Exosomes",
        place,
        publisher,
    )
    assert "container-title" not in item


# (publisher, place): a publisher printed before its place, a city and its state, country or second city
PUBLISHER_BEFORE_CITY_AND_REGION = [
    ("Springer", "Cham, Switzerland"),
    ("Wiley", "Hoboken, NJ"),
    ("Springer", "New York, NY"),
    ("Academic Press", "London, UK"),
    ("CRC Press", "Boca Raton, FL"),
    ("Elsevier", "Amsterdam, Netherlands"),
    ("Springer-Verlag", "Berlin, Heidelberg"),
    ("Thieme", "Stuttgart, New York"),
    ("Science Press", "Beijing, China"),
    ("McGraw-Hill", "New York, NY, USA"),
    ("Lippincott, Williams & Wilkins", "Philadelphia, PA"),
    ("John Wiley & Sons, Inc.", "Hoboken, NJ"),
    # a country written with an article or in its long form, a county after a town
    ("Elsevier", "Amsterdam, The Netherlands"),
    ("Elsevier", "Amsterdam, the Netherlands"),
    ("Academic Press", "London, United Kingdom"),
    ("Springer", "New York, United States"),
    ("Springer", "New York, U.S.A."),
    ("Springer", "New York, United States of America"),
    ("Science Press", "Beijing, People's Republic of China"),
    ("Springer", "Seoul, Republic of Korea"),
    ("Wiley", "Chichester, West Sussex, UK"),
    ("Wiley", "Chichester, UK"),
    ("Oxford University Press", "Oxford, Oxon, United Kingdom"),
    ("Wiley-Blackwell", "Oxford, England"),
]


@pytest.mark.parametrize("form", ["Smith J. Exosomes. {}, {}; 2001.", "Smith J. Exosomes. {}, {}, 2001."])
@pytest.mark.parametrize(("publisher", "place"), PUBLISHER_BEFORE_CITY_AND_REGION)
def test_a_publisher_before_a_city_and_its_region_ends_at_the_city(form: str, publisher: str, place: str) -> None:
    """``Springer, Cham, Switzerland; 2001``: the publisher is what precedes the first place, the place the city and
    what follows it (its state or country, or a second city), not a publisher ``Springer, Cham`` and a place
    ``Switzerland``; before Vancouver's semicolon as before a comma."""
    item = parse_reference(form.format(publisher, place)).item
    assert item["author"] == [{"family": "Smith", "given": "J."}]
    assert (item["type"], item["title"], item["publisher"], item["publisher-place"]) == (
        "book",
        "Exosomes",
        publisher,
        place,
    )
    assert item["issued"] == {"date-parts": [[2001]]}


@pytest.mark.parametrize(
    "form",
    [
        "Smith J. Exosomes. In: Jones K, editor. Exosome biology. {}, {}; 2019. p. 12-30.",
        "Smith J. Exosomes[A]. In: Jones K, ed. Exosome biology[M]. {}, {}, 2019: 12-30.",
    ],
)
@pytest.mark.parametrize(("publisher", "place"), PUBLISHER_BEFORE_CITY_AND_REGION)
def test_a_chapter_s_host_printing_its_publisher_before_its_place_parts_them(
    form: str, publisher: str, place: str
) -> None:
    """``In: Jones K, editor. Book. Springer, Cham, Switzerland; 2019.``: a chapter's host printing its publisher
    before its place and a comma is read as a book is (publisher ``Springer``, place ``Cham, Switzerland``), not one
    publisher ``Springer, Cham, Switzerland``."""
    item = parse_reference(form.format(publisher, place)).item
    assert (item["type"], item["container-title"], item["publisher"], item["publisher-place"]) == (
        "chapter",
        "Exosome biology",
        publisher,
        place,
    )
    assert (item["issued"], item["page"]) == ({"date-parts": [[2019]]}, "12-30")


@pytest.mark.parametrize(("publisher", "place"), PUBLISHER_BEFORE_CITY_AND_REGION)
def test_a_coded_book_printing_its_publisher_before_its_place_parts_them(publisher: str, place: str) -> None:
    """``Exosomes[M]. Springer, Cham, Switzerland, 2019.``: a book typed by its code reads its publisher and its
    place as one printed without a code does; a country named in words no place's name holds (``United States of
    America``) is no publisher after a city (a book printed with commas only closes on its place and publisher)."""
    item = parse_reference(f"Smith J. Exosomes[M]. {publisher}, {place}, 2019.").item
    assert (item["type"], item["title"], item["publisher"], item["publisher-place"]) == (
        "book",
        "Exosomes",
        publisher,
        place,
    )


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. In: Jones K, editor. Exosome biology. Brisbane, Queensland; 2019. p. 12-30.",
        "Smith J. Exosomes[A]. In: Jones K, ed. Exosome biology[M]. Brisbane, Queensland, 2019: 12-30.",
        "Smith J. Exosomes[M]. Brisbane, Queensland, 2019.",
    ],
)
def test_a_city_and_its_state_printed_alone_in_a_host_or_a_coded_book_are_its_place(raw: str) -> None:
    """``In: Jones K, editor. Book. Brisbane, Queensland; 2019.``: a city and its state printed with no publisher
    are the place of a chapter's host or of a coded book, as of a book printed without a code, not a publisher
    ``Brisbane, Queensland``."""
    item = parse_reference(raw).item
    assert item["publisher-place"] == "Brisbane, Queensland"
    assert "publisher" not in item
    assert item["issued"] == {"date-parts": [[2019]]}


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. In: Jones K, editor. Exosome biology. London, Oxford; 2019. p. 12-30.",
        "Smith J. Exosomes[A]. In: Jones K, ed. Exosome biology[M]. London, Oxford, 2019: 12-30.",
    ],
)
def test_a_chapter_s_host_printing_two_cities_keeps_them_as_read(raw: str) -> None:
    """``London, Oxford``: two cities known for their publishers, of which neither is told to be the place, stay
    as read in a chapter's host as in a book."""
    item = parse_reference(raw).item
    assert item["publisher"] == "London, Oxford"
    assert "publisher-place" not in item


@pytest.mark.parametrize(
    "raw",
    [
        "Smith J. Exosomes. Logic and Data Bases, Plenum Press, New York, 1978.",
        "Smith J. Exosomes. Springer Semin Immunopathol, Berlin, Germany, 2005.",
    ],
)
def test_a_title_or_a_journal_before_a_publisher_and_its_place_is_no_publisher_s_name(raw: str) -> None:
    """``Logic and Data Bases, Plenum Press, New York``: only a company's name keeps its commas inside a publisher
    printed before its place (``Houghton, Mifflin & Co.``), not a title before the publisher's name; a journal's
    name before a city and its country is no publisher either."""
    item = parse_reference(raw).item
    assert item.get("publisher") not in ("Logic and Data Bases, Plenum Press", "Springer Semin Immunopathol")


@pytest.mark.parametrize("form", ["Smith J. Exosomes. {}, {}; 2001.", "Smith J. Exosomes. {}, {}, 2001."])
@pytest.mark.parametrize(
    ("place", "publisher"),
    [
        ("Geneva, Switzerland", "World Health Organization"),
        ("Berlin, Heidelberg", "Springer"),
        ("New York, NY", "Springer"),
        ("Boston", "Harvard"),
    ],
)
def test_a_city_and_its_country_or_a_second_city_before_the_publisher_are_the_place(
    form: str, place: str, publisher: str
) -> None:
    """``Geneva, Switzerland, World Health Organization; 2001``: a city known for its publishers and its state,
    country or a second city are the place, the name after them the publisher, not a publisher ``Switzerland, World
    Health Organization``."""
    item = parse_reference(form.format(place, publisher)).item
    assert (item["type"], item["title"], item["publisher-place"], item["publisher"]) == (
        "book",
        "Exosomes",
        place,
        publisher,
    )


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("Smith J. Exosomes. Melbourne, Victoria, 2001.", "Melbourne, Victoria"),
        ("Smith J. Exosomes. Melbourne, VIC; 2001.", "Melbourne, VIC"),
        ("Smith J. Exosomes. Sydney, New South Wales, 2001.", "Sydney, New South Wales"),
        ("Smith J. Exosomes. Sydney, NSW; 2001.", "Sydney, NSW"),
    ],
)
def test_a_city_and_its_australian_state_are_a_book_s_place(raw: str, place: str) -> None:
    """``Melbourne, Victoria``: an Australian state or territory after a city, spelled out or by its code, is the
    city's state as an American one is (``Cambridge, MA``), not a publisher ``Victoria``."""
    item = parse_reference(raw).item
    assert (item["type"], item["title"], item["publisher-place"]) == ("book", "Exosomes", place)
    assert "publisher" not in item


@pytest.mark.parametrize(
    ("raw", "place", "publisher"),
    [
        ("Smith J. Exosomes. Springer: Cham, Switzerland; 2001.", "Cham, Switzerland", "Springer"),
        ("Smith J. Exosomes. Wiley: Hoboken, NJ; 2001.", "Hoboken, NJ", "Wiley"),
        ("Smith J. Exosomes. NRC Research Press: Ottawa; 2001.", "Ottawa", "NRC Research Press"),
        ("Smith J. Exosomes. Boston: Harvard; 2001.", "Boston", "Harvard"),
    ],
)
def test_a_vancouver_publisher_before_its_place_and_a_colon_is_put_in_order(
    raw: str, place: str, publisher: str
) -> None:
    """``Springer: Cham, Switzerland; 2001``: a publisher printed before its place and a colon, then Vancouver's
    semicolon, is read as before a comma and the year, not a place ``Springer``."""
    item = parse_reference(raw).item
    assert (item["type"], item["publisher-place"], item["publisher"]) == ("book", place, publisher)


@pytest.mark.parametrize("place", ["Beijing, P. R. China", "Beijing, PR China", "Amsterdam, the Netherlands"])
def test_a_country_printed_with_full_stops_or_an_article_is_part_of_the_place(place: str) -> None:
    for raw in (
        f"Smith J. Exosomes. Science Press, {place}; 2001.",
        f"Smith J. Exosomes. {place}: Science Press; 2001.",
    ):
        item = parse_reference(raw).item
        assert (item["type"], item["publisher"], item["publisher-place"]) == ("book", "Science Press", place)


def test_countries_and_counties_as_printed_after_a_city() -> None:
    from evdigest.refs.parse_cities import is_region_or_country

    for name in (
        "The Netherlands",
        "the Netherlands",
        "United Kingdom",
        "United States",
        "USA",
        "U.S.A.",
        "People's Republic of China",
        "People’s Republic of China",
        "P. R. China",
        "Republic of Korea",
        "NZ",
        "N.Z.",
        "PRC",
        "U.K.",
        "UAE",
        "West Sussex",
        "Herts",
    ):
        assert is_region_or_country(name), name
    for name in ("The Lancet", "Theodor", "Springer", "Republic", "Wiley"):
        assert not is_region_or_country(name), name
