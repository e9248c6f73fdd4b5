"""Stop the build when a page breaks the site's conventions, naming the file.

- Every page exists in every language (X.md and X.en.md). With `fallback_to_default: false` a
  missing translation otherwise only shows up as broken links in *other* files.
- Every page has `title`, `description` and `reviewed` in its front matter. Without a description
  Material silently falls back to the site description, so link previews would all look the same.

It also gives each page its navigation title: `nav_title` from the front matter if the page has
one (a short "FAQ" beside the full title), else `title`. mkdocs.yml lists pages without titles,
so the navigation speaks each page's own language.
"""

import datetime
from pathlib import Path

from mkdocs.exceptions import PluginError

REQUIRED = ("title", "description", "reviewed")


def on_pre_build(config):
    i18n = config.plugins["i18n"].config
    default = next(lang.locale for lang in i18n.languages if lang.default)
    others = [lang.locale for lang in i18n.languages if not lang.default]
    docs = Path(config.docs_dir)
    pages = {path.name for path in docs.glob("*.md")}
    german = {name for name in pages if name.count(".") == 1}
    missing = []
    for name in sorted(german):
        slug = name[: -len(".md")]
        missing += [f"docs/{slug}.{locale}.md (counterpart of docs/{name})" for locale in others if f"{slug}.{locale}.md" not in pages]
    for locale in others:
        for name in sorted(n for n in pages if n.endswith(f".{locale}.md")):
            slug = name[: -len(f".{locale}.md")]
            if f"{slug}.md" not in pages:
                missing.append(f"docs/{slug}.md (counterpart of docs/{name}, language '{default}')")
    if missing:
        raise PluginError("missing translations: " + "; ".join(missing))


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    meta = page.meta or {}
    for key in REQUIRED:
        value = meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PluginError(f"{where}: front matter lacks '{key}' (every page needs {', '.join(REQUIRED)})")
    if not isinstance(meta["reviewed"], datetime.date):
        raise PluginError(f"{where}: 'reviewed' must be a date YYYY-MM-DD, got {meta['reviewed']!r}")
    if meta.get("nav_title"):
        page.title = meta["nav_title"]  # <title>, link previews and the heading still use `title`
    return markdown
