"""Letter templates for docs/briefe*.md, kept as plain-text data files per language.

Letters live in includes/letters/<name>.<lang>.txt, postal addresses in includes/letters/addresses.yml.
A page writes markers; this hook replaces them:
- `<!-- letter:NAME -->` becomes the letter text (HTML-escaped; CSS keeps the line breaks).
  In the .txt, a line starting with "# " is the subject, `{meta}` is Meta's postal address as a
  block and `{meta_line}` the same on one line. Placeholders such as [Name] stay: they show
  without JavaScript, and docs/assets/javascripts/letters.js fills them from the form.
- `<!-- letter-authorities:GROUP -->` becomes the <option>s of the authority picker.
- `<!-- letter-authority-rows -->` becomes the rows of the Markdown table of authorities.
"""

import html
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml
from mkdocs.exceptions import PluginError

INCLUDES = Path(__file__).resolve().parent.parent / "includes"
LETTERS = INCLUDES / "letters"
LETTER = re.compile(r"<!--\s*letter:([\w-]+)\s*-->")
OPTIONS = re.compile(r"<!--\s*letter-authorities:(\w+)\s*-->")
ROWS = re.compile(r"^<!--\s*letter-authority-rows\s*-->$", re.MULTILINE)
LINK_DEFINITION = re.compile(r"^\[([^\]]+)\]:\s*(\S+)", re.MULTILINE)
# Country line under an address, per letter language (none for a German letter within Germany).
COUNTRY = {"de": {"DE": None, "IE": "Irland"}, "en": {"DE": "Germany", "IE": "Ireland"}}


def _addresses():
    return yaml.safe_load((LETTERS / "addresses.yml").read_text(encoding="utf-8"))


def address_lines(entry, language):
    country = COUNTRY[language][entry["country"]]
    return entry["lines"] + ([country] if country else [])


def letter_text(name, language, where):
    """The letter as plain text, with Meta's address filled in."""
    path = LETTERS / f"{name}.{language}.txt"
    if not path.exists():
        raise PluginError(f"{where}: letter includes/letters/{path.name} is missing")
    meta = _addresses()["meta"]
    lines = address_lines(meta, language)
    block = "\n".join(lines[:1] + [meta["attention"]] + lines[1:])
    text = path.read_text(encoding="utf-8").strip("\n")
    return text.replace("{meta}", block).replace("{meta_line}", ", ".join(lines))


def letter_html(name, language, where):
    lines = letter_text(name, language, where).split("\n")
    subjects = [line[2:] for line in lines if line.startswith("# ")]
    if len(subjects) != 1:
        raise PluginError(f"{where}: includes/letters/{name}.{language}.txt needs exactly one '# ' subject line")
    body = "\n".join(
        f'<strong class="letter-subject">{html.escape(line[2:])}</strong>' if line.startswith("# ") else html.escape(line)
        for line in lines
    )
    subject = html.escape(subjects[0], quote=True)
    return f'<div class="letter-text" id="letter-{name}" data-subject="{subject}">{body}</div>'


def authority_options(group, language):
    options = []
    for entry in _addresses()["authorities"]:
        if entry["group"] != group:
            continue
        address = html.escape("\n".join(address_lines(entry, language)), quote=True).replace("\n", "&#10;")
        email = f' data-email="{html.escape(entry["email"])}"' if entry.get("email") else ""
        label = html.escape(f'{entry["region"][language]} – {entry["short"]}')
        options.append(f'<option value="{entry["id"]}" data-address="{address}"{email}>{label}</option>')
    return "".join(options)


def authority_rows(language):
    links = dict(LINK_DEFINITION.findall((INCLUDES / "links.md").read_text(encoding="utf-8")))
    rows = []
    for entry in _addresses()["authorities"]:
        key = entry["form"]
        if key not in links:
            raise PluginError(f"includes/letters/addresses.yml: unknown link key '{key}' (define it in includes/links.md)")
        host = urlparse(links[key]).hostname.removeprefix("www.")
        address = "<br>".join(html.escape(line) for line in address_lines(entry, language))
        note = entry.get("note", {}).get(language, "")
        rows.append(f'| {entry["region"][language]} ({entry["short"]}) | {address} | [{host}][{key}] | {note} |')
    return "\n".join(rows)


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    markdown = OPTIONS.sub(lambda m: authority_options(m.group(1), language), markdown)
    return ROWS.sub(lambda m: authority_rows(language), markdown)


def on_page_content(html_text, page, config, files):
    language = config.theme["language"]
    return LETTER.sub(lambda m: letter_html(m.group(1), language, page.file.src_uri), html_text)
