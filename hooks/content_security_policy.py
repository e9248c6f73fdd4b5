"""A Content-Security-Policy and a referrer policy in every page's <head>.

Material puts a few small inline scripts in every page (colour scheme, tabs, storage helpers).
Instead of allowing all inline code, we hash exactly the inline scripts and styles each page
contains and allow only those. JSON data blocks (`type="application/json"`, `ld+json`) are not
executed, so CSP does not apply to them. Inline event handlers (`onclick=…`) and `javascript:`
URLs stop the build, naming the file: put that code in an external script instead.

The meta tag goes right after <meta charset>, before any script or stylesheet, because a meta CSP
only governs what follows it. `frame-ancestors` has no effect in a meta tag; the header files
(docs/_headers, deploy/nginx.conf) set it with the same policy. tests/test_security.py checks that
the header files allow exactly the hashes the build needs.
"""

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

REFERRER_POLICY = "no-referrer"

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
EVENT_HANDLER = re.compile(r"""<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=""")
JAVASCRIPT_URL = re.compile(r"""\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
# Script types the browser executes; anything else is a data block.
EXECUTABLE = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(html: str, where: str = "page"):
    """Hashes of the inline scripts, <style> elements and style attributes in one HTML document."""
    html_without_scripts = SCRIPT.sub("", html)
    for match in EVENT_HANDLER.finditer(html_without_scripts):
        raise PluginError(f"{where}: inline event handler '{match.group(1)}=' is blocked by the CSP; use an external script")
    if JAVASCRIPT_URL.search(html_without_scripts):
        raise PluginError(f"{where}: a 'javascript:' URL is blocked by the CSP; use an external script")
    scripts = set()
    for attributes, body in SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE):
            continue
        kind = TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in EXECUTABLE:
            scripts.add(digest(body))
    styles = {digest(body) for body in STYLE.findall(html_without_scripts)}
    attributes = {digest(a or b) for a, b in STYLE_ATTRIBUTE.findall(html_without_scripts)}
    return scripts, styles, attributes


def policy(scripts=(), styles=(), style_attributes=(), header=False) -> str:
    """The policy as one string. The header version adds what a meta tag cannot carry."""
    style_sources = ["'self'", *sorted(styles)]
    if style_attributes:
        style_sources += ["'unsafe-hashes'", *sorted(style_attributes)]
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *sorted(scripts)]),
        "style-src " + " ".join(style_sources),
        # Material's stylesheet draws its icons from data: SVGs (CSS mask-image).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        # The search runs in a Web Worker that loads lunr's language files from the site.
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    if header:
        directives += ["frame-ancestors 'none'"]
    return "; ".join(directives)


def insert_policy(html: str, where: str) -> str:
    content = policy(*inline_hashes(html, where))
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{content}">\n'
        f'  <meta name="referrer" content="{REFERRER_POLICY}">'
    )
    charset = CHARSET.search(html)
    if charset:
        return html[: charset.end()] + "\n  " + tags + html[charset.end():]
    head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if not head:
        raise PluginError(f"{where}: no <head> to put the Content-Security-Policy in")
    return html[: head.end()] + "\n  " + tags + html[head.end():]


@event_priority(-150)  # after every plugin that still edits the HTML (privacy, social, i18n)
def on_post_page(output, page, config):
    return insert_policy(output, f"docs/{page.file.src_uri}")


@event_priority(-150)
def on_post_template(output_content, template_name, config):
    # Static templates: 404.html (sitemap.xml is not HTML).
    if not template_name.endswith(".html"):
        return output_content
    return insert_policy(output_content, template_name)


def site_policy(site_dir) -> str:
    """The header policy for a built site: every hash any page needs, plus frame-ancestors."""
    scripts, styles, attributes = set(), set(), set()
    for path in sorted(Path(site_dir).rglob("*.html")):
        found = inline_hashes(path.read_text(encoding="utf-8"), str(path))
        scripts |= found[0]
        styles |= found[1]
        attributes |= found[2]
    return policy(scripts, styles, attributes, header=True)


if __name__ == "__main__":
    # Print the policy for docs/_headers and deploy/nginx.conf: python hooks/content_security_policy.py site
    import sys

    print(site_policy(sys.argv[1] if len(sys.argv) > 1 else "site"))
