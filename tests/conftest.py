"""Shared fixtures: one strict build per test session, a local server and a Chromium browser."""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium flags for a closed network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SITE_URL = "https://meta-ki.example.org/"


def build_site(source: Path, target: Path, site_url: str = SITE_URL):
    """Run the real strict build; return the completed process (the caller checks it)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=source, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, target)
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_server(built_site) -> str:
    """Serve the built site on 127.0.0.1 with a free port; return the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium not found: install Debian's 'chromium' package (./scripts/test does this as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def hosted_site(built_site) -> str:
    """Like site_server, but as a static host serves it: the headers from _headers (so the header
    CSP applies too) and 404.html for missing paths (tests/static_host.py)."""
    from static_host import serve

    server, url = serve(built_site)
    yield url
    server.shutdown()
