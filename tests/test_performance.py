"""Performance work (issue 11) that changes behaviour, checked as behaviour; speed and bytes are
measured by scripts/bench, never here.

- Search on demand (docs/assets/javascripts/search-on-demand.js): nothing of the search (index,
  worker, lunr) is fetched before the reader opens it; opening it by tap or by "/" fetches the
  page language's index only and finds words in that language; a link from a result (?h=)
  still highlights.
- Material on first input (material-on-input.js, palette-before-material.js,
  hooks/material_on_input.py): no page loads Material's bundle by itself; every kind of first
  input starts it; nothing on the page moves when it starts; before it runs, the colour scheme
  follows the system or the stored choice, the toggle works, and the search opens with its field
  focused by a tap or "/" and finds words once it has loaded.
- Rendering: each page has one stylesheet that blocks rendering (hooks/stylesheets.py) and no
  blocking script in <head> (hooks/inline_scripts.py); print.css never holds up the screen, and
  printing still applies it.
"""

import re
from urllib.parse import urlparse

import pytest

from conftest import LANGUAGES, PAGES, STARTED, load, page_for, settle, start_material, wait_for_results

SEARCH = {"de": ("", "Widerspruch"), "en": ("en/", "objection")}
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$|/lunr/")
SEARCH_BUTTON = "label.md-header__button[for=__search]"  # the magnifier in the phone header
SEARCH_FOCUSED = "() => document.activeElement.matches('input.md-search__input')"


def search_requests(page):
    return [urlparse(url).path for url in page.requests if SEARCH_FILES.search(urlparse(url).path)]


@pytest.fixture
def phone(open_tab):
    return open_tab(width=390, height=844)


@pytest.fixture
def desktop(open_tab):
    return open_tab(width=1280, height=900)


@pytest.mark.parametrize("page", PAGES)
def test_search_is_not_fetched_on_page_load(phone, site_server, page):
    load(phone, site_server + page.url)
    settle(phone)
    assert not search_requests(phone), f"{page.where}: fetched before the search was opened: {search_requests(phone)}"
    assert not phone.errors, phone.errors


def assert_results_in_language(page, language):
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert hrefs, "no search results"
    paths = [urlparse(href).path for href in hrefs]
    if language == "en":
        assert all(p.startswith("/en/") for p in paths), f"German hits on the English site: {paths}"
    else:
        assert not any(p.startswith("/en/") for p in paths), f"English hits on the German site: {paths}"


def assert_only_own_index(page, language):
    prefix = SEARCH[language][0]
    indexes = [p for p in search_requests(page) if p.endswith("search_index.json")]
    assert indexes == [f"/{prefix}search/search_index.json"], f"{language}: fetched the indexes {indexes}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_opening_search_by_tap_fetches_only_this_languages_index(phone, site_server, language):
    prefix, word = SEARCH[language]
    load(phone, site_server + prefix + "anleitung/")
    phone.locator(SEARCH_BUTTON).click()
    field = phone.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.press_sequentially(word)
    wait_for_results(phone, word)
    assert_results_in_language(phone, language)
    assert_only_own_index(phone, language)
    assert not phone.errors, phone.errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_opens_by_keyboard_and_finds_words(desktop, site_server, language):
    prefix, word = SEARCH[language]
    load(desktop, site_server + prefix + "daten/")
    desktop.keyboard.press("/")
    assert desktop.evaluate(SEARCH_FOCUSED), '"/" did not focus the search'
    desktop.keyboard.type(word)
    wait_for_results(desktop, word)
    assert_results_in_language(desktop, language)
    assert_only_own_index(desktop, language)
    assert not desktop.errors, desktop.errors


def test_a_search_result_still_highlights_the_words(desktop, site_server):
    """Material links results with ?h=word; that page loads the index to mark the words."""
    desktop.goto(site_server + "rechte/?h=widerspruch")
    desktop.locator("article mark").first.wait_for(timeout=20000)
    assert "widerspruch" in desktop.locator("article mark").first.inner_text().lower()


@pytest.mark.parametrize("page", PAGES)
def test_one_render_blocking_stylesheet_and_no_blocking_script(built_site, page):
    soup = page.soup(built_site)
    where = page.where
    blocking = [link["href"] for link in soup.head.select("link[rel=stylesheet]") if link.get("media", "all") in ("all", "screen")]
    site_css = [href for href in blocking if re.search(r"assets/stylesheets/site\.[0-9a-f]+\.css$", href)]
    assert len(site_css) == 1, f"{where}: expected one site stylesheet, found {blocking}"
    # Besides it, only the page's own stylesheets from its front matter (`styles:`).
    own = [path.rsplit("/", 1)[-1] for path in page.front_matter().get("styles", [])]
    others = [href for href in blocking if href not in site_css and href.rsplit("/", 1)[-1] not in own]
    assert not others, f"{where}: more stylesheets block rendering: {others}"
    prints = [link for link in soup.head.select("link[rel=stylesheet]") if link["href"].endswith("print.css")]
    assert [link.get("media") for link in prints] == ["print"], f"{where}: print.css links {prints}"
    scripts = [s["src"] for s in soup.head.select("script[src]") if not (s.has_attr("async") or s.has_attr("defer"))]
    assert not scripts, f"{where}: scripts that block rendering in <head>: {scripts}"


