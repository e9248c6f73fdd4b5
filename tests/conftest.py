"""Shared fixtures: one strict build per test session, a local server and a Chromium browser."""

import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

# The scripts' shared helpers and the hooks' data readers (hooks/site_data.py) are importable.
for folder in ("scripts", "hooks"):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / folder))
from site_build import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, copy_build_inputs  # noqa: E402,F401

DOCS = ROOT / "docs"
SITE_URL = "https://meta-ki.example.org/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, target, SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return target


def page_sources(language: str):
    """Markdown sources of one language: X.md is German, X.en.md is English."""
    pages = sorted(DOCS.glob("*.md"))
    if language == "en":
        return [p for p in pages if p.name.endswith(".en.md")]
    return [p for p in pages if not p.name.endswith(".en.md")]


def built_path(site: Path, source: Path) -> Path:
    """Where the build writes the page for a Markdown source."""
    name = source.name
    english = name.endswith(".en.md")
    slug = name[: -len(".en.md")] if english else name[: -len(".md")]
    base = site / "en" if english else site
    return base / "index.html" if slug == "index" else base / slug / "index.html"


def page_url(source: Path) -> str:
    """Site-relative URL of a Markdown source, e.g. 'en/daten/'."""
    name = source.name
    english = name.endswith(".en.md")
    slug = name[: -len(".en.md")] if english else name[: -len(".md")]
    prefix = "en/" if english else ""
    return prefix if slug == "index" else f"{prefix}{slug}/"


ALL_PAGES = page_sources("de") + page_sources("en")


@pytest.fixture(scope="session")
def site_server(built_site) -> str:
    """Serve the built site on 127.0.0.1 as a static host would (the headers from _headers,
    404.html for missing paths; scripts/static_host.py); return the base URL."""
    from static_host import serve

    server, url = serve(built_site)
    yield url
    server.shutdown()


# Wait until the page is still: style flushed, two frames drawn, and every finite animation or
# transition (Material fades colours in and out) has finished. Never a fixed delay.
SETTLE = """async () => {
  document.documentElement.getBoundingClientRect();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def settle(page):
    """Block until animations and transitions on the page have finished (see SETTLE)."""
    page.evaluate(SETTLE)


def colour(value: str) -> tuple:
    """A computed CSS colour as numbers (r, g, b, alpha): compare values, not strings."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    return tuple(numbers[:3] + [numbers[3] if len(numbers) > 3 else 1.0])


def record_activity(page):
    """Make a Playwright page remember its requests and console errors (page.requests, page.errors)."""
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def foreign_requests(page, base: str) -> list:
    """Requests a page made to any host other than the site's."""
    host = urlparse(base).hostname
    return [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != host]


def assert_local_only(page, base: str):
    foreign = foreign_requests(page, base)
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium not found: install Debian's 'chromium' package (./scripts/test does this as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
