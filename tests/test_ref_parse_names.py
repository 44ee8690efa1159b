"""Author lists of reference strings: where a list ends and how each name is read."""

from __future__ import annotations

import pytest

from evdigest.refs.parse import parse_reference
from evdigest.refs.parse_names import format_initials, is_organisation, read_authors


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        (
            "Théry C. Exosomes: secreted vesicles and intercellular communications. F1000 Biol Rep. 2011;3:15.",
            {"family": "Théry", "given": "C."},
            "Exosomes: secreted vesicles and intercellular communications",
        ),
        (
            "Kovacs EI. Vesicles: carriers of lipids across the membrane. Nat Rev Immunol. 2023;23(4):236-250.",
            {"family": "Kovacs", "given": "E. I."},
            "Vesicles: carriers of lipids across the membrane",
        ),
    ],
)
def test_single_author_before_a_title_with_a_colon(raw: str, author: dict, title: str) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["author"] == [author]
    assert parsed.item["title"] == title
    assert parsed.status == "full"


def test_an_author_list_may_still_end_at_a_colon() -> None:
    parsed = parse_reference("Raposo G, Stoorvogel W: Extracellular vesicles: friends. J Cell Biol 2013, 200:373-383.")
    assert parsed.item["author"] == [{"family": "Raposo", "given": "G."}, {"family": "Stoorvogel", "given": "W."}]
    assert parsed.item["title"] == "Extracellular vesicles: friends"


# (printed string, expected authors, expected title): organisations as authors.
GROUP_AUTHORS = [
    (
        "International Society for Extracellular Vesicles. Minimal information for studies of extracellular "
        "vesicles: a position statement. J Extracell Vesicles. 2018;7(1):1535750.",
        [{"literal": "International Society for Extracellular Vesicles"}],
        "Minimal information for studies of extracellular vesicles: a position statement",
    ),
    (
        "Writing Committee for the REMAP-CAP Investigators. Effect of Hydrocortisone on Mortality in Severe "
        "COVID-19. JAMA. 2020;324(13):1317-1329.",
        [{"literal": "Writing Committee for the REMAP-CAP Investigators"}],
        "Effect of Hydrocortisone on Mortality in Severe COVID-19",
    ),
    (
        "American Diabetes Association. (2020). Classification and diagnosis of diabetes. Diabetes Care, 43(1), S14–S31.",
        [{"literal": "American Diabetes Association"}],
        "Classification and diagnosis of diabetes",
    ),
    (
        "National Cancer Institute. Tumour markers in plasma. J Natl Cancer Inst. 2020;112(3):100-110.",
        [{"literal": "National Cancer Institute"}],
        "Tumour markers in plasma",
    ),
    (
        "WHO. Tuberculosis screening in adults. Bull World Health Organ. 2021;99(2):80-89.",
        [{"literal": "WHO"}],
        "Tuberculosis screening in adults",
    ),
    (
        "EV-TRACK Consortium, Van Deun J, Mestdagh P, et al. EV-TRACK: transparent reporting. Nat Methods. "
        "2017;14(3):228-232.",
        [
            {"literal": "EV-TRACK Consortium"},
            {"family": "Van Deun", "given": "J."},
            {"family": "Mestdagh", "given": "P."},
        ],
        "EV-TRACK: transparent reporting",
    ),
    (
        "中华医学会. 外泌体临床应用专家共识[EB/OL]. [2024-03-01]. https://www.example.org.cn/art/51234.html.",
        [{"literal": "中华医学会"}],
        "外泌体临床应用专家共识",
    ),
    (
        "世界卫生组织. 全球结核病报告2021[R]. 日内瓦: 世界卫生组织, 2021.",
        [{"literal": "世界卫生组织"}],
        "全球结核病报告2021",
    ),
    (
        "国家市场监督管理总局, 国家标准化管理委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: "
        "中国标准出版社, 2015.",
        [{"literal": "国家市场监督管理总局"}, {"literal": "国家标准化管理委员会"}],
        "信息与文献 参考文献著录规则",
    ),
    (
        "阿布都·热依木, 买买提·艾力. 新疆地区外泌体研究现状[J]. 新疆医科大学学报, 2020, 43(2): 120-124.",
        [{"literal": "阿布都·热依木"}, {"literal": "买买提·艾力"}],
        "新疆地区外泌体研究现状",
    ),
]


@pytest.mark.parametrize(("raw", "authors", "title"), GROUP_AUTHORS)
def test_group_authors_are_literal_names(raw: str, authors: list, title: str) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["author"] == authors
    assert parsed.item["title"] == title


