"""Adding a language (README, "Add a language"): the build names each missing piece in turn.

A copy of the site gets a third language, French, and the pieces the README lists are added one
by one. After each step the strict build must fail with a message naming the next missing
file or entry; with every piece in place it builds, and the new language's pages exist. The
French texts are copies of the English ones: the test checks the mechanism, not a translation.
"""

import re
import shutil

import pytest
import yaml

from conftest import build_copy

pytestmark = pytest.mark.slow


def add_language_everywhere(value, source="en", target="fr"):
    """Give every {de, en} text in a data structure a copy for `target`."""
    if isinstance(value, dict):
        if source in value and "de" in value:
            value[target] = value[source]
        for item in value.values():
            add_language_everywhere(item, source, target)
    elif isinstance(value, list):
        for item in value:
            add_language_everywhere(item, source, target)
    return value


def rewrite_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(change(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_new_language_fails_the_build_until_every_piece_is_there(source_copy):
    src = source_copy
    site = src.parent / "site"
    includes, docs = src / "includes", src / "docs"
    config = src / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "        - locale: en\n          name: English\n",
        "        - locale: en\n          name: English\n        - locale: fr\n          name: Français\n"), encoding="utf-8")

    def fails_naming(pattern):
        result, output = build_copy(src)
        assert result.returncode != 0, f"the build passed, but {pattern!r} is still missing"
        assert re.search(pattern, output), f"the build failed without naming {pattern!r}:\n{output[-1500:]}"

    fails_naming(r"includes/strings/fr\.yml is missing")
    shutil.copy(includes / "strings" / "en.yml", includes / "strings" / "fr.yml")
    fails_naming(r"includes/strings/\w+\.yml lacks language_names\.fr")
    for locale in ("de", "en", "fr"):
        rewrite_yaml(includes / "strings" / f"{locale}.yml",
                     lambda data: {**data, "language_names": {**data["language_names"], "fr": "Français"}})
    fails_naming(r"includes/routes\.yml: label '[\w-]+' (element has no 'fr'|has no 'fr' list)")
    def french_routes(data):
        add_language_everywhere(data)
        for entry in data["labels"].values():
            if "element" not in entry:
                entry["fr"] = []  # no French menu label is documented: the pages will say so
        return data

    rewrite_yaml(includes / "routes.yml", french_routes)
    fails_naming(r"includes/routes\.yml: label '[\w-]+' has no 'fr' label and no 'what' in 'fr'")

    def described(data):
        for entry in data["labels"].values():
            if "element" not in entry and "what" not in entry:
                entry["what"] = {locale: (entry.get(locale) or entry["de"])[0] for locale in ("de", "en", "fr")}
        return data

    rewrite_yaml(includes / "routes.yml", described)
    fails_naming(r"includes/sources\.yml: entry '[\w-]+' has no '\w+' in 'fr'")
    rewrite_yaml(includes / "sources.yml", lambda data: add_language_everywhere(data))
    fails_naming(r"includes/letters/\w+\.fr\.txt is missing")
    for letter in (includes / "letters").glob("*.en.txt"):
        shutil.copy(letter, letter.with_name(letter.name.replace(".en.", ".fr.")))
    fails_naming(r"includes/letters/addresses\.yml: '[\w-]+' region has no 'fr'")
    rewrite_yaml(includes / "letters" / "addresses.yml", lambda data: add_language_everywhere(data))
    fails_naming(r"docs/\w[\w-]*\.fr\.md \(counterpart of docs/")
    for page in docs.glob("*.en.md"):
        shutil.copy(page, page.with_name(page.name.replace(".en.md", ".fr.md")))
    fails_naming(r"includes/abbr\.fr\.md is missing")
    shutil.copy(includes / "abbr.en.md", includes / "abbr.fr.md")

    result, output = build_copy(src)
    assert result.returncode == 0, f"with every piece in place the build should pass:\n{output[-2000:]}"
    assert (site / "fr" / "anleitung" / "index.html").exists()
    html = (site / "fr" / "anleitung" / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in html and 'hreflang="fr"' in html
