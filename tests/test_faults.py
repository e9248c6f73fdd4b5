"""Fault injection: copy the sources (the fixture source_copy), break one thing, build, and make sure the build (or, where
the build can't see it, the check the suite runs) fails with a message naming the file.

The builds run strict, like the real one, but without social cards (SOCIAL_CARDS=false), which
would otherwise be drawn afresh in every copy.
"""

import re

from conftest import build_copy as build
from test_site import defined_references, unresolved_references


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    match = re.search(old, text)
    assert match, f"{path.name}: nothing to break ({old!r} not found); pick another spot for this test"
    path.write_text(text[: match.start()] + new(match) + text[match.end():], encoding="utf-8")
    return match


def test_missing_english_page_fails_the_build(source_copy):
    (source_copy / "docs" / "rechte.en.md").unlink()
    result, output = build(source_copy)
    assert result.returncode != 0, "the build passed without docs/rechte.en.md"
    assert "rechte.en.md" in output, f"the message does not name the missing file:\n{output[-2000:]}"


def test_broken_link_fails_the_build(source_copy):
    edit(source_copy / "docs" / "index.md", r"\]\(anleitung\.md", lambda m: "](anleitungx.md")
    result, output = build(source_copy)
    assert result.returncode != 0, "the build passed with a link to a missing page"
    assert re.search(r"'index\.md'.*anleitungx\.md", output), f"the message does not name the file:\n{output[-2000:]}"


def test_broken_anchor_fails_the_build(source_copy):
    edit(source_copy / "docs" / "checkliste.en.md", r"\]\((\w[\w-]*)\.md#([\w-]+)\)", lambda m: f"]({m.group(1)}.md#{m.group(2)}-broken)")
    result, output = build(source_copy)
    assert result.returncode != 0, "the build passed with a link to a missing anchor"
    assert re.search(r"'checkliste\.en\.md'.*-broken", output), f"the message does not name the file:\n{output[-2000:]}"


def test_unresolved_reference_link_is_caught(source_copy):
    page = source_copy / "docs" / "daten.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSiehe [das Formular][form-nirgendwo].\n", encoding="utf-8")
    # Markdown leaves an unknown [text][key] as plain text, so the build itself passes ...
    result, output = build(source_copy)
    assert result.returncode == 0, f"the copy should build; it failed for another reason:\n{output[-2000:]}"
    # ... and the suite's reference check (tests/test_site.py) names the file and the key.
    defined = defined_references()  # includes/links.md, unchanged in the copy
    problems = {
        f"docs/{path.name}": missing
        for path in sorted((source_copy / "docs").glob("*.md"))
        if (missing := unresolved_references(path.read_text(encoding="utf-8"), defined))
    }
    assert problems == {"docs/daten.md": {"form-nirgendwo"}}, problems
    built = (source_copy.parent / "site" / "daten" / "index.html").read_text(encoding="utf-8")
    assert "[form-nirgendwo]" in built, "the leftover reference should be visible in the output check too"


def test_missing_description_fails_the_build(source_copy):
    edit(source_copy / "docs" / "faq.en.md", r"(?m)^description:.*\n", lambda m: "")
    result, output = build(source_copy)
    assert result.returncode != 0, "the build passed without a description"
    assert "docs/faq.en.md: front matter lacks 'description'" in output, output[-2000:]


def test_external_image_fails_the_build(source_copy):
    page = source_copy / "docs" / "zeitleiste.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Logo](https://example.com/logo.png)\n", encoding="utf-8")
    result, output = build(source_copy)
    assert result.returncode != 0, "the build passed with an image from another host"
    assert re.search(r"External file: https://example\.com/logo\.png.*zeitleiste\.en\.md", output), output[-2000:]
