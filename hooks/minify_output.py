"""Smaller pages and assets in site/, the sources in docs/ untouched.

- Pages: the indentation Jinja templates leave between tags goes (about 0.5 KB of gzip a page).
  A run of whitespace between two tags that holds a line break becomes a single line break, which
  renders the same, except where whitespace is kept as written: <pre>, <textarea>, <script>,
  <style> and the letter texts (white-space: pre-wrap), which stay as they are. Runs before the
  CSP hook, which hashes the final inline scripts.
- Our own stylesheets and scripts that pages link directly (print.css, letters.css, share.js,
  letters.js) are minified with rcssmin and rjsmin. (hooks/stylesheets.py minifies the joined
  stylesheet and hooks/inline_scripts.py the inlined scripts.)
"""

import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority

KEPT_AS_WRITTEN = re.compile(
    r"<(pre|textarea|script|style)\b.*?</\1\s*>|<div class=\"letter-text\".*?</div>", re.DOTALL | re.IGNORECASE)
BETWEEN_TAGS = re.compile(r">[ \t\r]*\n\s*<")
OWN_ASSETS = {"stylesheets": ("print.css", "letters.css"), "javascripts": ("share.js", "letters.js")}


def collapse(html: str) -> str:
    parts, last = [], 0
    for match in KEPT_AS_WRITTEN.finditer(html):
        parts += [BETWEEN_TAGS.sub(">\n<", html[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(parts + [BETWEEN_TAGS.sub(">\n<", html[last:])])


@event_priority(-140)  # after every hook and plugin that edits pages, before the CSP hook (-150)
def on_post_page(output, page, config):
    return collapse(output)


@event_priority(-140)
def on_post_template(output_content, template_name, config):
    return collapse(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    for folder, names in OWN_ASSETS.items():
        for name in names:
            path = Path(config.site_dir, "assets", folder, name)
            if path.exists():
                minify = rcssmin.cssmin if name.endswith(".css") else rjsmin.jsmin
                path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
