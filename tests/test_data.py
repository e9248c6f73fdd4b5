"""One fact, one place (issue 9): sources, click routes and interface strings are data.

- Sources: no page defines a footnote; each source's title is written in exactly one file; a
  footnote reads the same on every page of a language and ends with its Sources-page label;
  each Sources page lists every entry exactly once.
- Click routes: the guide's tabs and steps in both languages come from includes/routes.yml, and
  each label shows the other language's name beside it (or says it is not documented).
- A label changed in a copy of the data changes the guide, the checklist and the home page in
  both languages.
- Interface strings: no page carries a string of the other language's strings file or of the
  other language's Material theme, in its text or in title/aria-label/placeholder/alt.
- Bad data stops the build with a message that names the file and the entry.
"""

import re
import string
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, PAGES, ROOT, build_copy, page_for, pages
from site_data import read, routes, sources, strings

TEXT_FILES = [p for d in ("docs", "includes", "overrides", "hooks", "layouts", "scripts", "tests") for p in (ROOT / d).rglob("*")
              if p.is_file() and p.suffix in {".md", ".yml", ".html", ".py", ".txt", ".js", ".css", ".xml"}]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page(site, slug, language) -> BeautifulSoup:
    return page_for(slug, language).soup(site)


def words(element) -> str:
    """Visible text with whitespace collapsed (no separator: "<abbr>KI</abbr>-Training" stays one word)."""
    return " ".join(element.get_text().split())


# --- Sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", PAGES)
def test_page_defines_no_footnote(source):
    definitions = re.findall(r"^\[\^([^\]]+)\]:", source.text(), re.MULTILINE)
    assert not definitions, f"{source.where} defines {definitions}: cite [^id] only; includes/sources.yml defines sources"


def test_each_source_title_is_written_in_one_file_only():
    # Titles of four words or more: "Article 21 GDPR" is also just the name of the law.
    titles = {e["id"]: e["title"] for e in sources().values() if len((e.get("title") or "").split()) >= 4}
    assert titles, "includes/sources.yml: no titles found"
    texts = {p: p.read_text(encoding="utf-8", errors="ignore") for p in TEXT_FILES}
    repeated = {}
    for ident, title in titles.items():
        places = [str(p.relative_to(ROOT)) for p, t in texts.items() if title in t]
        if places != ["includes/sources.yml"]:
            repeated[ident] = places
    assert not repeated, f"source titles must live only in includes/sources.yml: {repeated}"


def footnotes(html: BeautifulSoup) -> dict:
    """{source id: footnote text without the back link} for one built page."""
    found = {}
    for item in html.select(".footnote li[id^='fn:']"):
        for back in item.select(".footnote-backref"):
            back.decompose()
        found[item["id"][3:]] = words(item)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_source_footnote_reads_the_same_on_every_page(built_site, language):
    seen, differ = {}, []
    for source in pages(language):
        for ident, text in footnotes(source.soup(built_site)).items():
            if seen.setdefault(ident, (text, source.name))[0] != text:
                differ.append(f"{ident}: {source.name} “{text}” vs {seen[ident][1]} “{seen[ident][0]}”")
    assert seen, f"no footnotes on the {language} pages"
    assert not differ, "footnotes differ between pages:\n" + "\n".join(differ[:5])


@pytest.mark.parametrize("language", LANGUAGES)
def test_footnotes_end_with_their_sources_entry(built_site, language):
    link_text = strings(language)["sources"]["footnote_link"]
    html = page(built_site, "checkliste", language)
    notes = html.select(".footnote li[id^='fn:']")
    assert notes, f"checklist ({language}) has no footnotes"
    for note in notes:
        ident = note["id"][3:]
        entry = sources()[ident]
        label = entry.get("label") or ident.upper()
        link = note.select_one(f'a[href$="quellen/#{ident}"]')
        assert link and words(link) == link_text.format(label=label), f"footnote {ident}: {words(note)!r}"
        publisher = entry["publisher"] if isinstance(entry["publisher"], str) else entry["publisher"][language]
        text = " ".join(note.get_text().split())
        assert text.startswith(publisher), f"footnote {ident} does not start with its publisher: {text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_sources_page_lists_every_source_once(built_site, language):
    html = page(built_site, "quellen", language)
    listed = [li["id"] for li in html.select("ul.sources > li[id]")]
    assert sorted(listed) == sorted(sources()), (
        f"Sources page ({language}): missing {sorted(set(sources()) - set(listed))}, "
        f"twice {sorted({i for i in listed if listed.count(i) > 1})}")


# --- Click routes ----------------------------------------------------------------------------