def test_page_renders_while_print_css_is_held_back_and_prints_with_it(open_tab, site_server):
    page = open_tab(width=390, height=844)
    held = []
    page.route("**/print.css", lambda route: held.append(route))
    page.goto(site_server + "anleitung/", wait_until="commit")
    # First paint happens while print.css has not arrived.
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0")
    assert held, "print.css was not requested"
    assert page.locator(".md-header").is_visible()
    for route in held:
        route.continue_()
    page.wait_for_function("() => [...document.styleSheets].some(s => s.href && s.href.endsWith('print.css') && s.cssRules.length)")
    assert page.locator("section.share").is_visible(), "print rules apply on screen"
    page.emulate_media(media="print")
    settle(page)
    assert not page.locator("section.share").is_visible(), "printing does not apply print.css"
    assert not page.locator(".md-header").is_visible(), "printing does not apply print.css"


def test_joined_stylesheet_keeps_what_scripts_add(built_site):
    """Rules for markup that only Material's scripts create survive the pruning."""
    css = next((built_site / "assets" / "stylesheets").glob("site.*.css")).read_text(encoding="utf-8")
    for needed in (".md-search-result__item", ".md-tooltip2", ".focus-visible", ".md-typeset__scrollwrap",
                   ".md-nav__link--active", "[data-md-color-scheme=slate]", ".md-typeset .admonition"):
        assert needed in css, f"the joined stylesheet lost {needed}"
    for unused in ("[dir=rtl]", ".md-version", "[data-md-color-primary=pink]"):
        assert unused not in css, f"the joined stylesheet still carries {unused}"


# --- Material on first input -------------------------------------------------------------------

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
SCHEME = "() => document.body.dataset.mdColorScheme"
TOGGLE = "[data-md-component=palette] label:not([hidden])"


def bundle_requests(page):
    return [url for url in page.requests if BUNDLE.search(urlparse(url).path)]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_loads_materials_bundle_by_itself(built_site, page):
    soup = page.soup(built_site)
    tags = [s["src"] for s in soup.select("script[src]") if BUNDLE.search(s["src"])]
    assert not tags, f"{page.where}: Material's bundle is a <script> of the page again: {tags}"
    placeholders = soup.select("script#__bundle[type='text/plain'][data-src]")
    assert len(placeholders) == 1, f"{page.where}: expected one placeholder for the bundle, found {len(placeholders)}"
    target = (page.built(built_site).parent / placeholders[0]["data-src"]).resolve()
    assert target.is_file(), f"{page.where}: the placeholder points to a missing file {placeholders[0]['data-src']}"


def hold_bundle(tab):
    """Hold Material's bundle back (the reader's connection is slow) until release() is called."""
    held = []
    tab.route(BUNDLE, lambda route: held.append(route))

    def release():
        tab.wait_for_function("() => document.querySelector('script[src*=\"/bundle.\"]') !== null")
        for route in held:
            route.continue_()
        tab.wait_for_function(STARTED)
    return release


@pytest.mark.parametrize("page", PAGES)
def test_first_view_works_without_the_bundle(phone, site_server, page):
    load(phone, site_server + page.url, material=False)
    settle(phone)
    assert not bundle_requests(phone), f"{page.where}: fetched Material's bundle without any input"
    assert phone.locator(SEARCH_BUTTON).is_visible(), f"{page.where}: no search button"
    assert phone.locator(TOGGLE).count() == 1, f"{page.where}: no palette toggle"
    assert not phone.errors, phone.errors


INPUTS = {
    "wheel": lambda tab: tab.mouse.wheel(0, 40),
    "key": lambda tab: tab.keyboard.press("Tab"),
    "pointer": lambda tab: tab.mouse.move(200, 400),
    "click": lambda tab: tab.mouse.click(200, 600),
    "tap": lambda tab: tab.tap("h1"),
    # As a screen reader activates a control: a click event with no pointer or key before it.
    "assistive click": lambda tab: tab.evaluate("() => document.querySelector('.md-content h1').click()"),
}


@pytest.mark.parametrize("kind", INPUTS)
def test_every_kind_of_first_input_starts_material(open_tab, site_server, kind):
    tab = open_tab(width=390, height=844, has_touch=kind == "tap")
    load(tab, site_server + "daten/", material=False)
    INPUTS[kind](tab)
    tab.wait_for_function(STARTED)
    assert len(bundle_requests(tab)) == 1, bundle_requests(tab)
    assert not tab.errors, tab.errors


