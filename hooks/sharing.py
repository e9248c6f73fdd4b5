"""Helpers for link previews, share links and print.

- Points Material's social plugin at our card layout (layouts/card.yml) with an absolute path,
  so the layout is found whatever directory the build runs from.
- Jinja filter `qr_svg`: an inline SVG QR code for a URL, made at build time with segno
  (no third-party service, no file to keep in sync).
- Jinja filter `urlquote`: a value fully percent-encoded for a query string (share links).
- Page context `page_stem` ("faq" for faq.md and faq.en.md) and `print_qr_url`: on the checklist, the absolute URL of the click guide in the same
  language (overrides/partials/print-qr.html turns it into the printed QR code).
- Marks links whose text already is their URL (the checklist's written-out form links) with the
  class `written-out`, so the print stylesheet doesn't print the URL twice.
"""

import html
import re
from pathlib import Path
from urllib.parse import quote

import segno

ROOT = Path(__file__).resolve().parent.parent
# Page (file stem) that prints a QR code, and the page the code opens (same language).
QR_PAGES = {"checkliste": "anleitung/"}
LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>([^<]+)</a>')


def on_config(config):
    social = config.plugins.get("material/social")
    if social is not None:
        social.config.cards_layout_dir = str(ROOT / "layouts")
    return config


def qr_svg(url: str, label: str = "") -> str:
    """Inline SVG (black on transparent, 4-module quiet zone) that CSS can size freely."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", omitsize=True, svgclass="qr-code")
    name = html.escape(label or url, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)


def _stem(page) -> str:
    name = page.file.src_uri.rsplit("/", 1)[-1]
    return re.sub(r"(\.[a-z]{2})?\.md$", "", name)


def on_page_content(content, page, config, files):
    def mark(match):
        href, rest, text = match.groups()
        if html.unescape(text).strip() != html.unescape(href):
            return match.group(0)
        if 'class="' in rest:
            rest = rest.replace('class="', 'class="written-out ', 1)
        else:
            rest += ' class="written-out"'
        return f'<a href="{href}"{rest}>{text}</a>'

    return LINK.sub(mark, content)


def on_page_context(context, page, config, nav):
    context["page_stem"] = _stem(page)
    target = QR_PAGES.get(context["page_stem"])
    if target:
        context["print_qr_url"] = config.site_url + config.plugins["i18n"].current_language_config.link.lstrip("/") + target
    return context


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    # Percent-encode everything but unreserved characters (Jinja's urlencode keeps "/" and ":").
    env.filters["urlquote"] = lambda value: quote(str(value), safe="")
    return env
