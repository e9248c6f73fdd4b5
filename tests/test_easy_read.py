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
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ALL_PAGES, DOCS, SITE_URL, build_site, built_path, copy_build_inputs, page_url, settle
from readability import prose, sentences
from site_data import links, strings

PAGES = {"de": DOCS / "leichte-sprache.md", "en": DOCS / "leichte-sprache.en.md"}
MAX_WORDS = 12
FORMS = ("form-instagram", "form-facebook")


def language_of(source: Path) -> str:
    return "en" if source.name.endswith(".en.md") else "de"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def easy_read_url(language: str) -> str:
    return page_url(PAGES[language])


def test_both_pages_exist(built_site):
    for language, source in PAGES.items():
        assert source.exists(), f"docs/{source.name} is missing"
        assert built_path(built_site, source).exists(), f"docs/{source.name} was not built"


@pytest.mark.parametrize("source", ALL_PAGES, ids=lambda p: p.name)
def test_every_page_links_to_easy_read_at_the_top(built_site, source):
    language = language_of(source)
    html = soup(built_path(built_site, source))
    link = html.select_one(".easy-read-bar a[href]")
    assert link, f"docs/{source.name}: no easy-read link at the top (overrides/main.html, block header)"
    assert " ".join(link.get_text().split()) == strings(language)["easy_read_link"], (
        f"docs/{source.name}: the top link reads {link.get_text(strip=True)!r}")
    target = urljoin(SITE_URL + page_url(source), link["href"])
    assert target == SITE_URL + easy_read_url(language), f"docs/{source.name}: the top link goes to {link['href']}"
    header = html.select_one("header.md-header")
    assert header in link.find_all_next("header"), f"docs/{source.name}: the easy-read link is not above the header"


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_links_to_easy_read(built_site, language):
    home = DOCS / ("index.md" if language == "de" else "index.en.md")
    article = soup(built_path(built_site, home)).select_one("article")
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert "leichte-sprache/" in hrefs, f"docs/{home.name}: no link to the {language} easy-read page in the text"


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_sentence_longer_than_12_words(built_site, language):
    source = PAGES[language]
    found = list(sentences(prose(built_path(built_site, source))))
    assert len(found) > 50, f"docs/{source.name}: only {len(found)} sentences found; is the text there?"
    long = [f"{len(words)} words: {sentence}" for sentence, words in found if len(words) > MAX_WORDS]
    assert not long, f"docs/{source.name}: sentences over {MAX_WORDS} words:\n  " + "\n  ".join(long)


def outline(html: BeautifulSoup) -> dict:
    article = html.select_one("article")
    return {
        "h2": len(article.select("h2")),
        "h3": len(article.select("h3")),
        "steps": len(article.select("ol > li")),
        "forms": sorted(a["href"] for a in article.select("a.url-shown")),
        "sources": [a["href"] for a in article.select(".sources-list a")],
    }


def test_both_languages_carry_the_same_content(built_site):
    german, english = (outline(soup(built_path(built_site, PAGES[lang]))) for lang in ("de", "en"))
    assert german == english, f"docs/leichte-sprache.md and .en.md differ: {german} vs {english}"
    assert german["forms"] == sorted(links()[key] for key in FORMS), f"form links: {german['forms']}"


@pytest.mark.parametrize("language", ["de", "en"])
def test_listed_sources_link_to_the_sources_page(built_site, language):
    html = soup(built_path(built_site, PAGES[language]))
    listed = [a["href"].rsplit("#", 1)[1] for a in html.select(".sources-list a[href*='quellen/#']")]
    assert len(listed) >= 5, f"docs/{PAGES[language].name}: expected a list of sources, found {listed}"
    quellen = soup(built_path(built_site, DOCS / ("quellen.md" if language == "de" else "quellen.en.md")))
    missing = [ident for ident in listed if not quellen.find(id=ident)]
    assert not missing, f"the Sources page ({language}) lacks the listed sources {missing}"
    assert not html.select("sup[id^='fnref']"), f"docs/{PAGES[language].name}: footnote markers on an easy-read page"


def test_an_unknown_listed_source_fails_naming_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIAL_CARDS", "false")
    source = copy_build_inputs(tmp_path / "src")
    page = source / "docs" / "leichte-sprache.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- sources:list s01", "<!-- sources:list s999 s01"), encoding="utf-8")
    result = build_site(source, tmp_path / "site", SITE_URL)
    assert result.returncode != 0, "the build passed with an unknown source in <!-- sources:list -->"
    output = result.stdout + result.stderr
    assert "docs/leichte-sprache.md" in output and "s999" in output, output[-2000:]


@pytest.mark.parametrize("language", ["de", "en"])
def test_readable_without_javascript(browser, site_server, language):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_server + easy_read_url(language))
        assert page.locator(".easy-read-bar a").is_visible()
        hidden = page.evaluate("""() => [...document.querySelectorAll('article h1, article h2, article h3, article p, article li, article a')]
            .filter(e => e.textContent.trim() && !e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
            .filter(e => !e.closest('.share, .headerlink'))
            .map(e => e.textContent.trim().slice(0, 60))""")
        assert not hidden, f"{language}: hidden without JavaScript: {hidden[:5]}"
        shown = page.locator("article a.url-shown").all_inner_texts()
        assert sorted(shown) == sorted(links()[key] for key in FORMS), f"{language}: form links shown: {shown}"
    finally:
        context.close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_prints_without_an_empty_page(browser, site_server, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_server + easy_read_url(language))
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        settle(page)
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p:not(.reviewed)')).fontSize)")
        pdf = page.pdf(format="A4", print_background=False)
    finally:
        context.close()
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    empty = [number for number, text in enumerate(pages, 1) if not text.strip()]
    assert not empty, f"docs/{PAGES[language].name}: empty printed pages {empty} of {len(pages)}"
    printed = "".join("".join(text.split()) for text in pages)
    for key in FORMS:
        assert links()[key] in printed, f"docs/{PAGES[language].name}: {links()[key]} not printed"
    assert size >= 16, f"docs/{PAGES[language].name}: printed text is {size}px, easy read needs larger type"
