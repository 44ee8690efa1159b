"""``python -m evdigest build``: configuration errors exit 1 and write nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evdigest.cli import main

SAMPLE = Path(__file__).parent.parent / "content"


def test_config_error_exits_1_and_creates_no_output(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "evdigest.toml").write_text("jobz = 2\n", encoding="utf-8")
    code = main(["build", "--content", str(content), "--output", str(tmp_path / "out")])
    assert code == 1
    err = capsys.readouterr().err
    assert "unknown key 'jobz'" in err and "evdigest.toml" in err
    assert not (tmp_path / "out").exists()


def test_unknown_only_value_is_an_error(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    code = main(["build", "--content", str(content), "--output", str(tmp_path / "out"), "--only", "html,epub"])
    assert code == 1
    assert "--only: unknown output 'epub'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_empty_only_is_an_error(tmp_path: Path, capsys) -> None:
    """``--only ""`` (a variable left empty in a script) names no output: an error, not a build of everything."""
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    for value in ("", " , "):
        code = main(["build", "--content", str(content), "--output", str(tmp_path / "out"), "--only", value])
        assert code == 1
        assert "--only names no output (choose from html, pdf, exports)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_output_that_is_a_file_is_an_error_and_stays_as_it_was(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "sources" / "liu.txt").write_bytes((SAMPLE / "sources" / "liu-2025-migrasomes.txt").read_bytes())
    taken = tmp_path / "out"
    taken.write_text("not a folder", encoding="utf-8")
    code = main(["build", "--content", str(content), "--output", str(taken)])
    assert code == 1
    assert f"{taken}: the output must be a folder, and this is a file" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "not a folder"
    code = main(["build", "--content", str(content), "--output", str(taken / "below")])
    assert code == 1
    assert f"{taken / 'below'}: cannot make the output folder" in capsys.readouterr().err


def test_build_help_lists_the_options() -> None:
    result = subprocess.run([sys.executable, "-m", "evdigest", "build", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for option in ("--content", "--output", "--config", "--force", "--strict", "--jobs", "--only"):
        assert option in result.stdout


def test_module_exits_with_the_command_status_and_all_its_output(tmp_path: Path) -> None:
    """``python -m evdigest`` leaves without tearing the interpreter down: its status and everything it
    printed still come out (a JSON document on stdout read whole, an error on stderr)."""
    content = Path(__file__).resolve().parents[1] / "content"
    ingest = subprocess.run(
        [sys.executable, "-m", "evdigest", "ingest", str(content / "sources"), "--json", "--content", str(content)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ingest.returncode == 0, ingest.stderr
    import json

    assert len(json.loads(ingest.stdout)) == 3
    bad = tmp_path / "content"
    (bad / "sources").mkdir(parents=True)
    (bad / "evdigest.toml").write_text("jobz = 2\n", encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "evdigest", "build", "--content", str(bad), "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 1 and "unknown key 'jobz'" in build.stderr
    assert not (tmp_path / "out").exists()


def _site_files(output: Path) -> dict[str, bytes]:
    site = (output / "site").resolve()
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_content_folder_without_sources_publishes_nothing_over_the_site(tmp_path: Path, capsys) -> None:
    """A wrong ``--content`` or a sources folder moved away is an error: the last site stays as it was."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content, ignore=shutil.ignore_patterns("sources"))
    (content / "sources").mkdir()
    shutil.copy(SAMPLE / "sources" / "liu-2025-migrasomes.txt", content / "sources")
    out = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(out), "--only", "html", "--quiet"]) == 0
    before = _site_files(out)
    for found in ("is empty", "does not exist"):
        shutil.rmtree(content / "sources")
        if found == "is empty":
            (content / "sources").mkdir()
        assert main(["build", "--content", str(content), "--output", str(out), "--only", "html"]) == 1
        assert f"{content / 'sources'}: the sources folder {found}; nothing to build" in capsys.readouterr().err
        assert _site_files(out) == before


