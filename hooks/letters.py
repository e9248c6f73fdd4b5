"""Letter templates for docs/briefe*.md, kept as plain-text data files per language.

Letters live in includes/letters/<name>.<lang>.txt, postal addresses in includes/letters/addresses.yml.
A page writes markers; this hook replaces them:
- `<!-- letter:NAME -->` becomes the letter text (HTML-escaped; CSS keeps the line breaks).
  In the .txt, a line starting with "# " is the subject, `{meta}` is Meta's postal address as a
  block and `{meta_line}` the same on one line. Placeholders such as [Name] stay: they show
  without JavaScript, and docs/assets/javascripts/letters.js fills them from the form.
- `<!-- letter-authorities:GROUP -->` becomes the <option>s of the authority picker.
- `<!-- letter-authority-rows -->` becomes the rows of the Markdown table of authorities.
- `<!-- letter-buttons -->` becomes the copy / email / print buttons under a letter, and the
  form `#letter-form` gets the script's messages as data-msg-* attributes; both in the page's
  language from includes/strings/<lang>.yml (letters), so letters.js has no language.
"""

import html
import re
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError

from interface_strings import languages
from site_data import INCLUDES, links, read, sources, strings

LETTERS = INCLUDES / "letters"
LETTER = re.compile(r"<!--\s*letter:([\w-]+)\s*-->")
OPTIONS = re.compile(r"<!--\s*letter-authorities:(\w+)\s*-->")
ROWS = re.compile(r"^<!--\s*letter-authority-rows\s*-->$", re.MULTILINE)
BUTTONS = re.compile(r"^<!--\s*letter-buttons\s*-->$", re.MULTILINE)
FORM = '<div class="letter-form" id="letter-form" hidden>'


def _addresses():
    return read("letters/addresses.yml")


def address_lines(entry, language):
    # The country line under an address (none for a German letter within Germany).
    names = strings(language)["letter_countries"]
    if entry["country"] not in names:
        raise PluginError(f"includes/strings/{language}.yml: letter_countries has no name for '{entry['country']}'")
    country = names[entry["country"]]
    return entry["lines"] + ([country] if country else [])


def missing_languages(locales):
    """Every piece of the letters' data that lacks a language (checked when the build starts)."""
    gaps = [f"includes/letters/{name}.{locale}.txt is missing" for name in sorted({p.name.split(".")[0] for p in LETTERS.glob("*.txt")})
            for locale in locales if not (LETTERS / f"{name}.{locale}.txt").exists()]
    for entry in _addresses()["authorities"]:
        for field in ("region", "note"):
            value = entry.get(field)
            if value is not None:
                gaps += [f"includes/letters/addresses.yml: '{entry['id']}' {field} has no '{locale}'" for locale in locales if locale not in value]
    return gaps


def on_config(config):
    gaps = missing_languages(languages(config)[1])
    if gaps:
        raise PluginError("; ".join(gaps[:10]))
    return config


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


def form_link(key):
    """The complaint page of an authority as a Markdown link target: a link key from
    includes/links.md, or a source from includes/sources.yml whose address is that page."""
    urls, entries = links(), sources()
    if key in urls:
        return urls[key], f"[{key}]"
    if entries.get(key, {}).get("url"):
        return entries[key]["url"], f"({entries[key]['url']})"
    raise PluginError(f"includes/letters/addresses.yml: unknown link key '{key}' (define it in includes/links.md, "
                      "or name a source with a url in includes/sources.yml)")


def authority_rows(language):
    rows = []
    for entry in _addresses()["authorities"]:
        url, target = form_link(entry["form"])
        host = urlparse(url).hostname.removeprefix("www.")
        address = "<br>".join(html.escape(line) for line in address_lines(entry, language))
        note = entry.get("note", {}).get(language, "")
        rows.append(f'| {entry["region"][language]} ({entry["short"]}) | {address} | [{host}]{target} | {note} |')
    return "\n".join(rows)


def buttons(text):
    return (
        '<div class="letter-buttons">\n'
        f'<button type="button" class="md-button md-button--primary" data-action="copy">{html.escape(text["copy"])}</button>\n'
        f'<a class="md-button" data-action="mail" href="mailto:">{html.escape(text["mail"])}</a>\n'
        f'<button type="button" class="md-button" data-action="print">{html.escape(text["print"])}</button>\n'
        "</div>"
    )


def form_with_messages(text):
    messages = {
        "locale": text["intl_locale"],
        "msg-copied": text["copied"],
        "msg-selected": text["selected"],
        "msg-mail": text["mail_opened"].format(copy=text["copy"]),
        "msg-print": text["print_one"],
        "msg-missing": text["missing"],
    }
    attributes = " ".join(f'data-{name}="{html.escape(value, quote=True)}"' for name, value in messages.items())
    return FORM[:-1] + " " + attributes + ">"


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    markdown = OPTIONS.sub(lambda m: authority_options(m.group(1), language), markdown)
    markdown = BUTTONS.sub(lambda m: buttons(strings(language)["letters"]), markdown)
    markdown = markdown.replace(FORM, form_with_messages(strings(language)["letters"]))
    return ROWS.sub(lambda m: authority_rows(language), markdown)


def on_page_content(html_text, page, config, files):
    language = config.theme["language"]
    return LETTER.sub(lambda m: letter_html(m.group(1), language, page.file.src_uri), html_text)