@pytest.mark.parametrize("name", ["王会", "李明院", "张所", "Bureau J", "Marie Bureau"])
def test_people_are_not_organisations(name: str) -> None:
    assert not is_organisation(name)
    assert "literal" not in parse_reference(f"{name}. 外泌体研究[J]. 生命科学, 2015(6): 632-636.").item["author"][0]


# (printed string, expected authors, expected et al.).
NAME_FORMS = [
    (
        "Edgar JR, Robinson MS, Bonifacino JS Jr. Tetherin is an exosomal tether. eLife. 2016;5:e17180.",
        [
            {"family": "Edgar", "given": "J. R."},
            {"family": "Robinson", "given": "M. S."},
            {"family": "Bonifacino", "given": "J. S.", "suffix": "Jr"},
        ],
        False,
    ),
    (
        "Pettingill, O. S., Jr., & Moore, K. (1980). Falcon flight. The Auk, 97(2), 150-155.",
        [{"family": "Pettingill", "given": "O. S.", "suffix": "Jr"}, {"family": "Moore", "given": "K."}],
        False,
    ),
    (
        "Accordino, M. P. & Guerney, Jr., B. G. (2001). Couple therapy outcomes. Fam Process, 40(2), 1-9.",
        [{"family": "Accordino", "given": "M. P."}, {"family": "Guerney", "given": "B. G.", "suffix": "Jr"}],
        False,
    ),
    (
        "Guerney, Jr., B. G., & Accordino, M. P. (2001). Couple therapy outcomes. Fam Process, 40(2), 1-9.",
        [{"family": "Guerney", "given": "B. G.", "suffix": "Jr"}, {"family": "Accordino", "given": "M. P."}],
        False,
    ),
    (
        "李明,王强,张伟等.外泌体与糖尿病肾病[J].中华肾脏病杂志,2021,37(2):150-155.",
        [{"family": "李", "given": "明"}, {"family": "王", "given": "强"}, {"family": "张", "given": "伟"}],
        True,
    ),
    (
        "Siljander, P. R.-M., & Buzas, E. I. (2015). Biological properties of vesicles. J Extracell Vesicles, 4, 27066.",
        [{"family": "Siljander", "given": "P. R.-M."}, {"family": "Buzas", "given": "E. I."}],
        False,
    ),
    (
        "BÖING AN, VAN DER POL E, GROOTEMAAT AE, et al. Single-step isolation of extracellular vesicles[J]. "
        "J Extracell Vesicles, 2014, 3: 23430.",
        [
            {"family": "Böing", "given": "A. N."},
            {"family": "van der Pol", "given": "E."},
            {"family": "Grootemaat", "given": "A. E."},
        ],
        True,
    ),
    (
        # Nature's style: "et al." straight after the first author's initials, no comma
        "Ma, L. et al. Discovery of the migrasome, an organelle mediating release of cytoplasmic contents during "
        "cell migration. Cell Res. 25, 24–38 (2015).",
        [{"family": "Ma", "given": "L."}],
        True,
    ),
    (
        "van Niel, G., Carter, D. R. F. et al. Challenges in studying extracellular vesicles. Nat. Rev. Mol. Cell "
        "Biol. 23, 369–382 (2022).",
        [{"family": "van Niel", "given": "G."}, {"family": "Carter", "given": "D. R. F."}],
        True,
    ),
    (
        "NIH, FDA. BEST (Biomarkers, EndpointS, and other Tools) Resource. Silver Spring (MD): Food and Drug "
        "Administration (US); 2016.",
        [{"literal": "NIH"}, {"literal": "FDA"}],
        False,
    ),
    (
        "KIM, JH, LEE, K. Exosomes in gastric cancer. Cancer Res. 2020;80(1):1-10.",
        [{"family": "Kim", "given": "J. H."}, {"family": "Lee", "given": "K."}],
        False,
    ),
    (
        "THÉRY C, WITWER K W, AIKAWA E. Minimal information for studies of vesicles[J]. J Extracell Vesicles, "
        "2018, 7(1): 1535750.",
        [
            {"family": "Théry", "given": "C."},
            {"family": "Witwer", "given": "K. W."},
            {"family": "Aikawa", "given": "E."},
        ],
        False,
    ),
]


@pytest.mark.parametrize(("raw", "authors", "et_al"), NAME_FORMS)
def test_name_forms(raw: str, authors: list, et_al: bool) -> None:
    parsed = parse_reference(raw)
    assert parsed.item["author"] == authors
    assert parsed.et_al is et_al
    assert parsed.status == "full", parsed.problems


