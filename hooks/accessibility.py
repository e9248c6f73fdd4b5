"""Accessible names for task-list checkboxes, and valid HTML for Material's toggles.

pymdownx.tasklist writes `<label class="task-list-control"><input type="checkbox">…</label> text`:
the label wraps only the box, so a screen reader announces "checkbox" with no name (axe rule
`label`). We give each box the text of its own item (without nested lists and footnote numbers)
as its name.

Material's templates also trip the checkers on every page, so we patch its output rather than
copy its partials: the two hidden toggle checkboxes (drawer, search) carry `autocomplete="off"`
and the search input Safari's `autocorrect="off"`, which HTML doesn't allow there (vnu); the
search dialog has no accessible name (axe rule aria-dialog-name).
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
SEARCH_INPUT_AUTOCORRECT = ' autocapitalize="off" autocorrect="off" '
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def _fix_material_markup(output):
    output = TOGGLE.sub(r"\1>", output).replace(SEARCH_INPUT_AUTOCORRECT, ' autocapitalize="off" ')
    label = SEARCH_LABEL.search(output)
    if label:
        # Name the dialog after the search field's own (translated) label.
        output = SEARCH_DIALOG.sub(f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label.group(1)}">', output)
    return output


def on_post_page(output, page, config):
    return _fix_material_markup(output)


def on_post_template(output_content, template_name, config):
    return _fix_material_markup(output_content) if template_name.endswith(".html") else output_content
