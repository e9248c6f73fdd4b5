"""Material's bundle loads on the reader's first input, not with the page.

Its <script> tag becomes an inert placeholder that docs/assets/javascripts/material-on-input.js
reads when the reader first scrolls, taps, types or moves the pointer (or a link needs Material
at once). The pages are complete without JavaScript, so a reader who only reads never waits for
the bundle, and the first view is about half as heavy. Runs before content_security_policy.py,
which hashes only executable inline scripts, so the placeholder (a data block) needs no hash.

What Material changes on the page when it starts must not move anything then: it wraps each table
in two <div>s for scrolling, so the build wraps them the same way already (extra.css makes the
second wrapping a no-op). palette-before-material.js does the same for the colour scheme.
"""

import re

from mkdocs.exceptions import PluginError

TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def defer_bundle(html: str, where: str) -> str:
    html, found = BUNDLE.subn(r'<script id="__bundle" type="text/plain" data-src="\1"></script>', html)
    if found != 1:
        raise PluginError(f"{where}: expected Material's bundle <script> once, found it {found} times")
    return html


def on_page_content(html, page, config, files):
    return TABLE.sub(lambda m: f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{m.group(0)}</div></div>', html)


def on_post_page(output, page, config):
    return defer_bundle(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    return defer_bundle(output_content, template_name) if template_name.endswith(".html") else output_content
