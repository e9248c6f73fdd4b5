"""Fault injection: copy the sources, break one thing, build, and make sure the build (or, where
the build can't see it, the check the suite runs) fails with a message naming the file.

The builds run strict, like the real one, but without social cards (SOCIAL_CARDS=false), which
would otherwise be drawn afresh in every copy.
"""

import re

import pytest

from conftest import SITE_URL, build_site, copy_build_inputs
from test_site import DEFINITION, unresolved_references

@pytest.fixture
def sources(tmp_path, monkeypatch):
    """A copy of everything the build reads."""
    monkeypatch.setenv("SOCIAL_CARDS", "false")
    return copy_build_inputs(tmp_path / "src")


def build(source):
    result = build_site(source, source.parent / "site", SITE_URL)
    return result, result.stdout + result.stderr


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    match = re.search(old, text)
    assert match, f"{path.name}: nothing to break ({old!r} not found); pick another spot for this test"
    path.write_text(text[: match.start()] + new(match) + text[match.end():], encoding="utf-8")
    return match


def test_missing_english_page_fails_the_build(sources):
    (sources / "docs" / "rechte.en.md").unlink()
    result, output = build(sources)
    assert result.returncode != 0, "the build passed without docs/rechte.en.md"
    assert "rechte.en.md" in output, f"the message does not name the missing file:\n{output[-2000:]}"


def test_broken_link_fails_the_build(sources):
    edit(sources / "docs" / "index.md", r"\]\(anleitung\.md", lambda m: "](anleitungx.md")
    result, output = build(sources)
    assert result.returncode != 0, "the build passed with a link to a missing page"
    assert re.search(r"'index\.md'.*anleitungx\.md", output), f"the message does not name the file:\n{output[-2000:]}"


def test_broken_anchor_fails_the_build(sources):
    edit(sources / "docs" / "checkliste.en.md", r"\]\((\w[\w-]*)\.md#([\w-]+)\)", lambda m: f"]({m.group(1)}.md#{m.group(2)}-broken)")
    result, output = build(sources)
    assert result.returncode != 0, "the build passed with a link to a missing anchor"
    assert re.search(r"'checkliste\.en\.md'.*-broken", output), f"the message does not name the file:\n{output[-2000:]}"


def test_unresolved_reference_link_is_caught(sources):
    page = sources / "docs" / "daten.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSiehe [das Formular][form-nirgendwo].\n", encoding="utf-8")
    # Markdown leaves an unknown [text][key] as plain text, so the build itself passes ...
    result, output = build(sources)
    assert result.returncode == 0, f"the copy should build; it failed for another reason:\n{output[-2000:]}"
    # ... and the suite's reference check (tests/test_site.py) names the file and the key.
    defined = set(DEFINITION.findall((sources / "includes" / "links.md").read_text(encoding="utf-8")))
    problems = {
        f"docs/{path.name}": missing
        for path in sorted((sources / "docs").glob("*.md"))
        if (missing := unresolved_references(path.read_text(encoding="utf-8"), defined))
    }
    assert problems == {"docs/daten.md": {"form-nirgendwo"}}, problems
    built = (sources.parent / "site" / "daten" / "index.html").read_text(encoding="utf-8")
    assert "[form-nirgendwo]" in built, "the leftover reference should be visible in the output check too"


def test_missing_description_fails_the_build(sources):
    edit(sources / "docs" / "faq.en.md", r"(?m)^description:.*\n", lambda m: "")
    result, output = build(sources)
    assert result.returncode != 0, "the build passed without a description"
    assert "docs/faq.en.md: front matter lacks 'description'" in output, output[-2000:]


def test_external_image_fails_the_build(sources):
    page = sources / "docs" / "zeitleiste.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Logo](https://example.com/logo.png)\n", encoding="utf-8")
    result, output = build(sources)
    assert result.returncode != 0, "the build passed with an image from another host"
    assert re.search(r"External file: https://example\.com/logo\.png.*zeitleiste\.en\.md", output), output[-2000:]