@pytest.mark.parametrize(
    ("initials", "formatted"),
    [("VS", "V. S."), ("A K", "A. K."), ("J.-P.", "J.-P."), ("P. R.-M.", "P. R.-M."), ("R.-M.", "R.-M.")],
)
def test_format_initials(initials: str, formatted: str) -> None:
    assert format_initials(initials) == formatted


def test_short_chinese_names_ending_like_organisations_are_people() -> None:
    assert not is_organisation("张中心")
    assert is_organisation("卫生部") and is_organisation("北京大学")


# nineteen authors, as APA 7 lists them before the ellipsis and the last author
NINETEEN = (
    "Smith, A., Jones, B., Brown, C. D., Lee, D., Wang, E., Garcia, F., Müller, G., Kim, H., Chen, I., Li, J., "
    "Patel, K., Nguyen, L., Rossi, M., Silva, N., Kowalski, O., Ivanov, P., Tanaka, R., Dubois, S., Novak, T."
)
APA_REST = " (2020). Exosomes in cancer. Journal of Extracellular Vesicles, 9(1), 1-10."


@pytest.mark.parametrize(
    ("gap", "last"),
    [
        (", … ", {"family": "Zhang", "given": "C."}),
        (", ... ", {"family": "Zhang", "given": "C."}),
        (", . . . ", {"family": "Zhang", "given": "C."}),
        (",…", {"family": "Zhang", "given": "C."}),
        (" … ", {"family": "Zhang", "given": "C."}),
        ("… ", {"family": "Zhang", "given": "C."}),
        (", … & ", {"family": "Zhang", "given": "C."}),
        (" . . . and ", {"family": "Zhang", "given": "C."}),
        (", … ", {"family": "van der Pol", "given": "E."}),
        (", … ", {"literal": "International Society for Extracellular Vesicles"}),
    ],
)
def test_the_name_after_an_apa_ellipsis_is_the_last_author(gap: str, last: dict) -> None:
    printed = last.get("literal") or f"{last['family']}, {last['given']}"
    parsed = parse_reference(NINETEEN + gap + printed + APA_REST)
    assert len(parsed.item["author"]) == 20
    assert parsed.item["author"][-1] == last
    assert parsed.item["author"][18] == {"family": "Novak", "given": "T."}
    assert parsed.et_al  # names were left out before the last
    assert parsed.item["title"] == "Exosomes in cancer"
    assert parsed.status == "full"


@pytest.mark.parametrize(
    ("raw", "rest"),
    [
        ("Smith, J. (2001). Title of the book. Macmillan.", "(2001). Title"),
        ("Smith, J., & Jones, K. (2001a). Exosomes. Nature, 5, 1-3.", "(2001a). Exosomes"),
        ("Smith, J. (May 2001). Exosomes. Nature, 5, 1-3.", "(May 2001). Exosomes"),
        ("Smith J (2001) Exosomes. Nature 5:1-3", "(2001) Exosomes"),
        ("Smith, J. (n.d.). Exosomes in cancer. Retrieved from https://example.org/exosomes", "(n.d.). Exosomes"),
        (NINETEEN + ", … Zhang, C." + APA_REST, APA_REST.lstrip()),
    ],
)
def test_an_author_list_leaves_the_year_s_bracket_to_the_year(raw: str, rest: str) -> None:
    """The list ends before the bracket opening the year printed after it (APA, Harvard), not inside it."""
    authors = read_authors(raw)
    assert authors is not None and raw[authors.end :].startswith(rest)


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Smith, J. (n.d.). Exosomes in cancer. Retrieved from https://example.org/exosomes", "Exosomes in cancer"),
        (
            "Contassot, F. (s. d.). J'ai conçu des jeux athlétiques. La classe, 112, 114.",
            "J'ai conçu des jeux athlétiques",
        ),
    ],
)
def test_no_date_printed_after_the_authors_is_no_part_of_the_title(raw: str, title: str) -> None:
    """``(n.d.)``, French ``(s. d.)``: APA's mark of a work with no date, read as such, not as the title's start."""
    item = parse_reference(raw).item
    assert (item["author"][0]["family"], item["title"]) == (raw.split(",")[0], title)
    assert "issued" not in item


