"""Accessible names for task-list checkboxes, and valid HTML for Material's toggles.

pymdownx.tasklist writes `<label class="task-list-control"><input type="checkbox">…</label> text`:
the label wraps only the box, so a screen reader announces "checkbox" with no name (axe rule
`label`). We give each box the text of its own item (without nested lists and footnote numbers)
as its name.

Material's base.html puts `autocomplete="off"` on its two hidden toggle checkboxes (drawer,
search); HTML allows that attribute only on text-like inputs, so the checker (vnu) reports an
error on every page. We drop it.
"""

import html
import re

ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>\s*)?<label class="task-list-control">\s*<input type="checkbox")'
    r'([^>]*>.*?</label>)(.*?)(?=<ul|<ol|</li>)',
    re.DOTALL,
)
FOOTNOTE = re.compile(r'<sup id="fnref[^"]*">.*?</sup>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _name(fragment: str) -> str:
    text = html.unescape(TAG.sub("", FOOTNOTE.sub("", fragment)))
    return " ".join(text.split()).rstrip(":")


def on_page_content(content, page, config, files):
    def label(match):
        start, rest, text = match.groups()
        if "aria-label" in rest:
            return match.group(0)
        name = _name(text)
        if not name:
            return match.group(0)
        return f'{start} aria-label="{html.escape(name, quote=True)}"{rest}{text}'

    return ITEM.sub(label, content)


TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')


def _valid_toggles(output):
    return TOGGLE.sub(r"\1>", output)


def on_post_page(output, page, config):
    return _valid_toggles(output)


def on_post_template(output_content, template_name, config):
    return _valid_toggles(output_content) if template_name.endswith(".html") else output_content