def label_keys(step, language, device):
    """The labels a step shows, in order: from its pattern or text, and its target/under/answer."""
    if "text" in step:
        pattern = step["text"][language]
    else:
        pattern = strings(language)["guide"]["patterns"][step["do"]][device]
    keys = []
    for name, key in re.findall(r"\{(\w+)(?::([\w-]+))?\}", pattern):
        if name != "where":
            keys.append(key if name == "label" else step.get(name))
    return [k for k in keys if k]


def route_steps(route, data):
    """Every leaf step of a route, in reading order."""
    steps = list(route["steps"])
    for way in route.get("ways", []):
        steps += way["steps"]
    return steps + (data["segments"][route["then"]] if route.get("then") else [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_tabs_and_steps_come_from_the_route_data(built_site, language):
    data = routes()
    html = page(built_site, "anleitung", language)
    tab_set = html.select_one("article .tabbed-set")
    labels = [words(label) for label in tab_set.select(":scope > .tabbed-labels > label")]
    assert labels == [r["title"][language] for r in data["routes"]], f"guide ({language}) tabs: {labels}"
    blocks = tab_set.select(":scope > .tabbed-content > .tabbed-block")
    for route, block in zip(data["routes"], blocks):
        top = block.select(":scope > ol > li")
        expected = len(route["steps"]) + (1 if route.get("ways") else 0) + len(data["segments"].get(route.get("then"), []))
        assert len(top) == expected, f"guide ({language}), {route['id']}: {len(top)} steps, the data has {expected}"
        ways = block.select(":scope > ol > li > ol")
        assert [len(w.select(":scope > li")) for w in ways] == [len(w["steps"]) for w in route.get("ways", [])]
        leaves = [li for li in block.select("li") if not li.select("li")]
        assert len(leaves) == len(route_steps(route, data)), f"guide ({language}), {route['id']}: step count"
        for step, li in zip(route_steps(route, data), leaves):
            check_step_labels(step, li, language, data, route)


def check_step_labels(step, li, language, data, route):
    text, where = words(li), route["id"]
    for key in label_keys(step, language, route["device"]):
        entry = data["labels"][key]
        if "element" in entry:
            assert re.sub(r"\*\*", "", entry["element"][language]) in text, f"{where}: {key!r} missing in {text!r}"
            continue
        own = entry.get(language) or []
        assert (own[0] if own else entry["what"][language]) in text, f"{where}: label {key!r} missing in {text!r}"
        if entry.get("style") == "quote":
            continue
        for other in (lang for lang in LANGUAGES if lang != language):
            names = entry.get(other) or []
            chips = [words(c) for c in li.select(".label-other")]
            if names:
                marked = [words(s) for s in li.select(f'.label-other span[lang="{other}"]')]
                assert any(names[0] in m for m in marked), f"{where}: {key!r} lacks its {other} name {names[0]!r}: {chips}"
            else:
                unknown = strings(language)["guide"]["other_language_unknown"].format(
                    language=strings(language)["language_names"][other])
                assert unknown in chips, f"{where}: {key!r} should say its {other} label is not documented: {chips}"


def test_every_label_is_documented_in_some_language():
    for key, entry in routes()["labels"].items():
        assert "element" in entry or any(entry.get(lang) for lang in LANGUAGES), f"includes/routes.yml: label {key!r} has no name"
        if "element" not in entry and not all(entry.get(lang) for lang in LANGUAGES):
            assert all(entry.get("what", {}).get(lang) for lang in LANGUAGES), f"includes/routes.yml: {key!r} needs 'what'"


def replace_in(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found; pick another spot for this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_label_changes_guide_checklist_and_home_in_both_languages(source_copy):
    old = routes()["labels"]["form_question"]["de"][0]
    new = "Betrifft deine Anfrage Testlabel-KI?"
    replace_in(source_copy / "includes" / "routes.yml", f'"{old}"', f'"{new}"')
    result, _ = build_copy(source_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    site = source_copy.parent / "site"
    for slug in ("anleitung", "checkliste", "index"):
        for language in LANGUAGES:
            text = words(page_for(slug, language).soup(site).select_one("article"))
            assert new in text, f"{slug} ({language}): the changed label does not appear"
            assert old not in text, f"{slug} ({language}): the old label is still there"


# --- Interface strings -----------------------------------------------------------------------

CHECKED_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "value")


def leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, str):
        yield value


def fragments(text: str):
    """Literal pieces of a string, split at placeholders, HTML and Markdown: only those long
    enough to be unmistakably a sentence of that language."""
    plain = re.sub(r"\{[^}]*\}|<[^>]+>|\*\*|%d", "\n", text)
    return {f.strip(" :,.()…") for f in plain.split("\n") if len(f.strip()) >= 8 and " " in f.strip()}


def material_strings(language):
    path = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / f"{language}.html"
    return {s for s in re.findall(r'"[\w.]+": "([^"]{6,})"', path.read_text(encoding="utf-8")) if " " in s}


def page_texts(html: BeautifulSoup, language: str):
    """(where, text) for text nodes and checked attributes outside parts marked with another language."""
    for tag in html(["script", "style", "code", "pre"]):
        tag.decompose()
    for part in html.select("[lang]"):
        if part.name != "html" and part["lang"] != language:
            part.decompose()
    body = html.body
    yield "text", " ".join(body.get_text(" ").split())
    for element in body.find_all(True):
        for name in CHECKED_ATTRIBUTES:
            if element.get(name):
                yield f"{element.name}[{name}]", element[name]
    yield "title", html.title.get_text() if html.title else ""


@pytest.fixture(scope="module")
def foreign_strings(built_site):
    """For each language: the other languages' interface strings that it must not show."""
    own = {lang: set().union(*(fragments(s) for s in leaves(strings(lang)))) for lang in LANGUAGES}
    # Material's strings that really appear on our pages of their own language.
    used = {}
    for lang in LANGUAGES:
        texts = " ".join(t for p in pages(lang) for _, t in page_texts(p.soup(built_site), lang))
        used[lang] = {s for s in material_strings(lang) if s in texts}
    foreign = {}
    for lang in LANGUAGES:
        others = set().union(*(own[o] | used[o] for o in LANGUAGES if o != lang))
        foreign[lang] = {s for s in others if s not in own[lang] and s not in material_strings(lang)}
    return foreign


@pytest.mark.parametrize("source", PAGES)
def test_no_interface_string_in_the_wrong_language(built_site, foreign_strings, source):
    language = source.language
    assert foreign_strings[language], "no interface strings to check"
    found = []
    for where, text in page_texts(source.soup(built_site), language):
        found += [f"{where}: {s!r}" for s in foreign_strings[language] if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]
    assert not found, f"{source.where} ({source.url or '/'}) shows another language's interface strings: {found[:6]}"


def test_leak_check_catches_a_german_heading_link_title():
    html = BeautifulSoup('<html lang="en"><body><h2>A<a class="headerlink" title="Link zu diesem Abschnitt">¶</a></h2></body></html>', "lxml")
    german = fragments(strings("de")["permalink_title"])
    hits = [s for _, t in page_texts(html, "en") for s in german if s in t]
    assert hits, "the leak check does not see strings in title attributes"


def test_every_strings_file_has_every_key():
    reference = strings("de")
    for language in LANGUAGES:
        gaps = [k for k in reference if k not in strings(language)]
        assert not gaps, f"includes/strings/{language}.yml lacks {gaps}"


# --- Bad data stops the build ----------------------------------------------------------------


def failed_build(source_dir: Path) -> str:
    result, output = build_copy(source_dir)
    assert result.returncode != 0, "the build passed with broken data"
    return output


def test_citing_an_unknown_source_fails_naming_the_page(source_copy):
    page_file = source_copy / "docs" / "rechte.en.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\nOne more claim.[^s999]\n", encoding="utf-8")
    assert re.search(r"docs/rechte\.en\.md: cites \[\^s999\]", failed_build(source_copy))


def test_a_page_defining_a_footnote_fails_naming_the_page(source_copy):
    page_file = source_copy / "docs" / "daten.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n[^s17]: Handgeschrieben\n", encoding="utf-8")
    assert "docs/daten.md: defines footnote [^s17]" in failed_build(source_copy)


def test_a_source_without_an_english_description_fails_naming_the_entry(source_copy):
    data = source_copy / "includes" / "sources.yml"
    text = data.read_text(encoding="utf-8")
    ident = next(iter(sources()))
    block = re.search(rf"(?ms)^- id: {ident}\n.*?(?=^- id: |\Z)", text)
    broken = re.sub(r"(?m)^(\s+)en: .*\n", "", block.group(0).split("description:")[1], count=1)
    data.write_text(text.replace(block.group(0), block.group(0).split("description:")[0] + "description:" + broken), encoding="utf-8")
    assert f"includes/sources.yml: entry '{ident}' has no 'description' in 'en'" in failed_build(source_copy)


def test_a_missing_interface_string_fails_naming_the_file(source_copy):
    replace_in(source_copy / "includes" / "strings" / "en.yml", "print_button: Print\n", "")
    assert "includes/strings/en.yml lacks print_button" in failed_build(source_copy)


def test_an_unknown_label_fails_naming_the_page(source_copy):
    replace_in(source_copy / "docs" / "checkliste.md", "<!-- label:submit -->", "<!-- label:sumbit -->")
    assert "docs/checkliste.md: a page uses label 'sumbit'" in failed_build(source_copy)
