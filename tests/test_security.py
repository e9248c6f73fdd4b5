"""Content-Security-Policy and referrer policy in every page, and the header files for hosts.

The browser side (no CSP violation on any page, with the header CSP applied on top of the meta
tag) is in tests/test_accessibility.py. Here: what the HTML and the header files say.
"""

import re
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import PAGES, ROOT

sys.path.insert(0, str(ROOT))
from hooks.content_security_policy import REFERRER_POLICY, inline_hashes, policy, site_policy  # noqa: E402

HEADERS_FILE = ROOT / "docs" / "_headers"
NGINX_FILE = ROOT / "deploy" / "nginx.conf"
SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Permissions-Policy",
]


def directives(value: str) -> dict:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in value.split(";")) if part}


@pytest.mark.parametrize("source", PAGES + ["404"], ids=str)
def test_page_has_strict_csp_before_any_script(built_site, source):
    path = built_site / "404.html" if source == "404" else source.built(built_site)
    where = "overrides/404.html" if source == "404" else source.where
    html = path.read_text(encoding="utf-8")
    head = BeautifulSoup(html, "lxml").head
    metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1, f"{where}: expected one CSP meta tag, found {len(metas)}"
    # Nothing that loads or runs code may come before the policy.
    earlier = [t.name for t in metas[0].find_all_previous(["script", "link", "style"])]
    assert not earlier, f"{where}: {earlier} before the CSP meta tag"
    csp = directives(metas[0]["content"])
    assert csp["default-src"] == ["'self'"], f"{where}: default-src {csp['default-src']}"
    for name, values in csp.items():
        assert "'unsafe-eval'" not in values and "'unsafe-inline'" not in values, f"{where}: {name} allows unsafe code"
        assert all(v.startswith("'") or v == "data:" for v in values), f"{where}: {name} allows other hosts: {values}"
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"], f"{where}: object-src/base-uri"
    # Every inline script the page runs is allowed by hash, and nothing else is.
    scripts, styles, attributes = inline_hashes(html, where)
    assert set(csp["script-src"]) == {"'self'"} | scripts, f"{where}: script-src hashes don't match the inline scripts"
    assert set(csp["style-src"]) - {"'self'", "'unsafe-hashes'"} == styles | attributes, f"{where}: style-src hashes"
    referrer = head.find("meta", attrs={"name": "referrer"})
    assert referrer and referrer["content"] == REFERRER_POLICY, f"{where}: no <meta name=referrer content={REFERRER_POLICY}>"


def test_hash_detector_sees_scripts_styles_and_handlers():
    html = '<script>a()</script><script type="application/json">{}</script><script src="x.js"></script><p style="color:red">'
    scripts, styles, attributes = inline_hashes(html)
    assert len(scripts) == 1 and not styles and len(attributes) == 1
    with pytest.raises(Exception, match="onclick"):
        inline_hashes('<button onclick="go()">', "docs/x.md")
    with pytest.raises(Exception, match="javascript:"):
        inline_hashes('<a href="javascript:go()">', "docs/x.md")
    assert "'unsafe-hashes'" in policy(style_attributes={"'sha256-x'"})


def parse_headers_file():
    rules, current = {}, None
    for line in HEADERS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


def nginx_headers():
    text = NGINX_FILE.read_text(encoding="utf-8")
    # Only headers at server level: a location with add_header would drop all of them.
    for block in re.findall(r"location[^{]*\{([^}]*)\}", text):
        assert "add_header" not in block, "deploy/nginx.conf: add_header inside a location drops the server-level headers"
    return dict(re.findall(r'^add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', text, re.MULTILINE))


def test_headers_file_sets_security_headers_for_every_path():
    everything = parse_headers_file().get("/*")
    assert everything, "docs/_headers: no '/*' section"
    missing = [h for h in SECURITY_HEADERS if h not in everything]
    assert not missing, f"docs/_headers: missing {missing}"
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert "max-age=" in everything["Strict-Transport-Security"]
    assert everything["Referrer-Policy"] == REFERRER_POLICY


def test_nginx_snippet_sets_the_same_headers():
    nginx = nginx_headers()
    everything = parse_headers_file()["/*"]
    differ = [h for h in SECURITY_HEADERS if nginx.get(h) != everything.get(h)]
    assert not differ, f"deploy/nginx.conf and docs/_headers differ in {differ}"


def test_header_csp_matches_the_build(built_site):
    """The header CSP allows exactly the hashes the pages need, plus frame-ancestors 'none'.
    If Material's inline scripts change, print the new policy with
    `.venv/bin/python hooks/content_security_policy.py <site dir>` and paste it into both files."""
    expected = site_policy(built_site)
    header = parse_headers_file()["/*"]["Content-Security-Policy"]
    assert directives(header)["frame-ancestors"] == ["'none'"]
    assert header == expected, f"docs/_headers: CSP is out of date; expected\n{expected}"
    assert nginx_headers()["Content-Security-Policy"] == expected, f"deploy/nginx.conf: CSP is out of date; expected\n{expected}"


def test_headers_file_is_published_at_the_site_root(built_site):
    assert (built_site / "_headers").read_text(encoding="utf-8") == HEADERS_FILE.read_text(encoding="utf-8")
    assert not (built_site / "en" / "_headers").exists()
