"""Drawn pictures for the click guide (issue 12).

- Every step of every route, in both languages, has its picture: an SVG file the build drew from
  includes/routes.yml, lazy-loaded, with fixed dimensions and an empty alt (the step's text
  says it all).
- The label written in the picture is the step's label from the data in the page's language,
  as real text; where that language has no documented label, the picture writes none (it never
  shows the other language's label as if it were this one's).
- A label changed in a copy of the data changes the picture.
- Printed, the guide shows every picture (in one grid per route) and no empty page.
"""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import build_copy, load, page_for, settle
from site_data import routes, strings

LANGUAGES = ["de", "en"]
SVG = "{http://www.w3.org/2000/svg}"


def guide(site, language):
    path = page_for("anleitung", language).built(site)
    return path, BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def leaf_steps(route, data):
    steps = list(route["steps"])
    for way in route.get("ways", []):
        steps += way["steps"]
    return steps + (data["segments"][route["then"]] if route.get("then") else [])


def svg_texts(page_path, img) -> list:
    """The texts in a picture, each <text> with its lines joined by spaces."""
    svg = ET.parse(page_path.parent / img["src"])
    return [" ".join(t.strip() for t in text.itertext() if t.strip()) for text in svg.iter(SVG + "text")]


def expected_label(step, language, data):
    """The label the picture must write for this step, or None where it must write none."""
    key = step.get("answer") if step.get("do") == "answer" else step.get("target")
    if not key:
        return None
    names = data["labels"][key].get(language) or []
    return names[0] if names and "element" not in data["labels"][key] else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_its_picture_with_the_label_from_the_data(built_site, language):
    data = routes()
    path, html = guide(built_site, language)
    blocks = html.select("article .tabbed-set > .tabbed-content > .tabbed-block")
    assert len(blocks) == len(data["routes"])
    for route, block in zip(data["routes"], blocks):
        steps = leaf_steps(route, data)
        leaves = [li for li in block.select("li") if not li.select("li")]
        assert len(leaves) == len(steps), f"{route['id']} ({language}): step count"
        for number, (step, li) in enumerate(zip(steps, leaves), 1):
            where = f"{page_for('anleitung', language).where}, {route['id']}, step {number}"
            pictures = li.select("img.step-picture")
            assert len(pictures) == 1, f"{where}: {len(pictures)} pictures"
            img = pictures[0]
            assert img.get("alt") == "" and img.get("loading") == "lazy", f"{where}: needs alt=\"\" and loading=lazy"
            assert img.get("width") and img.get("height"), f"{where}: the picture needs fixed dimensions"
            texts = svg_texts(path, img)
            label = expected_label(step, language, data)
            if label:
                assert label in texts, f"{where}: the picture writes {texts}, not the label {label!r}"
            key = step.get("answer") if step.get("do") == "answer" else step.get("target")
            others = [n for lang in LANGUAGES if lang != language for n in (data["labels"].get(key, {}).get(lang) or [])]
            own = data["labels"].get(key, {}).get(language) or []
            invented = [t for t in texts if t in others and t not in own]
            assert not invented, f"{where}: the picture shows another language's label {invented}"


def test_pictures_are_plain_drawings(built_site):
    """No scripts, no external references, no raster images: text and shapes only."""
    folder = built_site / "assets" / "guide"
    files = sorted(folder.glob("*.svg"))
    assert files, "no pictures were written to assets/guide/"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "<text" in text or "<rect" in text, f"{path.name}: empty picture"
        assert not re.search(r"<script|<image|href=|url\(", text), f"{path.name}: embeds something"


def test_a_changed_label_changes_the_picture(source_copy):
    data = source_copy / "includes" / "routes.yml"
    old = routes()["labels"]["privacy_topics"]["en"][0]
    data.write_text(data.read_text(encoding="utf-8").replace(f"[{old}]", "[Privacy Testtopics]"), encoding="utf-8")
    result, output = build_copy(source_copy)
    assert result.returncode == 0, output[-3000:]
    path, html = guide(source_copy.parent / "site", "en")
    texts = [t for img in html.select("img.step-picture") for t in svg_texts(path, img)]
    assert "Privacy Testtopics" in texts and old not in texts, "the pictures did not follow the changed label"


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_guide_shows_every_picture(open_tab, site_server, language):
    data = routes()
    page = open_tab(width=1280, height=900)
    load(page, site_server + page_for("anleitung", language).url)
    page.emulate_media(media="print")
    settle(page)
    pictures = page.locator("article .route-pictures img")
    expected = sum(len(leaf_steps(route, data)) for route in data["routes"])
    assert pictures.count() == expected, f"printed pictures: {pictures.count()}, steps: {expected}"
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # Printing loads the lazy pictures; each one is drawn and visible in the printout.
    missing = page.evaluate("""() => [...document.querySelectorAll('article .route-pictures img')]
        .filter(img => !(img.complete && img.naturalWidth > 0 && img.getClientRects().length)).length""")
    assert missing == 0, f"{missing} pictures not drawn in print"
    assert all(p.extract_text().strip() for p in pdf.pages), "an empty printed page"
    hidden = page.evaluate("[...document.querySelectorAll('article .step-picture')].filter(i => i.getClientRects().length).length")
    assert hidden == 0, "the pictures beside the steps print too (they belong in the grid only)"


def test_pictures_note_names_the_date_of_the_labels(built_site):
    from shortcodes import format_day

    for language in LANGUAGES:
        _, html = guide(built_site, language)
        note = html.select_one(".pictures-note")
        assert note and format_day(routes()["as_of"], language) in note.get_text(), f"anleitung ({language}): note"
        assert strings(language)["guide"]["overview"] in html.select_one(".route-overview").get_text()