def test_an_ellipsis_in_a_title_leaves_the_author_list_alone() -> None:
    parsed = parse_reference("Smith, A., & Jones, B. (2020). Exosomes... and beyond. Nature, 5, 1-3.")
    assert [a["family"] for a in parsed.item["author"]] == ["Smith", "Jones"]
    assert parsed.item["title"] == "Exosomes... and beyond"
    assert not parsed.et_al


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        ("Smith J. Exosomes. J Immunol. 2019;1:2.", {"family": "Smith", "given": "J."}, "Exosomes"),
        ("Smith J. Exosomes. J Immunol. 2019 Mar 5;1(2):3-9.", {"family": "Smith", "given": "J."}, "Exosomes"),
        ("Harnden P. Seminoma. London: Springer; 2002.", {"family": "Harnden", "given": "P."}, "Seminoma"),
    ],
)
def test_a_one_word_title_after_a_vancouver_name_is_the_title(raw: str, author: dict, title: str) -> None:
    item = parse_reference(raw).item
    assert (item["author"], item["title"]) == ([author], title)


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("Smith J. Biochemistry, 2nd ed., Macmillan, 2001.", {"edition": "2", "publisher": "Macmillan"}),
        ("Smith J. Biochemistry. 2nd ed. Macmillan, 2001.", {"edition": "2", "publisher": "Macmillan"}),
        ("Smith JA. Biochemistry, Vol. 2, London: Macmillan, 2001.", {"volume": "2", "publisher-place": "London"}),
    ],
)
def test_a_one_word_title_before_a_book_s_edition_is_the_title(raw: str, fields: dict) -> None:
    """``Smith J. Biochemistry, 2nd ed., …``: read as one name given first (``Smith J.`` + ``Biochemistry``), the
    list would leave no title before the edition, the volume or the publication; the name ends at the initial."""
    item = parse_reference(raw).item
    assert (item["type"], item["author"][0]["family"], item["title"]) == ("book", "Smith", "Biochemistry")
    assert {key: item.get(key) for key in fields} == fields
    assert item["issued"] == {"date-parts": [[2001]]}


@pytest.mark.parametrize(
    ("raw", "authors", "title"),
    [
        (
            "Minker, W. and Bennacef, S., Speech and human-machine dialog, Vol. 770, Springer, 2004.",
            ["Minker", "Bennacef"],
            "Speech and human-machine dialog",
        ),
        (
            "Dressler, B. O., Sharpton, V. L., The Sudbury structure, Ontario, Canada: A persistent enigma. Large "
            "Meteorite Impacts and Planetary Evolution, 1997.",
            ["Dressler", "Sharpton"],
            "The Sudbury structure, Ontario, Canada: A persistent enigma",
        ),
    ],
)
def test_title_words_in_lower_case_after_inverted_names_are_no_name(raw: str, authors: list, title: str) -> None:
    """``Speech and human-machine dialog, Vol. 770``: the words after an inverted name's initials, split at their
    ``and`` and comma, are no family name and its given name; a family name's last word is capitalised."""
    item = parse_reference(raw).item
    assert ([name["family"] for name in item["author"]], item["title"]) == (authors, title)


def test_a_name_given_first_with_its_middle_initial_stays_one_name() -> None:
    item = parse_reference("John B. Adams. Exosomes. J Immunol 2019, 1:2.").item
    assert (item["author"], item["title"]) == ([{"family": "Adams", "given": "John B."}], "Exosomes")
    item = parse_reference("Ernest R. Hilgard. Theories of Learning. New York: Appleton-Century-Crofts, 1966.").item
    assert (item["author"], item["title"]) == ([{"family": "Hilgard", "given": "Ernest R."}], "Theories of Learning")


