"""One search index per language.

mkdocs-static-i18n writes a single index for both languages, so English readers would get German
hits and the other way round. After the last language is built we split it: the root index keeps
the default language, en/search/search_index.json gets the English entries with paths relative
to /en/. overrides/main.html points English pages' search base at /en/.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority


def _write(path: Path, index: dict, entries: list, language: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    config = dict(index["config"], lang=[language])
    path.write_text(json.dumps({"config": config, "docs": entries}, ensure_ascii=False), encoding="utf-8")


@event_priority(-101)  # after mkdocs-static-i18n (-100) has written the combined index
def on_post_build(config):
    i18n = config.plugins["i18n"].config
    default = next(lang.locale for lang in i18n.languages if lang.default)
    # The i18n plugin leaves site_dir at the root for every language build.
    root = Path(config.site_dir)
    combined_path = root / "search" / "search_index.json"
    if not combined_path.exists():
        return
    index = json.loads(combined_path.read_text(encoding="utf-8"))
    by_language = {lang.locale: [] for lang in i18n.languages}
    for entry in index["docs"]:
        prefix, _, rest = entry["location"].partition("/")
        if prefix in by_language and prefix != default:
            by_language[prefix].append(dict(entry, location=rest))
        else:
            by_language[default].append(entry)
    for language, entries in by_language.items():
        target = combined_path if language == default else root / language / "search" / "search_index.json"
        if language != default and not entries:
            continue  # already split in an earlier call; the file is up to date
        _write(target, index, entries, language)
