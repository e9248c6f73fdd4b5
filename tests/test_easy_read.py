"""Leichte Sprache and Easy Read (issue 13): docs/leichte-sprache.md and its English twin.

- Both pages exist, and every page links to the one in its own language at the top (above the
  header, with the label from includes/strings), as does the home page.
- No sentence is longer than 12 words. The text is split into sentences the way
  scripts/readability.py does it; headings and list items count as sentences. The quoted titles
  in "Where this comes from" are other people's words and left out, as footnotes are.
- Both pages carry the same content: the same sections, steps and form links.
- Their sources (<!-- sources:list … -->) link to the Sources page, which lists them; an unknown
  id stops the build, naming the page.
- They need no JavaScript, and they print without an empty page, with the form links written out.
"""

import io
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import LANGUAGES, PAGES, SITE_URL, build_copy, load, page_for, settle
from readability import prose, sentences
from site_data import links, strings

MAX_WORDS = 12
FORMS = ("form-instagram", "form-facebook")


def easy(language):
    return page_for("leichte-sprache", language)


def test_both_pages_exist(built_site):
    for language in LANGUAGES:
        assert easy(language).source.exists(), f"{easy(language).where} is missing"
        assert easy(language).built(built_site).exists(), f"{easy(language).where} was not built"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_to_easy_read_at_the_top(built_site, page):
    html = page.soup(built_site)
    link = html.select_one(".easy-read-bar a[href]")
    assert link, f"{page.where}: no easy-read link at the top (overrides/main.html, block header)"
    assert " ".join(link.get_text().split()) == strings(page.language)["easy_read_link"], (
        f"{page.where}: the top link reads {link.get_text(strip=True)!r}")
    target = urljoin(SITE_URL + page.url, link["href"])
    assert target == SITE_URL + easy(page.language).url, f"{page.where}: the top link goes to {link['href']}"
    header = html.select_one("header.md-header")
    assert header in link.find_all_next("header"), f"{page.where}: the easy-read link is not above the header"


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_links_to_easy_read(built_site, language):
    home = page_for("index", language)
    article = home.soup(built_site).select_one("article")
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert "leichte-sprache/" in hrefs, f"{home.where}: no link to the {language} easy-read page in the text"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_sentence_longer_than_12_words(built_site, language):
    page = easy(language)
    found = list(sentences(prose(page.built(built_site))))
    assert len(found) > 50, f"{page.where}: only {len(found)} sentences found; is the text there?"
    long = [f"{len(words)} words: {sentence}" for sentence, words in found if len(words) > MAX_WORDS]
    assert not long, f"{page.where}: sentences over {MAX_WORDS} words:\n  " + "\n  ".join(long)


def outline(html: BeautifulSoup) -> dict:
    article = html.select_one("article")
    return {
        "h2": len(article.select("h2")),
        "h3": len(article.select("h3")),
        "steps": len(article.select("ol > li")),
        "forms": sorted(a["href"] for a in article.select("a.written-out")),
        "sources": [a["href"] for a in article.select(".sources-list a")],
    }


def test_both_languages_carry_the_same_content(built_site):
    german, english = (outline(easy(lang).soup(built_site)) for lang in LANGUAGES)
    assert german == english, f"docs/leichte-sprache.md and .en.md differ: {german} vs {english}"
    assert german["forms"] == sorted(links()[key] for key in FORMS), f"form links: {german['forms']}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_listed_sources_link_to_the_sources_page(built_site, language):
    html = easy(language).soup(built_site)
    listed = [a["href"].rsplit("#", 1)[1] for a in html.select(".sources-list a[href*='quellen/#']")]
    assert len(listed) >= 5, f"{easy(language).where}: expected a list of sources, found {listed}"
    quellen = page_for("quellen", language).soup(built_site)
    missing = [ident for ident in listed if not quellen.find(id=ident)]
    assert not missing, f"the Sources page ({language}) lacks the listed sources {missing}"
    assert not html.select("sup[id^='fnref']"), f"{easy(language).where}: footnote markers on an easy-read page"


def test_an_unknown_listed_source_fails_naming_the_page(source_copy):
    page = source_copy / "docs" / "leichte-sprache.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- sources:list s01", "<!-- sources:list s999 s01"), encoding="utf-8")
    result, output = build_copy(source_copy)
    assert result.returncode != 0, "the build passed with an unknown source in <!-- sources:list -->"
    assert "docs/leichte-sprache.md" in output and "s999" in output, output[-2000:]


@pytest.mark.parametrize("language", LANGUAGES)
def test_readable_without_javascript(open_tab, site_server, language):
    page = open_tab(width=390, height=800, javascript=False)
    page.goto(site_server + easy(language).url)
    assert page.locator(".easy-read-bar a").is_visible()
    hidden = page.evaluate("""() => [...document.querySelectorAll('article h1, article h2, article h3, article p, article li, article a')]
        .filter(e => e.textContent.trim() && !e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
        .filter(e => !e.closest('.share, .headerlink'))
        .map(e => e.textContent.trim().slice(0, 60))""")
    assert not hidden, f"{language}: hidden without JavaScript: {hidden[:5]}"
    shown = page.locator("article a.written-out").all_inner_texts()
    assert sorted(shown) == sorted(links()[key] for key in FORMS), f"{language}: form links shown: {shown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_prints_without_an_empty_page(open_tab, site_server, language):
    page = open_tab(width=1280, height=900)
    load(page, site_server + easy(language).url)
    page.emulate_media(media="print")
    settle(page)
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p:not(.reviewed)')).fontSize)")
    pdf = page.pdf(format="A4", print_background=False)
    where = easy(language).where
    printed_pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    empty = [number for number, text in enumerate(printed_pages, 1) if not text.strip()]
    assert not empty, f"{where}: empty printed pages {empty} of {len(printed_pages)}"
    printed = "".join("".join(text.split()) for text in printed_pages)
    for key in FORMS:
        assert links()[key] in printed, f"{where}: {links()[key]} not printed"
    assert size >= 16, f"{where}: printed text is {size}px, easy read needs larger type"