# (printed string, expected authors as family/given/particle, expected title): an inverted name whose given names
# close on a lower-case particle, which CSL keeps apart as the name's dropping particle (sorted under the family name);
# a name printed given name first whose family name opens on one is read so too.
DROPPING_PARTICLES = [
    ("Andrade, Mário de. Macunaíma. São Paulo: Martins, 1928.", "Andrade/Mário/de", "Macunaíma"),
    (
        "Goethe, Johann Wolfgang von. Faust. Translated by Walter Kaufmann. New York: Anchor, 1961.",
        "Goethe/Johann Wolfgang/von",
        "Faust",
    ),
    ("Beauvoir, Simone de. The Second Sex. New York: Knopf, 1953.", "Beauvoir/Simone/de", "The Second Sex"),
    ("Berg, Jan van der. Cells and Vesicles. Amsterdam: Elsevier, 2009.", "Berg/Jan/van der", "Cells and Vesicles"),
    ("Vinci, Leonardo da. Notebooks. Oxford: Oxford University Press, 2008.", "Vinci/Leonardo/da", "Notebooks"),
    # a second author after it, given name first (Chicago, MLA)
    (
        "Beauvoir, Simone de, and Jean-Paul Sartre. Letters. New York: Knopf, 1953.",
        "Beauvoir/Simone/de; Sartre/Jean-Paul",
        "Letters",
    ),
    (
        'Beauvoir, Simone de, and Jean-Paul Sartre. "Letters." Les Temps Modernes 12 (1953): 1-20.',
        "Beauvoir/Simone/de; Sartre/Jean-Paul",
        "Letters",
    ),
    # the year after the authors (Chicago author-date)
    ("Gogh, Vincent van. 2009. The Letters. London: Thames & Hudson.", "Gogh/Vincent/van", "The Letters"),
    # initials, and an inverted name after it (APA)
    (
        "Gogh, V. van, & Smith, J. (2009). Letters of a painter. Journal of Art, 3(2), 1-9.",
        "Gogh/V./van; Smith/J.",
        "Letters of a painter",
    ),
    # a Chicago note, its title after a comma
    (
        "Goethe, Johann Wolfgang von, Faust, trans. Walter Kaufmann (New York: Anchor, 1961), 45.",
        "Goethe/Johann Wolfgang/von",
        "Faust",
    ),
    # no particle: read as before
    ("Beauvoir, Simone. The Second Sex. New York: Knopf, 1953.", "Beauvoir/Simone", "The Second Sex"),
    # given name first, the particle opening the family name: read as its inverted printing is
    ("Simone de Beauvoir. The Second Sex. New York: Knopf, 1953.", "Beauvoir/Simone/de", "The Second Sex"),
    (
        "Vincent van Gogh and Ludwig van Beethoven. Letters. London: Penguin, 1996.",
        "Gogh/Vincent/van; Beethoven/Ludwig/van",
        "Letters",
    ),
    ("Jean de La Fontaine. Fables. Paris: Gallimard, 1990.", "La Fontaine/Jean/de", "Fables"),
    (
        'B. van der Pol and J. van der Mark (1927) "Frequency demultiplication," Nature, vol. 120, pages 363-364.',
        "Pol/B./van der; Mark/J./van der",
        "Frequency demultiplication",
    ),
    (
        "Thomas von Eicken, David E. Culler. Active messages. In Proceedings of the 19th Annual International "
        "Symposium on Computer Architecture, pages 256-266, May 1992.",
        "Eicken/Thomas/von; Culler/David E.",
        "Active messages",
    ),
    # an Arabic particle stays the family name's, as a capitalised one does
    ("Mohammed bin Salman. Vision 2030. Riyadh: Council, 2016.", "bin Salman/Mohammed", "Vision 2030"),
]


@pytest.mark.parametrize(("raw", "authors", "title"), DROPPING_PARTICLES)
def test_a_particle_closing_an_inverted_name_s_given_names_is_its_dropping_particle(
    raw: str, authors: str, title: str
) -> None:
    keys = ("family", "given", "dropping-particle")
    expected = [dict(zip(keys, name.split("/"), strict=False)) for name in authors.split("; ")]
    item = parse_reference(raw).item
    assert item["author"] == expected
    assert item["title"] == title


@pytest.mark.parametrize(
    ("raw", "authors", "title"),
    [
        (
            "Sartre, Jean-Paul. Being and Nothingness. New York: Philosophical Library, 1956.",
            "Sartre/Jean-Paul",
            "Being and Nothingness",
        ),
        (
            "Sartre, Jean-Paul, and Simone de Beauvoir. Letters. New York: Knopf, 1953.",
            "Sartre/Jean-Paul; Beauvoir/Simone/de",
            "Letters",
        ),
        (
            "Beauvoir, Simone, and Sartre, Jean-Paul. Letters. New York: Knopf, 1953.",
            "Beauvoir/Simone; Sartre/Jean-Paul",
            "Letters",
        ),
        (
            "Franz, Marie-Luise von. Projection. La Salle, Ill.: Open Court, 1980.",
            "Franz/Marie-Luise/von",
            "Projection",
        ),
        (
            "FAVIER, Anne-Lise. Les combats. Objectif Soins, novembre 2011, n°200. p. 25-27.",
            "Favier/Anne-Lise",
            "Les combats",
        ),
    ],
)
def test_an_inverted_name_s_given_names_joined_by_a_hyphen(raw: str, authors: str, title: str) -> None:
    test_a_particle_closing_an_inverted_name_s_given_names_is_its_dropping_particle(raw, authors, title)


