"""Per-language text helpers for Markdown and templates.

Markdown gets three things, all from files under includes/ so each fact lives in one place:
- `<!-- fact:KEY -->` becomes a date from includes/facts.yml, written for the page's language;
- `<!-- url:KEY -->` becomes a link that shows its URL, taken from includes/links.md;
- the glossary includes/abbr.<lang>.md is appended (i18n forbids per-language extensions).
An unknown key stops the build with the file's name, so a typo can't ship silently.
"""

import datetime
import re
from pathlib import Path

import yaml
from babel.dates import format_date
from mkdocs.exceptions import PluginError

INCLUDES = Path(__file__).resolve().parent.parent / "includes"
TOKEN = re.compile(r"<!--\s*(fact|url):([\w-]+)\s*-->")
LINK_DEFINITION = re.compile(r"^\[([^\]]+)\]:\s*(\S+)", re.MULTILINE)
# British English writes "26 May 2025", which matches the brief.
BABEL_LOCALE = {"de": "de_DE", "en": "en_GB"}


def _facts():
    return yaml.safe_load((INCLUDES / "facts.yml").read_text(encoding="utf-8"))


def _links():
    return dict(LINK_DEFINITION.findall((INCLUDES / "links.md").read_text(encoding="utf-8")))


def format_day(value, language):
    """A date as readers expect it: '26. Mai 2025' or '26 May 2025'."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format="long", locale=BABEL_LOCALE.get(language, language))


def expand(text, language, where):
    facts, links = _facts(), _links()

    def replace(match):
        kind, key = match.groups()
        table = facts if kind == "fact" else links
        if key not in table:
            source = "includes/facts.yml" if kind == "fact" else "includes/links.md"
            raise PluginError(f"{where}: unknown {kind} '{key}' (define it in {source})")
        if kind == "url":
            return f"[{links[key]}][{key}]"
        value = table[key]
        return format_day(value, language) if isinstance(value, datetime.date) else str(value)

    return TOKEN.sub(replace, text)


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    glossary = f"abbr.{language}.md"
    if not (INCLUDES / glossary).exists():
        raise PluginError(f"{page.file.src_uri}: glossary includes/{glossary} is missing")
    # Snippets resolves this line, so the glossary is parsed like any other Markdown.
    return expand(markdown, language, page.file.src_uri) + f'\n\n--8<-- "{glossary}"\n'


def on_env(env, config, files):
    language = config.theme["language"]
    env.filters["shortcodes"] = lambda text: expand(text, language, "mkdocs.yml")
    env.filters["day"] = lambda value: format_day(value, language)
    return env
