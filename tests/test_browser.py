"""Real Chromium against the built site: language switch, per-language search, privacy."""

from urllib.parse import urlparse

import pytest

from conftest import ALL_PAGES, assert_local_only, page_url, record_activity

SEARCH_WORDS = {"de": ("", "Widerspruch"), "en": ("en/", "objection")}


@pytest.fixture
def page(browser, site_server):
    """A fresh page that records every request and every console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield record_activity(context.new_page())
    context.close()


@pytest.mark.parametrize("source", ALL_PAGES, ids=lambda p: p.name)
def test_page_loads_without_errors_or_foreign_requests(page, site_server, source):
    page.goto(site_server + page_url(source))
    page.wait_for_load_state("networkidle")
    assert not page.errors, f"docs/{source.name}: console errors {page.errors}"
    assert_local_only(page, site_server)


@pytest.mark.parametrize("start, target", [("daten/", "en/daten/"), ("en/anleitung/", "anleitung/")])
def test_language_switcher_lands_on_counterpart(page, site_server, start, target):
    page.goto(site_server + start)
    page.locator(".md-header .md-select").first.hover()
    language = "en" if target.startswith("en/") else "de"
    page.locator(f".md-header a.md-select__link[hreflang={language}]").first.click()
    page.wait_for_load_state()
    assert page.url == site_server + target
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_finds_words_in_the_page_language_only(page, site_server, language):
    prefix, word = SEARCH_WORDS[language]
    page.goto(site_server + prefix)
    # The index is fetched once the search opens (tests/test_performance.py checks that).
    page.locator("input.md-search__input").click()  # visible in the header at desktop width
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert hrefs, f"no search results for {word!r}"
    paths = [urlparse(href).path for href in hrefs]
    if language == "en":
        assert all(path.startswith("/en/") for path in paths), f"German hits on the English site: {paths}"
    else:
        assert not any(path.startswith("/en/") for path in paths), f"English hits on the German site: {paths}"
    assert not page.errors, page.errors
    assert_local_only(page, site_server)
