"""Interface strings: one file per language, includes/strings/<locale>.yml.

Everything that templates, hooks and scripts show lives in that file, so mkdocs.yml holds no
translated text and a new language is one new file. This hook
- fills the i18n plugin's per-language settings (site name and description, copyright,
  admonition titles, the palette toggle names) before the plugin applies them;
- puts the strings into `config.extra` (templates: `config.extra.share_heading`; hooks:
  `strings(config)`), and all languages' strings into `config.extra.strings_by_language` for
  the one page that speaks every language (404.html);
- gives Markdown's own generated texts (the heading-link title, the footnote back-link title)
  in the language being built;
- stops the build, naming the file, when a language has no strings file or lacks a key that
  the default language's file has.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

import site_data

STRINGS = Path(__file__).resolve().parent.parent / "includes" / "strings"


def load(locale: str) -> dict:
    if not (STRINGS / f"{locale}.yml").exists():
        raise PluginError(f"includes/strings/{locale}.yml is missing (every language in mkdocs.yml needs one)")
    return site_data.strings(locale) or {}


def missing_keys(reference, other, prefix=""):
    """Keys (dotted) that `reference` has and `other` lacks, recursively."""
    missing = []
    for key, value in reference.items():
        if key not in other:
            missing.append(prefix + str(key))
        elif isinstance(value, dict) and isinstance(other[key], dict):
            missing += missing_keys(value, other[key], f"{prefix}{key}.")
    return missing


def languages(config):
    """(default locale, [locales]) from the i18n plugin."""
    i18n = config.plugins["i18n"].config
    default = next(lang.locale for lang in i18n.languages if lang.default)
    return default, [lang.locale for lang in i18n.languages]


def current_language(config) -> str:
    plugin = config.plugins["i18n"]
    return plugin.current_language or plugin.default_language


def strings(config) -> dict:
    """The strings of the language being built."""
    return config.extra["strings_by_language"][current_language(config)]


def on_config(config):
    default, locales = languages(config)
    by_language = {locale: load(locale) for locale in locales}
    for locale in locales:
        gaps = missing_keys(by_language[default], by_language[locale])
        gaps += [f"language_names.{other}" for other in locales if other not in by_language[locale].get("language_names", {})]
        if gaps:
            raise PluginError(f"includes/strings/{locale}.yml lacks {', '.join(dict.fromkeys(gaps))} (see includes/strings/{default}.yml)")
    # Runs before the i18n plugin (priority 0 > -100), which then applies these per language.
    for language in config.plugins["i18n"].config.languages:
        text = by_language[language.locale]
        language["site_name"] = text["site_name"]
        language["site_description"] = text["site_description"]
        language["copyright"] = text["copyright"]
        language["admonition_translations"] = text["admonitions"]
        language["theme"] = {"palette": [{"toggle": {"name": name}} for name in text["palette_toggles"]]}
    text = by_language[current_language(config)]
    config.extra.update(text)
    config.extra["strings_by_language"] = by_language
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = text["permalink_title"]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = text["footnote_backlink"]
    return config
