"""Every page in Chromium, as a static host serves it (header CSP from _headers on top of the meta
CSP): axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in the light and dark palettes at
390 px and 1280 px; no page triggers a CSP violation, a console error or a request to another
host. Each page is loaded once per combination; both checks read the same visit.

Also: the search dialog passes axe, every page reflows at 320 px, the main controls work by
keyboard with a visible focus, and "reduce motion" switches transitions off.
"""

import functools
from pathlib import Path

import pytest

from conftest import PAGES, foreign_requests, load, page_for, settle, wait_for_results

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
COMBINATIONS = [("light", 390), ("light", 1280), ("dark", 390), ("dark", 1280)]
# A missing address shows 404.html, as on a real host.
TARGETS = [(p.where, p.url) for p in PAGES] + [("overrides/404.html", "no-such-page/")]
RECORD = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || "page"}:${e.lineNumber})`));
"""


def describe(violations) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:4])
        summary = (v["nodes"][0].get("failureSummary") or "").replace("\n", " ")[:240] if v["nodes"] else ""
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])}x): {targets}\n    {summary}")
    return "\n".join(lines)


def run_axe(tab) -> list:
    # Colours fade in (search results, tooltips): check them once transitions have finished.
    settle(tab)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return tab.evaluate("options => axe.run(document, options)", options)["violations"]


@pytest.fixture(scope="module")
def tabs(open_module_tab):
    """One browser tab per (palette, width), kept open for the whole module: every test loads
    its own page into it first, so nothing but the palette and width carries over."""
    return functools.cache(lambda scheme, width: open_module_tab(
        width=width, height=900, scheme=scheme, init_scripts=[RECORD, AXE]))


@pytest.fixture(scope="module")
def visit(tabs, site_server):
    """Load a page once per combination; return what axe and the listeners found."""

    @functools.cache
    def visit_once(url, scheme, width):
        tab = tabs(scheme, width)
        tab.errors.clear()
        tab.requests.clear()
        response = load(tab, site_server + url)  # until the search index is built: all requests seen
        violations = run_axe(tab)
        errors = list(tab.errors)
        if response.status == 404:  # the browser logs the 404 of the page itself
            errors = [e for e in errors if "404" not in e]
        return {
            "axe": violations,
            "csp": tab.evaluate("window.__cspViolations"),
            "errors": errors,
            "foreign": foreign_requests(tab, site_server),
        }

    return visit_once


def combination_id(value):
    return f"{value[0]}-{value[1]}" if isinstance(value, tuple) and isinstance(value[1], int) else value[0].split("/")[-1]


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
@pytest.mark.parametrize("target", TARGETS, ids=combination_id)
def test_axe_finds_no_violations(visit, target, combination):
    where, url = target
    violations = visit(url, *combination)["axe"]
    assert not violations, f"{where} ({combination[0]}, {combination[1]} px): axe violations\n{describe(violations)}"


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
@pytest.mark.parametrize("target", TARGETS, ids=combination_id)
def test_no_csp_violation_console_error_or_foreign_request(visit, target, combination):
    where, url = target
    found = visit(url, *combination)
    assert not found["csp"], f"{where}: CSP violations {found['csp']}"
    assert not found["errors"], f"{where}: console errors {found['errors']}"
    assert not found["foreign"], f"{where}: requests to other hosts {found['foreign']}"


SEARCH = {"de": ("", "Widerspruch"), "en": ("en/", "objection")}


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
@pytest.mark.parametrize("language", ["de", "en"])
def test_open_search_dialog_passes_axe(tabs, site_server, language, combination):
    """Opened by keyboard ("/"), with results: the dialog, its input and its result list."""
    prefix, word = SEARCH[language]
    tab = tabs(*combination)
    tab.goto(site_server + prefix)
    tab.keyboard.press("/")
    search = tab.locator("input.md-search__input")
    search.wait_for(state="visible")
    search.press_sequentially(word)
    wait_for_results(tab, word)
    violations = run_axe(tab)  # once the dialog's and the results' transitions have finished
    assert not violations, f"search dialog ({language}, {combination}): axe violations\n{describe(violations)}"
    csp = tab.evaluate("window.__cspViolations")
    assert not csp, f"search ({language}): CSP violations {csp}"


def test_every_page_reflows_at_320_px(open_tab, site_server):
    """WCAG 1.4.10: no horizontal scrolling at 320 CSS px (wide tables may scroll on their own)."""
    tab = open_tab(width=320, height=640)
    too_wide = []
    for where, url in TARGETS:
        tab.goto(site_server + url, wait_until="load")
        settle(tab)  # fonts in place and layout final before measuring
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprit = tab.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 321 && getComputedStyle(e).position !== 'fixed')
                .slice(-1).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''))[0]""")
            too_wide.append(f"{where}: {width}px wide (e.g. {culprit})")
    assert not too_wide, "pages scroll sideways at 320 px:\n" + "\n".join(too_wide)


def test_reduced_motion_switches_off_transitions(open_tab, site_server):
    tab = open_tab(reduced_motion="reduce")
    tab.goto(site_server)
    duration = tab.evaluate("getComputedStyle(document.querySelector('.md-typeset a')).transitionDuration")
    assert all(float(d.strip().rstrip("s")) <= 0.001 for d in duration.split(",")), f"transitions still run: {duration}"


# --- Keyboard -------------------------------------------------------------------------------

# Read once the focus styles have settled (settle() in tests/conftest.py): even "reduce motion"
# leaves 0.01 ms transitions, and a style read in their first frame sees the old value.
FOCUS_INFO = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (e.dataset.keyboardStop) return {again: true};  // round trip complete
  e.dataset.keyboardStop = '1';
  // Tabs and the colour-scheme switch are hidden radio buttons: their label shows the focus.
  const shown = e.matches('.tabbed-set > input') ? e.parentElement.querySelector(`label[for="${e.id}"]`)
    : e.matches('input.md-option') ? e.nextElementSibling : e;
  const s = getComputedStyle(shown), r = shown.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return {
    what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''),
    text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
    visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0,
    focusShown: outline || s.boxShadow !== 'none',
    tab: e.matches('.tabbed-set > input'),
    language: e.matches('.md-select__link'),
    search: e.matches('.md-search__input'),
    share: !!e.closest('.share'),
    print: e.matches('.print-button'),
  };
}"""

KEYBOARD_PAGES = ["anleitung.md", "anleitung.en.md", "checkliste.md", "checkliste.en.md"]


@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_tab_order_reaches_controls_with_visible_focus(open_tab, site_server, name):
    """Tab through the whole page: every stop is visible and shows its focus; the tabs of the click
    guide, the language links, the search field, the share links and the print button are stops."""
    source = next(p for p in PAGES if p.name == name)
    # Reduced motion: elements that appear on focus (skip link, permalinks) are there at once.
    tab = open_tab(width=1280, height=900, reduced_motion="reduce")
    tab.goto(site_server + source.url)
    stops = []
    for _ in range(600):
        tab.keyboard.press("Tab")
        settle(tab, frames=False)  # styles only: the focus change's transitions, not a drawn frame
        info = tab.evaluate(FOCUS_INFO)
        if info is None:
            continue
        if info.get("again"):
            break  # back at the first stop
        stops.append(info)
    where = source.where
    hidden = [f"{s['what']} '{s['text']}'" for s in stops if not s["visible"]]
    unshown = [f"{s['what']} '{s['text']}'" for s in stops if s["visible"] and not s["focusShown"]]
    assert not hidden, f"{where}: keyboard focus lands on invisible elements: {hidden[:8]}"
    assert not unshown, f"{where}: no visible focus on: {unshown[:8]}"
    reached = {kind for kind in ("tab", "language", "search", "share", "print") if any(s[kind] for s in stops)}
    expected = {"language", "search", "share"} | ({"tab"} if name.startswith("anleitung") else set())
    expected |= {"print"} if name.startswith("checkliste") else set()
    assert expected <= reached, f"{where}: not reachable by keyboard: {sorted(expected - reached)}"


def test_guide_tabs_switch_by_keyboard(open_tab, site_server):
    tab = open_tab(width=390, height=800)
    tab.goto(site_server + page_for("anleitung", "de").url)
    first = tab.locator(".tabbed-set").first
    radios = first.locator(":scope > input")
    radios.nth(0).focus()
    tab.keyboard.press("ArrowRight")
    settle(tab)
    assert radios.nth(1).is_checked(), "ArrowRight did not select the second tab"
    assert first.locator(".tabbed-block").nth(1).is_visible(), "second tab's content not shown"


def test_language_switch_and_search_work_by_keyboard(open_tab, site_server):
    tab = open_tab(width=1280, height=900)
    tab.goto(site_server + "daten/")
    tab.locator(".md-header .md-select button").focus()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.matches('.md-select__link')"), "Tab from the language button does not reach the languages"
    while tab.evaluate("document.activeElement.getAttribute('hreflang')") != "en":
        tab.keyboard.press("Tab")
    settle(tab)  # the list fades in
    assert tab.locator(".md-select__link[hreflang=en]").first.is_visible(), "language list hidden while focused"
    tab.keyboard.press("Enter")
    tab.wait_for_url(site_server + "en/daten/")
    # Search: "/" focuses it, typing shows results, arrow down and Enter open the first hit.
    tab.keyboard.press("/")
    tab.keyboard.type("objection")
    wait_for_results(tab, "objection")  # not a list for "objec" that is about to be replaced
    tab.keyboard.press("ArrowDown")
    target = tab.evaluate("document.activeElement.href")
    assert target and "/en/" in target, f"ArrowDown did not move to an English result: {target}"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.split("#")[0] == target.split("#")[0]
