"""Readers for the data files under includes/, shared by the hooks, the tests and the scripts.

Not a hook itself: hooks import it (MkDocs puts hooks/ on the import path while loading them),
tests import it as hooks.site_data. Files are read again when they change, so `mkdocs serve`
picks up edits.
"""

import functools
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
INCLUDES = ROOT / "includes"
LINK_DEFINITION = re.compile(r"^\[([^\]]+)\]:\s*(\S+)", re.MULTILINE)


@functools.lru_cache(maxsize=64)
def _read(path: Path, mtime: float):
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".yml":
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PluginError(f"includes/{path.relative_to(INCLUDES)}: not valid YAML: {error}") from None


def read(relative: str):
    """A file under includes/: parsed YAML for .yml, text otherwise."""
    path = INCLUDES / relative
    if not path.exists():
        raise PluginError(f"includes/{relative} is missing")
    return _read(path, path.stat().st_mtime)


def links() -> dict:
    """Every URL by its key, from includes/links.md (not the sources: see sources())."""
    return dict(LINK_DEFINITION.findall(read("links.md")))


def facts() -> dict:
    return read("facts.yml")


def sources() -> dict:
    """Every source by id, in file order, from includes/sources.yml."""
    return {entry["id"]: entry for entry in read("sources.yml")}


def routes() -> dict:
    return read("routes.yml")


def strings(locale: str) -> dict:
    return read(f"strings/{locale}.yml")


def text(value, language: str):
    """A data value that is either the same in every language or {language: value}."""
    return value.get(language) if isinstance(value, dict) else value