def test_a_negative_jobs_count_is_an_argument_error(tmp_path: Path, capsys) -> None:
    import pytest

    for command in (["build"], ["ingest", str(tmp_path)]):
        with pytest.raises(SystemExit) as stop:
            main([*command, "--jobs", "-2"])
        assert stop.value.code == 2
        assert "argument --jobs: expected 0 (one per core) or more, got -2" in capsys.readouterr().err


def test_an_about_page_that_is_not_utf8_names_its_line_and_publishes_nothing(tmp_path: Path, capsys) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    (content / "pages" / "about.md").write_bytes("# About\n\nCafé\n".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(out), "--only", "html", "--quiet"]) == 1
    assert "error: pages/about.md:3: an about page must be UTF-8 text" in capsys.readouterr().err
    assert not (out / "site").exists()


def test_an_invalid_editorial_file_skips_its_entry_like_an_unreadable_source(tmp_path: Path, capsys) -> None:
    """The editorial file is part of its entry's source: a typo in it is an error with its file and line, the
    entry is left out (not published without the editor's fields), the summary says so, and ``--strict``
    publishes nothing."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    slug = "zhang-2025-tiny-giants-regeneration-2e5dc012"
    editorial = content / "editorial" / f"{slug}.md"
    editorial.write_text(editorial.read_text(encoding="utf-8").replace("\ntags:", "\ntagz:"), encoding="utf-8")
    out = tmp_path / "out"
    strict = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--strict"]
    assert main(strict) == 1
    assert not (out / "site").exists()
    capsys.readouterr()
    assert main(strict[:-1]) == 0
    printed = capsys.readouterr()
    assert f"error: editorial/{slug}.md:3: unknown field 'tagz'; did you mean 'tags'?" in printed.err + printed.out
    assert "leaving out what the 1 error above names." in printed.err + printed.out
    entries = sorted(p.name for p in (out / "site" / "en" / "entries").iterdir())
    assert entries == [
        "liu-2025-migrasomes-functional-footprints-7e96c23a",
        "lyu-2026-regulatory-mechanisms-exosome-bc66504b",
    ]
    assert main(strict[:-1]) == 0  # nothing changed: the error is told again, and what it left out
    printed = capsys.readouterr()
    assert f"error: editorial/{slug}.md:3: unknown field 'tagz'" in printed.err + printed.out
    assert "The published site leaves out what the 1 error above names." in printed.err + printed.out


def test_an_unknown_citation_style_stops_the_build_before_any_source_is_read(tmp_path: Path, capsys) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    config = content / "evdigest.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('style_en = "nlm-citation-sequence"', 'style_en = "vancuver"'),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", "--content", str(content), "--output", str(out)]) == 1
    printed = capsys.readouterr()
    assert "error: evdigest.toml: style_en: unknown CSL style 'vancuver'" in printed.err
    assert "read:" not in printed.err + printed.out and "rebuilt parse" not in printed.err + printed.out
    assert not out.exists()


def test_errors_name_the_content_folders_files_relative_to_it_and_other_files_in_full(tmp_path: Path, capsys) -> None:
    """A source, an editorial file, an about page, the phrase dictionary and the configuration are named as
    the content folder holds them (``editorial/<slug>.md:3:``, as ``sources/<name>.txt:1:``); a configuration
    given with ``--config`` from elsewhere by its absolute path."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    out = tmp_path / "out"
    build = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "1"]
    slug = "zhang-2025-tiny-giants-regeneration-2e5dc012"
    editorial = content / "editorial" / f"{slug}.md"
    editorial.write_text(editorial.read_text(encoding="utf-8").replace("\ntags:", "\ntagz:"), encoding="utf-8")
    (content / "editorial" / "orphan.md").write_text("---\ntags: [x]\n---\n", encoding="utf-8")
    (content / "sources" / "notes.txt").write_text("Notes to self, not a paper.\n", encoding="utf-8")
    assert main(build) == 0
    printed = capsys.readouterr().err
    assert f"\nerror: editorial/{slug}.md:3: unknown field 'tagz'; did you mean 'tags'?\n" in printed
    assert "\nerror: sources/notes.txt:1: no known source family matches this text" in printed
    assert (
        "\nwarning: editorial/orphan.md:1: no source read has the slug 'orphan': its source may be sources/notes.txt"
        in printed
    )
    assert str(content) not in printed

    phrases = content / "phrases.tsv"
    phrases.write_text(phrases.read_text(encoding="utf-8") + "生发 生發\n", encoding="utf-8")
    line = phrases.read_text(encoding="utf-8").count("\n")
    assert main(build) == 1
    assert f": phrases.tsv:{line}: expected 'simplified<TAB>traditional'" in capsys.readouterr().err
    shutil.copy(SAMPLE / "phrases.tsv", phrases)

    (content / "pages" / "about.md").write_bytes("# About\n\nCafé\n".encode("latin-1"))
    assert main(build) == 1
    assert ": pages/about.md:3: an about page must be UTF-8 text" in capsys.readouterr().err
    shutil.copy(SAMPLE / "pages" / "about.md", content / "pages" / "about.md")

    config = content / "evdigest.toml"
    config.write_text("jobz = 2\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(build) == 1
    assert "error: evdigest.toml: unknown key 'jobz'" in capsys.readouterr().err
    elsewhere = tmp_path / "settings" / "digest.toml"
    elsewhere.parent.mkdir()
    shutil.move(config, elsewhere)
    assert main([*build, "--config", str(elsewhere)]) == 1
    assert f"error: {elsewhere.resolve()}: unknown key 'jobz'" in capsys.readouterr().err


def test_an_editorial_file_matching_no_entry_is_a_warning_that_strict_fails_on(tmp_path: Path, capsys) -> None:
    """A source's title edited changes its slug: its editorial file matches no entry and the entry would be
    published without the editor's commentary, tags and date. That is a warning, so ``--strict`` publishes
    nothing; without it the build publishes and prints the warning."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    out = tmp_path / "out"
    build = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "1"]
    assert main([*build, "--strict"]) == 1
    counted = capsys.readouterr().err.rsplit("--strict: ", 1)[1].split(" warning(s)")[0]
    slug = "zhang-2025-tiny-giants-regeneration-2e5dc012"
    (content / "editorial" / f"{slug}.md").rename(content / "editorial" / "zhang-2025-tiny-giants-2e5dc012.md")
    assert main([*build, "--strict"]) == 1
    errors, warnings = (int(n) for n in counted.replace(" error(s),", "").split())
    again = capsys.readouterr().err
    assert f"--strict: {errors} error(s), {warnings + 1} warning(s)" in again
    assert not (out / "site").exists()
    assert main(build) == 0
    printed = capsys.readouterr().err
    assert (
        "\nwarning: editorial/zhang-2025-tiny-giants-2e5dc012.md:1: no source has the slug"
        f" 'zhang-2025-tiny-giants-2e5dc012'; this editorial file is not applied (did you mean '{slug}'?)\n"
    ) in printed
    assert (out / "site" / "en" / "entries" / slug / "index.html").is_file()


def test_a_configuration_without_base_url_is_noted_with_what_is_used_instead(tmp_path: Path, capsys) -> None:
    """Canonical links, the sitemap, feeds and robots.txt need an absolute address: without ``base_url`` they
    use a placeholder, which the build notes (a note: ``--strict`` counts the same warnings as with it)."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    out = tmp_path / "out"
    build = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "1"]
    assert main([*build, "--strict"]) == 1
    with_url = capsys.readouterr().err
    assert "base_url" not in with_url
    config = content / "evdigest.toml"
    config.write_text(
        "\n".join(line for line in config.read_text(encoding="utf-8").splitlines() if not line.startswith("base_url")),
        encoding="utf-8",
    )
    assert main([*build, "--strict"]) == 1
    strict = capsys.readouterr().err
    assert strict.rsplit("--strict: ", 1)[1] == with_url.rsplit("--strict: ", 1)[1]
    assert main(build) == 0
    printed = capsys.readouterr().err
    note = (
        "\nnote: evdigest.toml: base_url is not set; canonical links, the sitemap, the Atom feeds, robots.txt and"
        " the PDFs' QR codes use the placeholder https://example.org/evdigest/ (set base_url to the address the"
        " site is served from)\n"
    )
    assert note in printed and "warning: evdigest.toml" not in printed
    assert "Sitemap: https://example.org/evdigest/sitemap.xml" in (out / "site" / "robots.txt").read_text()
    assert main(build) == 0  # nothing changed: told again
    assert note in capsys.readouterr().err


