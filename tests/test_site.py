"""The built site: both languages, metadata, hreflang and link references."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, PAGES, ROOT, SITE_URL, pages
from site_data import links


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_every_page_exists_in_both_languages():
    german = {p.slug for p in pages("de")}
    english = {p.slug for p in pages("en")}
    assert german, "no pages found in docs/"
    missing_en = sorted(f"docs/{name}.en.md" for name in german - english)
    missing_de = sorted(f"docs/{name}.md" for name in english - german)
    assert not missing_en and not missing_de, f"missing translations: {missing_en + missing_de}"


@pytest.mark.parametrize("page", PAGES)
def test_page_has_language_title_and_description(built_site, page):
    html = page.soup(built_site)
    where = page.where
    assert html.html.get("lang") == page.language, f"{where}: wrong <html lang>"
    title = html.title.get_text(strip=True) if html.title else ""
    assert title, f"{where}: no <title>"
    description = html.find("meta", attrs={"name": "description"})
    assert description and description.get("content", "").strip(), f"{where}: no meta description"


@pytest.mark.parametrize("page", PAGES)
def test_head_has_absolute_hreflang_alternates(built_site, page):
    html = page.soup(built_site)
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    german, english = page.twin("de").url, page.twin("en").url
    expected = {"de": SITE_URL + german, "en": SITE_URL + english, "x-default": SITE_URL + german}
    assert alternates == expected, f"{page.where}: hreflang alternates are {alternates}"
    canonical = html.find("link", rel="canonical")
    assert canonical and canonical["href"] == SITE_URL + page.url, f"{page.where}: canonical URL"


def test_sitemap_has_absolute_alternates(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(built_site / "sitemap.xml")
    urls = tree.getroot().findall("s:url", ns)
    expected_locs = {SITE_URL + p.url for p in PAGES}
    locs = {u.find("s:loc", ns).text for u in urls}
    assert expected_locs <= locs, f"sitemap.xml lacks {sorted(expected_locs - locs)}"
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        loc = url.find("s:loc", ns).text
        assert {"de", "en", "x-default"} <= set(alternates), f"sitemap.xml: {loc} lacks alternates"
        assert all(href.startswith(SITE_URL) for href in alternates.values()), f"sitemap.xml: {loc} has relative alternates"


def test_404_page_speaks_both_languages(built_site):
    html = soup(built_site / "404.html")
    sections = {s.get("lang") for s in html.select("section[lang]")}
    assert {"de", "en"} <= sections, "404.html must have a German and an English section"
    hrefs = {a["href"] for a in html.select(".not-found a")}
    assert {"/en/"} <= hrefs, "404.html must link to the English home page"


def test_search_index_is_split_by_language(built_site):
    import json

    german = json.loads((built_site / "search" / "search_index.json").read_text())
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    assert german["config"]["lang"] == ["de"] and english["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in german["docs"]), "English entries in German index"
    assert {d["location"] for d in english["docs"]} >= {"", "anleitung/"}


# Reference links: strict mode does not catch [text][missing], so check sources and output.
REFERENCE = re.compile(r"(?<!\\)\]\[([^\]^][^\]]*)\]")  # not footnotes like [^s1][^s2]
DEFINITION = re.compile(r"^\[([^\]^]+)\]:\s*\S+", re.MULTILINE)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def defined_references():
    return set(links())


def unresolved_references(markdown: str, defined: set) -> set:
    text = CODE.sub("", markdown)
    local = set(DEFINITION.findall(text))
    return {key for key in REFERENCE.findall(text) if key.lower() not in {d.lower() for d in defined | local}}


def test_unresolved_reference_detector_catches_a_missing_key():
    assert unresolved_references("See [the form][nosuchkey].", {"form"}) == {"nosuchkey"}
    assert unresolved_references("See [the form][form].", {"form"}) == set()


@pytest.mark.parametrize("source", sorted(DOCS.rglob("*.md")) + sorted((ROOT / "includes").rglob("*.md")), ids=lambda p: p.name)
def test_reference_links_resolve(source):
    missing = unresolved_references(source.read_text(encoding="utf-8"), defined_references())
    assert not missing, f"{source.relative_to(ROOT)}: undefined link references {sorted(missing)} (add them to includes/links.md)"


@pytest.mark.parametrize("page", PAGES)
def test_no_literal_reference_syntax_in_output(built_site, page):
    html = page.soup(built_site)
    for tag in html(["code", "pre", "script", "style"]):
        tag.decompose()
    text = html.get_text(" ")
    leftovers = re.findall(r"\]\[[\w-]+\]|--8<--|<!--\s*(?:fact|url):", text)
    assert not leftovers, f"{page.where}: unprocessed markup in output: {leftovers[:3]}"
