"""Template errors read ``<file>:<line>: <what went wrong>``: a template of the content folder named relative
to it, a built-in one relative to the project's template folder and said to be built in."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError

from evdigest.cli import main
from evdigest.config import Config
from evdigest.render.pdf_templates import environment as print_environment
from evdigest.render.site import BUILTIN_TEMPLATES, make_environment, template_dirs

SAMPLE = Path(__file__).parent.parent / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(SAMPLE, folder)
    (folder / "templates").mkdir()
    return folder


def site_environment(content: Path):
    return make_environment(template_dirs(Config(content_dir=content, templates_dir=content / "templates")), content)


@pytest.mark.parametrize(
    ("home", "message"),
    [
        ("<p>\n{{ nope }}</p>\n", "templates/home.html.j2:2: 'nope' is undefined"),
        ("{% if page %}\n{{ page.title }\n", "templates/home.html.j2:2: unexpected '}'"),
        (
            "<p>\n\n{{ 1 // 0 }}</p>\n",
            "templates/home.html.j2:3: ZeroDivisionError: integer division or modulo by zero",
        ),
        (
            '{% extends "nope.html.j2" %}\n',
            "templates/home.html.j2:1: template 'nope.html.j2' not found (looked in templates/, site/ (built-in))",
        ),
        (
            '<ul>\n{% include "work_row.html.j2" %}</ul>\n',
            "site/work_row.html.j2:2: 'w' is undefined (built-in template)",
        ),
    ],
)
def test_a_user_templates_error_names_it_within_the_content_folder_and_publishes_nothing(
    tmp_path: Path, content: Path, capsys, home: str, message: str
) -> None:
    out = tmp_path / "out"
    (content / "templates" / "home.html.j2").write_text(home, encoding="utf-8")
    build = ["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "1", "--quiet"]
    assert main(build) == 1
    printed = capsys.readouterr().err
    assert f"error: {message}\n" in printed, printed
    assert str(content) not in printed and 'File "' not in printed
    assert not (out / "site").exists()


def test_entry_templates_fail_the_same_in_worker_processes(tmp_path: Path, content: Path, capsys) -> None:
    out = tmp_path / "out"
    (content / "templates" / "entry.html.j2").write_text("<p>\n{% for %}</p>\n", encoding="utf-8")
    assert main(["build", "--content", str(content), "--output", str(out), "--only", "html", "--jobs", "3"]) == 1
    printed = capsys.readouterr().err
    expected = "templates/entry.html.j2:2: Expected an expression, got 'end of statement block'\n"
    assert f"Build failed, nothing published: {expected}" in printed, printed
    assert not (out / "site").exists()


def test_a_syntax_error_in_an_included_template_names_that_template(content: Path) -> None:
    (content / "templates" / "home.html.j2").write_text('<p>\n{% include "part.html.j2" %}</p>\n', encoding="utf-8")
    (content / "templates" / "part.html.j2").write_text("one\ntwo\n{{ 1 + }}\n", encoding="utf-8")
    with pytest.raises(TemplateSyntaxError) as err:
        site_environment(content).get_template("home.html.j2").render()
    assert str(err.value) == "templates/part.html.j2:3: unexpected 'end of print statement'"


def test_a_template_of_another_folder_is_named_by_its_absolute_path(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared-templates"
    elsewhere.mkdir()
    (elsewhere / "home.html.j2").write_text("{{ nope }}", encoding="utf-8")
    env = make_environment([elsewhere, BUILTIN_TEMPLATES], tmp_path / "content")
    with pytest.raises(UndefinedError, match=rf"^{elsewhere / 'home.html.j2'}:1: 'nope' is undefined$"):
        env.get_template("home.html.j2").render()


def test_a_builtin_templates_syntax_error_is_named_within_the_template_folder(tmp_path: Path) -> None:
    builtin = BUILTIN_TEMPLATES / "home.html.j2"
    env = make_environment([BUILTIN_TEMPLATES], tmp_path)
    source = builtin.read_text(encoding="utf-8") + "\n{% endfor %}\n"
    line = source.count("\n")
    with pytest.raises(TemplateSyntaxError) as err:
        env.compile(source, "home.html.j2", str(builtin))
    assert str(err.value).startswith(f"site/home.html.j2:{line}: Encountered unknown tag 'endfor'.")
    assert str(err.value).endswith(" (built-in template)")


def test_print_templates_name_theirs_the_same_way(content: Path) -> None:
    (content / "templates" / "pdf").mkdir()
    (content / "templates" / "pdf" / "entry.html").write_text('<p>\n{% import "nope.html" as x %}', encoding="utf-8")
    (content / "templates" / "pdf" / "front.html").write_text("<p>\n\n{{ e.title }", encoding="utf-8")
    env = print_environment(Config(content_dir=content, templates_dir=content / "templates"))
    with pytest.raises(TemplateNotFound) as missing:
        env.get_template("entry.html").render()
    assert str(missing.value) == (
        "templates/pdf/entry.html:2: template 'nope.html' not found (looked in templates/pdf/, pdf/ (built-in))"
    )
    with pytest.raises(TemplateSyntaxError, match=r"^templates/pdf/front\.html:3: unexpected '}'$"):
        env.get_template("front.html")
    with pytest.raises(UndefinedError, match=r"^pdf/back\.html:\d+: '\w+' is undefined \(built-in template\)$"):
        env.get_template("back.html").render()


@pytest.mark.parametrize(
    "template",
    ["{{ nope }}", "{{ 1 // 0 }}", "{% include 'nope.html.j2' %}", "\n{{ ) }}"],
)
def test_a_template_error_reads_the_same_once_a_worker_hands_it_on(content: Path, template: str) -> None:
    (content / "templates" / "home.html.j2").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        site_environment(content).get_template("home.html.j2").render()
    told = pickle.loads(pickle.dumps(err.value))
    assert type(told) is type(err.value) and str(told) == str(err.value)
    assert str(told).startswith("templates/home.html.j2:")