def test_content_files_the_build_leaves_out_are_noted(tmp_path: Path, capsys) -> None:
    """A source in a subfolder of ``sources/`` is not read and an about page whose name is no address is not
    made: each is a note naming the file and what to do, told again by a build with nothing to do."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    (content / "sources" / "2025").mkdir()
    shutil.copy(SAMPLE / "sources" / "liu-2025-migrasomes.txt", content / "sources" / "2025" / "x.txt")
    (content / "sources" / "2025" / ".x.txt.swp").write_text("x", encoding="utf-8")
    (content / "pages" / "Team Members.md").write_text("# Team\n\nUs.\n", encoding="utf-8")
    (content / "pages" / "团队.md").write_text("# 团队\n\n我们。\n", encoding="utf-8")
    (content / "pages" / "about.fr.md").write_text("# À propos\n", encoding="utf-8")
    out = tmp_path / "out"
    build = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "1"]
    notes = [
        "note: sources/2025/x.txt:1: skipped: a source in a subfolder of sources/ is not read (move it into"
        " sources/ itself)",
        "note: pages/Team Members.md:1: skipped: an about page's name is its address (about/<name>/): lower-case"
        " letters a-z, digits and hyphens, starting with a letter or digit (rename it team-members.md; the page's"
        " title is its first heading)",
        "note: pages/about.fr.md:1: skipped: 'fr' is no edition; a page of one edition is named"
        " <name>.<edition>.md (en, zh-hans, zh-hant)",
        "note: pages/团队.md:1: skipped: an about page's name is its address (about/<name>/): lower-case letters"
        " a-z, digits and hyphens, starting with a letter or digit (rename it in Latin letters, e.g. team.md; the"
        " page's title is its first heading)",
    ]
    for _ in range(2):  # the second build has nothing to do
        assert main(build) == 0
        printed = capsys.readouterr().err
        assert [line for line in printed.splitlines() if line.startswith("note: ")] == notes
    assert sorted(p.name for p in (out / "site" / "en" / "about").iterdir()) == ["index.html"]
    for path in (content / "sources").glob("*.txt"):
        path.rename(content / "sources" / "2025" / path.name)
    assert main(build) == 1
    assert "the sources folder holds sources only in subfolders, which are not read" in capsys.readouterr().err


def test_a_broken_csl_file_stops_the_build_before_any_source_is_read(tmp_path: Path, capsys) -> None:
    """``style_en = "my.csl"`` in a ``--config`` file, my.csl ``<style>broken``: a configuration error naming
    the file and line, exit 1 and nothing published (before: an lxml XMLSyntaxError traceback after the
    sources were read)."""
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "digest.toml").write_text('style_en = "my.csl"\n', encoding="utf-8")
    (settings / "my.csl").write_text("<style>broken", encoding="utf-8")
    out = tmp_path / "out"
    build = ["build", "--content", str(SAMPLE), "--config", str(settings / "digest.toml"), "--output", str(out)]
    assert main([*build, "--only", "html,exports", "--jobs", "1"]) == 1
    printed = capsys.readouterr()
    assert (
        f"error: {settings / 'digest.toml'}: style_en: {settings / 'my.csl'}:1: not well-formed XML: no element"
        " found (at column 14)"
    ) in printed.err
    assert "Traceback" not in printed.err and "rebuilt parse" not in printed.err + printed.out
    assert not out.exists()
