"""Per-language text helpers for Markdown and templates.

Markdown gets three things, all from files under includes/ so each fact lives in one place:
- `<!-- fact:KEY -->` becomes a date from includes/facts.yml, written for the page's language;
- `<!-- url:KEY -->` becomes a link that shows its URL, taken from includes/links.md;
- `<!-- ui:KEY.KEY -->` becomes an interface string from includes/strings/<lang>.yml, so a page
  that names a button ("Text kopieren") says what the button really says;
- the glossary includes/abbr.<lang>.md is appended (i18n forbids per-language extensions).
An unknown key stops the build with the file's name, so a typo can't ship silently.
"""

import datetime
import re

from babel.dates import format_date
from mkdocs.exceptions import PluginError

from site_data import INCLUDES, facts, links, strings

TOKEN = re.compile(r"<!--\s*(fact|url|ui):([\w.-]+)\s*-->")


def format_day(value, language):
    """A date as readers expect it: '26. Mai 2025' or '26 May 2025' (babel_locale in includes/strings).
    A month ("2025-05") becomes 'Mai 2025', a year (2025) stays '2025'."""
    locale = strings(language)["babel_locale"]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
        return format_date(datetime.date.fromisoformat(value + "-01"), format="LLLL y", locale=locale)
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format="long", locale=locale)


def expand(text, language, where):
    facts_, links_ = facts(), links()

    def replace(match):
        kind, key = match.groups()
        if kind == "ui":
            value = strings(language)
            for part in key.split("."):
                if not isinstance(value, dict) or part not in value:
                    raise PluginError(f"{where}: unknown interface string '{key}' (define it in includes/strings/{language}.yml)")
                value = value[part]
            return str(value)
        table = facts_ if kind == "fact" else links_
        if key not in table:
            source = "includes/facts.yml" if kind == "fact" else "includes/links.md"
            raise PluginError(f"{where}: unknown {kind} '{key}' (define it in {source})")
        if kind == "url":
            return f"[{links_[key]}][{key}]"
        value = table[key]
        return format_day(value, language) if isinstance(value, datetime.date) else str(value)

    return TOKEN.sub(replace, text)


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    glossary = f"abbr.{language}.md"
    if not (INCLUDES / glossary).exists():
        raise PluginError(f"docs/{page.file.src_uri}: glossary includes/{glossary} is missing (every language needs one)")
    # Snippets resolves this line, so the glossary is parsed like any other Markdown.
    return expand(markdown, language, page.file.src_uri) + f'\n\n--8<-- "{glossary}"\n'


def on_env(env, config, files):
    language = config.theme["language"]
    env.filters["shortcodes"] = lambda text: expand(text, language, f"includes/strings/{language}.yml")
    env.filters["day"] = lambda value: format_day(value, language)
    return env
