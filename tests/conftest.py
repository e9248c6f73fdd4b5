"""Shared fixtures and helpers: one strict build per test session, a local server, Chromium.

- Pages: `Page` (source file, URL, language, built file), `PAGES`, `pages(language)`, `page_for`.
- Data: the tests read includes/ through hooks/site_data.py, as the build does.
- Browser: `open_tab(...)` opens a tab with the options a test needs and closes it afterwards
  (`open_module_tab` keeps tabs for a whole module); `load()` waits until a page has finished
  loading and gives it the first input that starts Material's bundle (`start_material()`),
  `settle()` until its animations have finished.
- Markers: tests that use Chromium are marked `browser`, tests that build a changed copy of the
  site `rebuild` (pytest.ini), so `./scripts/test -m "not browser"` runs without Chromium.
"""

import contextlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

# The scripts' shared helpers and the hooks' data readers (hooks/site_data.py) are importable.
for folder in ("scripts", "hooks"):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / folder))
from site_build import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, copy_build_inputs  # noqa: E402,F401

DOCS = ROOT / "docs"
SITE_URL = "https://meta-ki.example.org/"
# The default language first: it lives at /, every other one under /<language>/.
LANGUAGES = ("de", "en")


# --- Pages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One Markdown page: docs/daten.md is German at /daten/, docs/daten.en.md English at /en/daten/."""

    source: Path

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def language(self) -> str:
        parts = self.name.split(".")
        return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES[1:] else LANGUAGES[0]

    @property
    def slug(self) -> str:
        stem = self.name.removesuffix(".md")
        return stem if self.language == LANGUAGES[0] else stem.removesuffix(f".{self.language}")

    @property
    def where(self) -> str:
        """How messages name the page: 'docs/daten.en.md'."""
        return f"docs/{self.name}"

    @property
    def url(self) -> str:
        """Site-relative URL: 'en/daten/', '' for the German home page."""
        prefix = "" if self.language == LANGUAGES[0] else f"{self.language}/"
        return prefix if self.slug == "index" else f"{prefix}{self.slug}/"

    def built(self, site: Path) -> Path:
        """Where the build writes the page."""
        return site / self.url / "index.html"

    def soup(self, site: Path) -> BeautifulSoup:
        path = self.built(site)
        assert path.exists(), f"{self.where}: built page {path.relative_to(site)} is missing"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    def text(self) -> str:
        return self.source.read_text(encoding="utf-8")

    def front_matter(self) -> dict:
        match = re.match(r"---\n(.*?)\n---\n", self.text(), re.DOTALL)
        assert match, f"{self.where}: no front matter block at the top"
        return yaml.safe_load(match.group(1)) or {}

    def twin(self, language: str = None) -> "Page":
        """The same page in another language (for two languages: the other one)."""
        language = language or next(other for other in LANGUAGES if other != self.language)
        return page_for(self.slug, language)

    def __str__(self):
        return self.name


def _find_pages():
    found = [Page(path) for path in sorted(DOCS.glob("*.md"))]
    return [page for language in LANGUAGES for page in found if page.language == language]


PAGES = _find_pages()  # German pages first, then English, each sorted by file name


def pages(language: str) -> list:
    return [page for page in PAGES if page.language == language]


def page_for(slug: str, language: str) -> Page:
    """The page of a slug in a language, e.g. page_for('checkliste', 'en'); it need not exist."""
    return Page(DOCS / (f"{slug}.md" if language == LANGUAGES[0] else f"{slug}.{language}.md"))


def pytest_make_parametrize_id(config, val, argname):
    """Test ids name the file: test_spelling[daten.en.md]."""
    return val.name if isinstance(val, Page) else None


# --- Build and server ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, target, SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return target


@pytest.fixture
def source_copy(tmp_path, monkeypatch) -> Path:
    """A copy of everything the build reads, to change and build (build_copy). Without social
    cards, which would otherwise be drawn afresh in every copy."""
    monkeypatch.setenv("SOCIAL_CARDS", "false")
    return copy_build_inputs(tmp_path / "src")


def build_copy(source: Path):
    """Build a changed copy strictly, like the real build; return (process, its whole output)."""
    result = build_site(source, source.parent / "site", SITE_URL)
    return result, result.stdout + result.stderr


@pytest.fixture(scope="session")
def site_server(built_site) -> str:
    """Serve the built site on 127.0.0.1 (a free port) as a static host would (the headers from
    _headers, 404.html for missing paths; scripts/static_host.py); return the base URL."""
    from static_host import serve

    server, url = serve(built_site)
    yield url
    server.shutdown()