@pytest.mark.parametrize(
    ("raw", "authors", "title"),
    [
        ("La Fontaine, Jean de. Fables. Paris: Barbin, 1668.", "La Fontaine/Jean/de", "Fables"),
        ("De Luca, Marco. Storia. Roma: Laterza, 2001.", "De Luca/Marco", "Storia"),
        ("Van Gogh, Vincent. Letters. London: Thames, 2009.", "Van Gogh/Vincent", "Letters"),
        (
            "Del Rey, Lester. The Eleventh Commandment. Evanston, Ill.: Regency, 1962.",
            "Del Rey/Lester",
            "The Eleventh Commandment",
        ),
        # initials, read so before
        ("De Luca, M. (2001). Storia. Journal of History, 3(2), 1-9.", "De Luca/M.", "Storia"),
    ],
)
def test_an_inverted_family_name_opening_on_a_capitalised_particle(raw: str, authors: str, title: str) -> None:
    test_a_particle_closing_an_inverted_name_s_given_names_is_its_dropping_particle(raw, authors, title)


@pytest.mark.parametrize(
    ("raw", "authors", "title"),
    [
        # Chicago, names given first: the particle opens the family name, as it does printed the other ways
        (
            "Luigi Di Marco and Tom De Smedt. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Di Marco/Luigi; De Smedt/Tom",
            "Exosomes in cancer",
        ),
        (
            "Anna La Rosa, Jan Van Der Berg, and John Von Neumann. Letters. London: Penguin, 1996.",
            "La Rosa/Anna; Van Der Berg/Jan; Von Neumann/John",
            "Letters",
        ),
        ("Jan Van der Berg. Letters. London: Penguin, 1996.", "Van der Berg/Jan", "Letters"),
        # Vancouver, APA and IEEE, read so before
        (
            "Di Marco L, De Smedt T. Exosomes in cancer. J Immunol. 2019;12:34-45.",
            "Di Marco/L.; De Smedt/T.",
            "Exosomes in cancer",
        ),
        (
            "Di Marco, L., & De Smedt, T. (2019). Exosomes in cancer. Journal of Immunology, 12, 34-45.",
            "Di Marco/L.; De Smedt/T.",
            "Exosomes in cancer",
        ),
        (
            'L. Di Marco and T. De Smedt, "Exosomes in cancer," J. Immunol., vol. 12, pp. 34-45, 2019.',
            "Di Marco/L.; De Smedt/T.",
            "Exosomes in cancer",
        ),
        # a lower-case particle stays the name's dropping-particle
        ("Simone de Beauvoir. Le deuxième sexe. Paris: Gallimard, 1949.", "Beauvoir/Simone/de", "Le deuxième sexe"),
        # a name all of pinyin syllables: its De is a given name's
        (
            "Xiao Di Wang and Hong De Li. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Wang/Xiao Di; Li/Hong De",
            "Exosomes in cancer",
        ),
        # a Korean or Cantonese name all of its syllables: its Da, Do or Di is a given name's
        (
            "Da Hye Kim, Ji Hoon Park. Exosomes in cancer. J Immunol. 2020;1:1-2.",
            "Kim/Da Hye; Park/Ji Hoon",
            "Exosomes in cancer",
        ),
        (
            "Seo Da Kim, Min Do Lee, Ka Di Wong. Exosomes in cancer. J Immunol. 2020;1:1-2.",
            "Kim/Seo Da; Lee/Min Do; Wong/Ka Di",
            "Exosomes in cancer",
        ),
        # a Vietnamese name: its Van is a middle name
        (
            "Anh Van Nguyen and Hung Van Tran. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Nguyen/Anh Van; Tran/Hung Van",
            "Exosomes in cancer",
        ),
        # a Vietnamese name printed family name first: its family name, the middle name Van or Thi a given name's
        (
            "Nguyen Van An, Tran Thi Binh. Exosomes in cancer. J Immunol. 2019;12:34-45.",
            "Nguyen/Van An; Tran/Thi Binh",
            "Exosomes in cancer",
        ),
        (
            "Le Van Luong and Do Van Minh. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Le/Van Luong; Do/Van Minh",
            "Exosomes in cancer",
        ),
        # a family name given names are too (Mai) before a middle name, no family name closing the name
        (
            "Mai Van An and Le Van Luong. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Mai/Van An; Le/Van Luong",
            "Exosomes in cancer",
        ),
        # a family name at the start, one given names are too (Mai) closing the name: the given name's
        (
            "Tran Thi Mai and Nguyen Van Lam. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Tran/Thi Mai; Nguyen/Van Lam",
            "Exosomes in cancer",
        ),
        # a family name at the end: given names first, Mai a given name
        (
            "Mai Van Nguyen and Hung Van Cao. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Nguyen/Mai Van; Cao/Hung Van",
            "Exosomes in cancer",
        ),
        # given name first, before a family name no list holds: Van and Le of a Vietnamese name are given names
        (
            "Hung Van Cao, Thi Le Ha and Anh Van Luong. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Cao/Hung Van; Ha/Thi Le; Luong/Anh Van",
            "Exosomes in cancer",
        ),
        # a Korean name printed family name first: its Da is a given name's
        (
            "Lee Da Eun and Park Da Som. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Lee/Da Eun; Park/Da Som",
            "Exosomes in cancer",
        ),
        # every capitalised particle of the particle list: Do, Dos, Ter and Ten as well
        (
            "Paulo Do Carmo, Ana Dos Santos and Emma Ter Horst. Exosomes in cancer. Journal of Immunology 12 (2019): "
            "34-45.",
            "Do Carmo/Paulo; Dos Santos/Ana; Ter Horst/Emma",
            "Exosomes in cancer",
        ),
        (
            "Tom Van Dam. Exosomes in cancer. Journal of Immunology 12 (2019): 34-45.",
            "Van Dam/Tom",
            "Exosomes in cancer",
        ),
    ],
)
def test_a_capitalised_particle_in_a_name_given_first_opens_its_family_name(raw: str, authors: str, title: str) -> None:
    test_a_particle_closing_an_inverted_name_s_given_names_is_its_dropping_particle(raw, authors, title)


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        (
            "Kim Da Hye, Park Ji Hoon, Chan Tai Man. Exosomes in cancer. J Immunol. 2020;1:1-2.",
            "Kim/Da Hye; Park/Ji Hoon; Chan/Tai Man",
        ),
        # given names first: the last word is the family name
        ("Da Hye Kim, Ji Hoon Park. Exosomes in cancer. J Immunol. 2020;1:1-2.", "Kim/Da Hye; Park/Ji Hoon"),
        ("Seo Da Kim, Jung Hoon Kim. Exosomes in cancer. J Immunol. 2020;1:1-2.", "Kim/Seo Da; Kim/Jung Hoon"),
        # pinyin: its family names open given names as often
        ("Xiao Di Wang, Ka Lok Wong. Exosomes in cancer. J Immunol. 2020;1:1-2.", "Wang/Xiao Di; Wong/Ka Lok"),
    ],
)
def test_a_korean_or_cantonese_name_printed_family_name_first_among_names_given_first(raw: str, authors: str) -> None:
    item = parse_reference(raw).item
    assert "; ".join(f"{name['family']}/{name['given']}" for name in item["author"]) == authors


