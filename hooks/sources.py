"""Sources as data: includes/sources.yml holds every source once.

- Pages cite with a footnote marker only (`[^s17]`). This hook appends the footnote's
  definition in the page's language, in one format: publisher, title (or our description),
  date, and a link to the entry on the Sources page ("Quellen: S17"), so it reads well on paper.
- Easy-read pages list their sources instead of citing them with markers, which distract
  readers who find reading hard: `<!-- sources:list s17 s19 -->` becomes a plain list in the
  page's language (publisher, title and date, linked to the entry on the Sources page); those
  sources count as cited.
- The Sources pages place each group with `<!-- sources:GROUP -->` and the sources no page
  cites with `<!-- sources:uncited -->`; the lists are filled in once every page of the
  language has been read, so "cited" is what the built pages really cite.
- The build stops, naming the file or the entry, when a page cites an unknown id, when a page
  defines a footnote itself, or when an entry lacks a field or a language.
"""

import html
import re

from mkdocs.exceptions import PluginError

from interface_strings import current_language, languages, strings
from shortcodes import format_day
from site_data import sources, text

RELIABILITY = ("official", "consumer", "ngo", "law", "press", "specialist", "weak")
CITATION = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
GROUP_MARKER = re.compile(r"<!--\s*sources:([\w-]+)\s*-->")
LIST_MARKER = re.compile(r"^<!--\s*sources:list((?:\s+[\w-]+)+)\s*-->$", re.MULTILINE)
NUMBERED = re.compile(r"[sal]\d+")

# Source ids each page of the language being built cites: {src_uri: [ids]}.
_cited = {}


def label(entry) -> str:
    return entry.get("label") or entry["id"].upper()


def check(entries, locales):
    """Every entry complete in every language; stops at the first problem with its id."""
    for ident, entry in entries.items():
        where = f"includes/sources.yml: entry '{ident}'"
        for field in ("group", "reliability", "publisher", "description"):
            if not entry.get(field):
                raise PluginError(f"{where} has no '{field}'")
        if entry["reliability"] not in RELIABILITY:
            raise PluginError(f"{where}: reliability '{entry['reliability']}' is not one of {', '.join(RELIABILITY)}")
        if not NUMBERED.fullmatch(ident) and not entry.get("label"):
            raise PluginError(f"{where} needs a 'label' (only s/a/l ids are shown as their id)")
        for locale in locales:
            for field in ("description", "publisher", "date_note") + (() if entry.get("title") else ("about",)):
                value = entry.get(field)
                if field in ("publisher", "date_note") and not isinstance(value, dict):
                    continue
                if not isinstance(value, dict) or not str(value.get(locale) or "").strip():
                    raise PluginError(f"{where} has no '{field}' in '{locale}'")


def quoted(title: str, marks: str) -> str:
    """A title in the language's quotation marks ("„“‚‘"), its own "…" nested inside."""
    inner = re.sub(r'"([^"]*)"', marks[2] + r"\1" + marks[3], title)
    return marks[0] + inner + marks[1]


def date_text(entry, language) -> str:
    formatted = format_day(entry["date"], language) if entry.get("date") is not None else ""
    note = entry.get("date_note")
    return note[language].replace("{date}", formatted) if note else formatted


def title_or_about(entry, language, ui) -> str:
    return quoted(entry["title"], ui["quotes"]) if entry.get("title") else entry["about"][language]


def footnote(entry, language, ui) -> str:
    """'[^s17]: Publisher: „Title“, 26. Mai 2025. [Quellen: S17](quellen.md#s17)'"""
    when = date_text(entry, language)
    cited = f"{text(entry['publisher'], language)}: {title_or_about(entry, language, ui)}" + (f", {when}" if when else "")
    link = ui["sources"]["footnote_link"].format(label=label(entry))
    return f"[^{entry['id']}]: {cited}. [{link}](quellen.md#{entry['id']})"


