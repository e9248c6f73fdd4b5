"""Real Chromium against the built site: language switch, per-language search, privacy."""

from urllib.parse import urlparse

import pytest

from conftest import PAGES, assert_local_only, load, wait_for_results

SEARCH_WORDS = {"de": ("", "Widerspruch"), "en": ("en/", "objection")}


@pytest.fixture
def page(open_tab):
    """A fresh tab that records every request and every console error."""
    return open_tab(width=1280, height=900)


@pytest.mark.parametrize("source", PAGES)
def test_page_loads_without_errors_or_foreign_requests(page, site_server, source):
    load(page, site_server + source.url)  # everything the page fetches, search index included
    assert not page.errors, f"{source.where}: console errors {page.errors}"
    assert_local_only(page, site_server)


@pytest.mark.parametrize("start, target", [("daten/", "en/daten/"), ("en/anleitung/", "anleitung/")])
def test_language_switcher_lands_on_counterpart(page, site_server, start, target):
    page.goto(site_server + start)
    page.locator(".md-header .md-select").first.hover()
    language = "en" if target.startswith("en/") else "de"
    with page.expect_navigation():  # the new page, not the one the click started on
        page.locator(f".md-header a.md-select__link[hreflang={language}]").first.click()
    assert page.url == site_server + target
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_finds_words_in_the_page_language_only(page, site_server, language):
    prefix, word = SEARCH_WORDS[language]
    page.goto(site_server + prefix)
    # The index is fetched once the search opens (tests/test_performance.py checks that);
    # the results for the whole word are the state to wait for.
    page.locator("input.md-search__input").click()  # visible in the header at desktop width
    page.keyboard.type(word)
    wait_for_results(page, word)
    results = page.locator(".md-search-result__item a")
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert hrefs, f"no search results for {word!r}"
    paths = [urlparse(href).path for href in hrefs]
    if language == "en":
        assert all(path.startswith("/en/") for path in paths), f"German hits on the English site: {paths}"
    else:
        assert not any(path.startswith("/en/") for path in paths), f"English hits on the German site: {paths}"
    assert not page.errors, page.errors
    assert_local_only(page, site_server)