@pytest.mark.parametrize(
    ("raw", "authors", "title"),
    [
        (
            "Carrie G. Adams and J. Christian Brown. Exosomes in cancer. J Immunol. 2020;1:1-2.",
            [{"family": "Adams", "given": "Carrie G."}, {"family": "Brown", "given": "J. Christian"}],
            "Exosomes in cancer",
        ),
        (
            "R. Adams Jr, K. Brown, and L. Chen, “Exosomes in cancer,” J Immunol, vol. 1, pp. 1-2, 2020.",
            [
                {"family": "Adams", "given": "R.", "suffix": "Jr"},
                {"family": "Brown", "given": "K."},
                {"family": "Chen", "given": "L."},
            ],
            "Exosomes in cancer",
        ),
    ],
)
def test_a_name_given_first_may_open_on_an_initial_and_close_on_a_suffix(raw: str, authors: list, title: str) -> None:
    """``J. Christian Brown``: an initial before a given name; ``R. Adams Jr``: a suffix after the family name, not
    the family name."""
    item = parse_reference(raw).item
    assert (item["author"], item["title"]) == (authors, title)


def test_editors_named_with_an_initial_before_a_given_name() -> None:
    item = parse_reference(
        'Brown, Alan. "Exosome Biology." In Extracellular Vesicles, edited by J. Gerald Smith and E. Leigh Jones, '
        "12-30. New York: Academic Press, 2001."
    ).item
    assert item["editor"] == [{"family": "Smith", "given": "J. Gerald"}, {"family": "Jones", "given": "E. Leigh"}]
    assert item["container-title"] == "Extracellular Vesicles"


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("———. Distant Reading. London: Verso, 2013.", {"type": "book", "title": "Distant Reading"}),
        ("---. Exosome Biology. New York: Scribner, 2006.", {"type": "book", "publisher": "Scribner"}),
        ("__________ . Exosome Biology. London: Routledge, 1961.", {"type": "book", "publisher-place": "London"}),
        (
            "———. 1973. Exosome Biology. London: Edward Arnold.",
            {"title": "Exosome Biology", "publisher": "Edward Arnold"},
        ),
        (
            "–––––. “Exosomes in Cancer.” Critical Inquiry 37, no. 2 (2011): 315-347.",
            {"title": "Exosomes in Cancer", "container-title": "Critical Inquiry", "page": "315-347"},
        ),
        ("--- (2005). Exosomes in cancer. Linguistic Inquiry 36: 1-22.", {"container-title": "Linguistic Inquiry"}),
        # a book printed with commas only: all that precedes its place is its title
        (
            "———, Distant Reading, London, Verso, 2013.",
            {"type": "book", "title": "Distant Reading", "publisher": "Verso", "publisher-place": "London"},
        ),
    ],
)
def test_the_rule_printed_for_the_author_above_is_no_name_nor_part_of_the_title(raw: str, fields: dict) -> None:
    """``———. Title``: a bibliography's rule for the author of the reference above; no name follows it (``Distant
    Reading`` is a title, not Reading, Distant), and the title opens after it."""
    item = parse_reference(raw).item
    assert "author" not in item
    assert {key: item.get(key) for key in fields} == fields
    assert not any(mark in item.get("title", "") for mark in "—–_-")