def list_item(entry, language, ui) -> str:
    """'- Publisher: [„Title“, 26. Mai 2025](quellen.md#s17)': the footnote's facts, no marker."""
    when = date_text(entry, language)
    what = title_or_about(entry, language, ui) + (f", {when}" if when else "")
    return f"- {text(entry['publisher'], language)}: [{what}](quellen.md#{entry['id']})"


def simple_list(ids, entries, language, ui) -> str:
    """The sources of an easy-read page as a plain list (class sources-list: see the readability script)."""
    items = "\n".join(list_item(entries[ident], language, ui) for ident in dict.fromkeys(ids))
    return f'<div class="sources-list" markdown>\n\n{items}\n\n</div>'


def on_config(config):
    check(sources(), languages(config)[1])
    _cited.clear()
    return config


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    prose = CODE.sub("", markdown)
    defined = DEFINITION.findall(prose)
    if defined:
        raise PluginError(f"{where}: defines footnote [^{defined[0]}]; pages only cite sources, includes/sources.yml defines them")
    entries, language, ui = sources(), current_language(config), strings(config)
    cited = list(dict.fromkeys(CITATION.findall(prose)))
    listed = list(dict.fromkeys(ident for m in LIST_MARKER.finditer(prose) for ident in m.group(1).split()))
    unknown = [ident for ident in cited if ident not in entries]
    if unknown:
        raise PluginError(f"{where}: cites {', '.join('[^' + u + ']' for u in unknown)}, not in includes/sources.yml")
    unknown = [ident for ident in listed if ident not in entries]
    if unknown:
        raise PluginError(f"{where}: <!-- sources:list --> names {', '.join(unknown)}, not in includes/sources.yml")
    _cited[page.file.src_uri] = cited + [ident for ident in listed if ident not in cited]
    markdown = LIST_MARKER.sub(lambda m: simple_list(m.group(1).split(), entries, language, ui), markdown)
    if not cited:
        return markdown
    return markdown + "\n\n" + "\n".join(footnote(entries[ident], language, ui) for ident in cited) + "\n"


def entry_html(entry, language, ui) -> str:
    reliability = ui["sources"]["reliability"][entry["reliability"]]
    what = html.escape(title_or_about(entry, language, ui))
    if entry.get("url"):
        what = f'<a href="{html.escape(entry["url"], quote=True)}">{what}</a>'
    when = date_text(entry, language)
    head = f"{html.escape(text(entry['publisher'], language))}: {what}" + (f", {html.escape(when)}" if when else "")
    description = html.escape(entry["description"][language])
    if not entry.get("url"):
        description += " " + html.escape(ui["sources"]["no_address"])
    return (f'<li id="{entry["id"]}"><strong>{label(entry)}</strong> · <em>{reliability}</em> · '
            f"{head}. {description}</li>")


def fill_lists(page, config):
    """The Sources page's lists, from the sources the language's pages cite."""
    entries, language, ui = sources(), current_language(config), strings(config)
    cited = {ident for ids in _cited.values() for ident in ids}
    groups = {m.group(1) for m in GROUP_MARKER.finditer(page.content)}
    unplaced = sorted({e["group"] for e in entries.values()} - groups)
    if "uncited" not in groups and set(entries) - cited:
        unplaced.append("uncited")
    if unplaced:
        raise PluginError(f"docs/{page.file.src_uri}: no <!-- sources:GROUP --> marker for group(s) {', '.join(unplaced)}")

    def render(match):
        group = match.group(1)
        chosen = [e for e in entries.values() if (e["id"] not in cited if group == "uncited" else e["group"] == group and e["id"] in cited)]
        page.present_anchor_ids.update(e["id"] for e in chosen)  # for MkDocs' anchor check
        if not chosen:
            return ""
        return '<ul class="sources">\n' + "\n".join(entry_html(e, language, ui) for e in chosen) + "\n</ul>"

    page.content = GROUP_MARKER.sub(render, page.content)


def on_env(env, config, files):
    """Every page of this language has been read now (pages are written after this event)."""
    for file in files.documentation_pages():
        if file.page and "<!-- sources:" in (file.page.content or ""):
            fill_lists(file.page, config)
    return env