# --- Browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium not found: install Debian's 'chromium' package (./scripts/test does this as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def _tab_factory(browser, site_server):
    contexts = []

    def open_tab(width=1280, height=900, scheme=None, javascript=True, reduced_motion=None,
                 init_scripts=(), clipboard=False, **context_options):
        """A new tab in its own browser context (no shared storage or cookies), recording its
        requests and console errors. init_scripts: JavaScript text, or a Path to a script file."""
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                      java_script_enabled=javascript, reduced_motion=reduced_motion, **context_options)
        contexts.append(context)
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
        for script in init_scripts:
            context.add_init_script(path=str(script)) if isinstance(script, Path) else context.add_init_script(script)
        tab = record_activity(context.new_page())
        tab.javascript = javascript  # settle() needs to know: a page without JavaScript cannot await
        return tab

    try:
        yield open_tab
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def open_tab(browser, site_server):
    """Factory: open_tab(width=390, scheme="dark", javascript=False, ...) -> a Playwright page;
    every tab it opened is closed when the test ends."""
    with _tab_factory(browser, site_server) as factory:
        yield factory


@pytest.fixture(scope="module")
def open_module_tab(browser, site_server):
    """Like open_tab, but the tabs stay open until the module ends: for suites that reuse tabs
    for speed. Each test must load its own page first, so no state carries over."""
    with _tab_factory(browser, site_server) as factory:
        yield factory


def record_activity(page):
    """Make a Playwright page remember its requests and console errors (page.requests, page.errors)."""
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


# Material's bundle loads on the reader's first input (material-on-input.js), which removes
# "no-js" at once and leaves "js" to the bundle. The search fetches nothing until it is opened
# (search-on-demand.js), so once the bundle has started a page makes no further request by itself.
PARSED = """() => document.readyState === 'complete' && !document.documentElement.classList.contains('no-js')"""
STARTED = """() => document.documentElement.classList.contains('js')"""


def load(tab, url: str, material: bool = True, timeout: float = 30_000):
    """Open url and wait until the page has finished loading; with material=True (needs
    JavaScript) also give it a first input, a wheel event that scrolls nothing, and wait until
    Material's bundle has started, as it would for a reader. The timeout is only an upper bound
    for a busy machine."""
    response = tab.goto(url)
    tab.wait_for_function(PARSED, timeout=timeout)
    if material:
        start_material(tab, timeout)
    return response


def start_material(tab, timeout: float = 30_000):
    """The reader's first input: Material's bundle loads and starts."""
    tab.mouse.wheel(0, 0)
    tab.wait_for_function(STARTED, timeout=timeout)


def wait_for_results(tab, word: str, timeout: float = 30_000):
    """Wait until the search shows the results for the whole word. While typing, Material shows
    results for each partial query ("object" before "objection") and then replaces them; its
    result links carry the query they answer (?h=word, feature search.highlight)."""
    query = "h=" + quote(word)
    selector = ", ".join(f'.md-search-result__item a[href{op}"{query}{end}" i]' for op, end in (("$=", ""), ("*=", "#"), ("*=", "&")))
    tab.locator(selector).first.wait_for(timeout=timeout)


# Wait until the page is still: style flushed (which starts the transitions a change causes),
# fonts loaded, two frames drawn, and every finite animation or transition (Material fades
# colours in and out) has finished. Never a fixed delay.
SETTLE = """async (frames) => {
  document.documentElement.getBoundingClientRect();
  await document.fonts.ready;
  if (frames) await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""
# Without JavaScript the page cannot await anything (promises and frames never resolve), so
# each finite transition is moved to its end at once: the same final state, reached directly.
SETTLE_WITHOUT_JAVASCRIPT = """() => {
  document.documentElement.getBoundingClientRect();
  for (const a of document.getAnimations()) {
    if (a.effect && a.effect.getComputedTiming().endTime !== Infinity) a.finish();
  }
}"""


def settle(page, frames: bool = True):
    """Block until animations and transitions on the page have finished: call it after a state
    change (click, key press, emulate_media) and before reading styles, axe, a screenshot or a PDF.
    frames=False skips waiting for drawn frames, for a loop that only reads styles (a focus walk)."""
    if getattr(page, "javascript", True):
        page.evaluate(SETTLE, frames)
    else:
        page.evaluate(SETTLE_WITHOUT_JAVASCRIPT)


def colour(value: str) -> tuple:
    """A computed CSS colour as numbers (r, g, b, alpha): compare values, not strings."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    return tuple(numbers[:3] + [numbers[3] if len(numbers) > 3 else 1.0])


def foreign_requests(page, base: str) -> list:
    """Requests a page made to any host other than the site's."""
    host = urlparse(base).hostname
    return [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != host]


def assert_local_only(page, base: str):
    foreign = foreign_requests(page, base)
    assert not foreign, f"requests to other hosts: {foreign}"


# --- Markers ---------------------------------------------------------------------------------


def pytest_collection_modifyitems(items):
    """Mark tests by what they need, from their fixtures: Chromium ('browser') or a build of a
    changed copy of the site ('rebuild'). Select with -m, e.g. -m "not browser"."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "source_copy" in fixtures:
            item.add_marker(pytest.mark.rebuild)