@pytest.mark.parametrize(
    "raw",
    [
        "- Smith J. Exosomes in cancer. J Biol. 2001;1:2-3.",
        "- H. PLAGNOL, « Exosomes in cancer », J Biol, 2001, 1, 2-3.",
    ],
)
def test_a_hyphen_before_a_name_is_a_list_s_bullet_not_the_rule_for_the_author_above(raw: str) -> None:
    """``- Smith J.``: one hyphen and a space before a name are what is left of a list's bullet, not the rule
    printed for the author of the reference above (two dashes or more: ``--``, ``———.``); the names are read."""
    item = parse_reference(raw).item
    assert item["author"][0]["family"] in ("Smith", "Plagnol")
    assert item["title"] == "Exosomes in cancer"


@pytest.mark.parametrize(
    "raw",
    [
        "--. Exosomes in cancer. J Biol. 2001;1:2-3.",
        "——. Exosomes in cancer. J Biol. 2001;1:2-3.",
        "—— Exosomes in cancer. J Biol. 2001;1:2-3.",
        "-- Exosomes in cancer. J Biol. 2001;1:2-3.",
        "–– Exosomes in cancer. J Biol. 2001;1:2-3.",
    ],
)
def test_two_dashes_are_the_rule_for_the_author_above(raw: str) -> None:
    item = parse_reference(raw).item
    assert "author" not in item
    assert item["title"] == "Exosomes in cancer"


@pytest.mark.parametrize(
    ("raw", "given", "suffix"),
    [
        ("R. Adams Jr., K. Brown, Exosomes in cancer, J. Immunol. 12 (2020) 1-10.", "R.", "Jr"),
        ('[1] R. Adams Jr. and K. Brown, "Exosomes in cancer," J. Immunol., vol. 12, pp. 1-10, 2020.', "R.", "Jr"),
        ("Robert Adams Sr., Kim Brown, Exosomes in cancer, J. Immunol. 12 (2020) 1-10.", "Robert", "Sr"),
    ],
)
def test_a_suffix_with_its_full_stop_after_a_name_given_first_does_not_end_the_names(
    raw: str, given: str, suffix: str
) -> None:
    """``R. Adams Jr., K. Brown``: the suffix's full stop closes a name, not the list of names."""
    item = parse_reference(raw).item
    assert item["author"][0] == {"family": "Adams", "given": given, "suffix": suffix}
    assert [name["family"] for name in item["author"]] == ["Adams", "Brown"]
    assert item["title"] == "Exosomes in cancer"


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        ("DO VAN MINH, SMITH J. Exosomes in cancer. J Immunol. 2019;12:34-45.", "Do/Van Minh; Smith/J."),
        ("NGUYEN VAN AN, TRAN THI BINH. Exosomes in cancer. J Immunol. 2019;12:34-45.", "Nguyen/Van An; Tran/Thi Binh"),
    ],
)
def test_a_vietnamese_name_in_capitals_is_read_family_name_first(raw: str, authors: str) -> None:
    """``DO VAN MINH``: a Vietnamese name printed in capitals, family name first, its given names written out; not
    the family name ``Do Van`` and the initials ``M. I. N. H.``."""
    item = parse_reference(raw).item
    assert "; ".join(f"{name['family']}/{name['given']}" for name in item["author"]) == authors
    assert item["title"] == "Exosomes in cancer"