def test_without_the_bundle_the_page_falls_back_to_its_no_javascript_state(phone, site_server):
    """A bundle that fails to load must not leave a search button and toggle that do nothing."""
    phone.route(BUNDLE, lambda route: route.abort())
    load(phone, site_server + "daten/", material=False)
    phone.mouse.wheel(0, 0)
    phone.wait_for_function("() => document.documentElement.classList.contains('no-js')")
    assert not phone.locator(SEARCH_BUTTON).is_visible()


def test_a_link_to_a_place_in_the_page_starts_material_at_once(desktop, site_server, built_site):
    """Material opens the tab or the details that hold the target, so it starts without input."""
    faq = page_for("faq", "de")
    anchor = faq.soup(built_site).select("article h2[id]")[-1]["id"]
    desktop.goto(site_server + faq.url + "#" + anchor)
    desktop.wait_for_function(STARTED)
    assert not desktop.errors, desktop.errors


# Everything a reader sees, by position and size (Material adds elements when it starts, so
# compare by kind and text, not by element).
BOXES = """() => [...document.querySelectorAll('h1, h2, h3, p, li, table, td, img, label, summary, figure, .md-header__title, .md-search, .md-select, .tabbed-labels, .md-footer')]
  .filter(e => e.getClientRects().length)
  .map(e => { const r = e.getBoundingClientRect();
    return [e.tagName, (e.textContent || '').trim().slice(0, 40), Math.round(r.x), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)].join(' '); })"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page", PAGES)
def test_nothing_moves_when_material_starts(open_tab, site_server, page, width):
    tab = open_tab(width=width, height=844)
    load(tab, site_server + page.url, material=False)
    settle(tab)
    before = tab.evaluate(BOXES)
    start_material(tab)
    settle(tab)
    after = tab.evaluate(BOXES)
    moved = sorted(set(before) ^ set(after))
    assert not moved, f"{page.where} at {width} px: moved when Material started: {moved[:6]}"


@pytest.mark.parametrize("stored", [None, 0])
def test_colour_scheme_before_material_follows_system_or_stored_choice(open_tab, site_server, stored):
    """A dark system shows the dark scheme from the first paint, unless the reader chose light."""
    init = () if stored is None else (f'localStorage.setItem("/.__palette", JSON.stringify({{index: {stored}, color: {{}}}}))',)
    tab = open_tab(width=390, height=844, scheme="dark", init_scripts=init)
    load(tab, site_server + "daten/", material=False)
    expected = "slate" if stored is None else "default"
    assert tab.evaluate(SCHEME) == expected
    toggle = tab.locator(TOGGLE)
    assert toggle.count() == 1
    start_material(tab)
    settle(tab)
    assert tab.evaluate(SCHEME) == expected, "Material changed the scheme"


def test_dark_scheme_is_set_before_anything_of_the_body_arrives(open_tab, site_server, built_site):
    """On a slow connection the browser draws what has arrived: a page cut off right after <body>
    (before the notice and the header) must already have the system's dark scheme."""
    html = page_for("daten", "de").built(built_site).read_text(encoding="utf-8")
    body = re.search(r"<body[^>]*>", html)
    tab = open_tab(width=390, height=844, scheme="dark")
    tab.route("**/daten/", lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8",
                                                      body=html[:body.end()]))
    tab.goto(site_server + "daten/")
    assert tab.evaluate(SCHEME) == "slate"


def test_palette_toggle_works_before_material_has_loaded(phone, site_server):
    release = hold_bundle(phone)
    load(phone, site_server + "daten/", material=False)
    before = phone.evaluate(SCHEME)
    phone.locator(TOGGLE).click()
    after = phone.evaluate(SCHEME)
    assert {before, after} == {"default", "slate"}, f"the toggle did nothing: {before} -> {after}"
    release()
    settle(phone)
    assert phone.evaluate(SCHEME) == after, "Material undid the reader's choice"
    assert phone.locator(TOGGLE).count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tap_on_search_focuses_the_field_before_material_has_loaded(phone, site_server, language):
    prefix, word = SEARCH[language]
    release = hold_bundle(phone)
    load(phone, site_server + prefix + "anleitung/", material=False)
    phone.locator(SEARCH_BUTTON).click()
    assert phone.evaluate(SEARCH_FOCUSED), "the tap did not focus the search"
    phone.keyboard.type(word)
    release()
    wait_for_results(phone, word)
    assert_results_in_language(phone, language)
    assert not phone.errors, phone.errors


def test_slash_opens_search_before_material_has_loaded(desktop, site_server):
    release = hold_bundle(desktop)
    load(desktop, site_server + "daten/", material=False)
    desktop.keyboard.press("/")
    assert desktop.evaluate(SEARCH_FOCUSED), '"/" did not focus the search'
    desktop.keyboard.type("Widerspruch")
    release()
    wait_for_results(desktop, "Widerspruch")
    assert_only_own_index(desktop, "de")
