"""Content rules every page must keep, checked on the Markdown sources and on the built site.

- every page exists in German (X.md) and English (X.en.md) with complete front matter;
- built pages show the summary box, the review date and a link into the Sources page;
- the guide has the same tabs and the same number of steps in both languages;
- form URLs live only in includes/links.md, and the checklist shows them as text;
- no page presents the deadline of 26 May 2025 as still ahead.

The fixture `built_site` (tests/conftest.py) builds the site strictly once per session.
Every assertion message names the file it is about.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, PAGES, ROOT, page_for, pages
from shortcodes import expand  # the same hook the build uses (conftest puts hooks/ on the path)
from site_data import links

INCLUDES = ROOT / "includes"
MAIN_FORMS = ("form-instagram", "form-facebook")


def rel(path) -> str:
    return str(path.relative_to(ROOT))


def form_links() -> dict:
    found = {key: url for key, url in links().items() if key.startswith("form-")}
    assert found, "includes/links.md: no form-* link references found"
    return found


# ---------------------------------------------------------------------------
# Pairs and front matter (Markdown sources)
# ---------------------------------------------------------------------------


def test_every_page_has_its_translation():
    german = {p.slug for p in pages("de")}
    english = {p.slug for p in pages("en")}
    missing_en = sorted(f"docs/{s}.en.md (twin of docs/{s}.md)" for s in german - english)
    missing_de = sorted(f"docs/{s}.md (twin of docs/{s}.en.md)" for s in english - german)
    assert not missing_en and not missing_de, f"missing translations: {missing_en + missing_de}"


@pytest.mark.parametrize("page", PAGES)
def test_front_matter(page):
    meta = page.front_matter()
    where = page.where
    assert isinstance(meta.get("title"), str) and meta["title"].strip(), f"{where}: front matter lacks a title"
    description = meta.get("description")
    assert isinstance(description, str) and description.strip(), f"{where}: front matter lacks a description"
    assert len(description) <= 160, f"{where}: description has {len(description)} characters (max. 160)"
    reviewed = meta.get("reviewed")
    assert isinstance(reviewed, datetime.date), f"{where}: 'reviewed' must be a date YYYY-MM-DD, got {reviewed!r}"


# ---------------------------------------------------------------------------
# Built pages
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_built_page_has_summary_date_and_sources(built_site, page):
    where = f"{page.where} (built: {page.built(built_site).relative_to(built_site)})"
    soup = page.soup(built_site)
    assert soup.select_one(".admonition.abstract"), f"{where}: no summary box (!!! abstract)"
    assert soup.select_one("p.reviewed time[datetime]"), f"{where}: no review date (p.reviewed time[datetime])"
    if page.slug == "quellen":
        entries = [tag for tag in soup.find_all(id=True) if re.fullmatch(r"s\d{2,3}|a\d{3}", tag["id"])]
        assert entries, f"{where}: the Sources page has no entries with ids like s01 or a001"
    else:
        assert soup.select_one('a[href*="quellen/#"]'), f"{where}: no link to an entry on the Sources page"


def _tab_steps(soup: BeautifulSoup):
    """For each tab set: a list with the number of top-level steps in each tab."""
    sets = []
    for tab_set in soup.select(".tabbed-set"):
        counts = []
        for block in tab_set.select(":scope > .tabbed-content > .tabbed-block"):
            # Top-level lists: ordered lists with no list between them and this block.
            lists = []
            for ol in block.find_all("ol"):
                parent = ol.parent
                while parent is not block and parent.name not in ("ol", "ul"):
                    parent = parent.parent
                if parent is block:
                    lists.append(ol)
            counts.append(sum(len(ol.find_all("li", recursive=False)) for ol in lists))
        sets.append(counts)
    return sets


def test_guide_tabs_match_across_languages(built_site):
    german_page, english_page = page_for("anleitung", "de"), page_for("anleitung", "en")
    german_src, english_src = german_page.where, english_page.where
    german = _tab_steps(german_page.soup(built_site))
    english = _tab_steps(english_page.soup(built_site))
    assert german, f"{german_src}: the guide has no tabs"
    assert len(german) == len(english), (
        f"{german_src} has {len(german)} tab sets, {english_src} has {len(english)}")
    for number, (de_counts, en_counts) in enumerate(zip(german, english), start=1):
        assert len(de_counts) == len(en_counts), (
            f"tab set {number}: {german_src} has {len(de_counts)} tabs, {english_src} has {len(en_counts)}")
        for tab, (de, en) in enumerate(zip(de_counts, en_counts), start=1):
            assert de == en, (
                f"tab set {number}, tab {tab}: {german_src} has {de} steps, {english_src} has {en}")
            assert de >= 3, f"tab set {number}, tab {tab}: {german_src} has only {de} steps (min. 3)"


# ---------------------------------------------------------------------------
# Form URLs
# ---------------------------------------------------------------------------


def _bare(url: str) -> str:
    """The URL without scheme, 'www.' and trailing slash, to catch every spelling of it."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").lower()


def test_form_urls_only_in_links_file():
    needles = {key: _bare(url) for key, url in form_links().items()}
    # Sources keep their own addresses (a mirror's URL may contain a form's address).
    files = sorted(DOCS.rglob("*.md")) + sorted(p for p in INCLUDES.rglob("*") if p.is_file() and p.name not in ("links.md", "sources.yml"))
    offences = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        offences += [f"{rel(path)}: contains the URL of [{key}]" for key, needle in needles.items() if needle in text]
    assert not offences, "type form URLs only in includes/links.md; use [text][key] or <!-- url:key -->:\n" + "\n".join(offences)


@pytest.mark.parametrize("page", [page_for("checkliste", "de"), page_for("checkliste", "en")])
def test_checklist_shows_form_urls(built_site, page):
    forms = form_links()
    shown = {a.get_text(strip=True) for a in page.soup(built_site).select("article a[href]")}
    for key in MAIN_FORMS:
        assert forms[key] in shown, f"{page.where}: the URL of [{key}] is not shown as visible link text"


# ---------------------------------------------------------------------------
# The deadline is in the past
# ---------------------------------------------------------------------------

# 26/27 May 2025 in the spellings pages use: "26. Mai", "26 May", "May 26", "26.05.2025", "26.5.".
DATE = r"(?:\b2[67]\.?\s+(?:Mai|May)\b|\bMay\s+2[67]\b|\b2[67]\.0?5\.(?:20)?(?:25)?)"
# Wording that presents the date as still ahead.
FUTURE = [
    r"\bnoch\s+bis\b",
    r"\b(?:hast|habt|haben\s+Sie|hat\s+man)\b[^.!?]*\bbis\b",
    r"\b(?:kannst|könnt|können|musst|müsst|müssen)\b[^.!?]*\bbis\b",
    r"\bbis\s+(?:zum\s+|spätestens\s+)?" + DATE + r"[^.!?]*\bwidersprechen\b",
    r"\bwidersprechen\b[^.!?]*\bbis\s+(?:zum\s+)?" + DATE,
    r"\bläuft\b[^.!?]*\b(?:ab|aus)\b",
    r"\bendet\b",
    r"\bwird\b[^.!?]*\benden\b",
    r"\bspätestens\b",
    r"\bZeit\s+bis\b",
    r"\bonly\s+until\b",
    r"\bhave\s+until\b",
    r"\bhas\s+until\b",
    r"\bends?\s+on\b",
    r"\bwill\s+end\b",
    r"\bexpires?\b",
    r"\bruns?\s+out\b",
    r"\b(?:can|must|need\s+to|have\s+to|should)\b[^.!?]*\b(?:until|by|before)\s+(?:the\s+)?" + DATE,
    r"\bdays?\s+left\b",
]
# Tense markers that put such a sentence in the past ("konntest bis …", "you could … until …").
PAST = (r"\b(?:war|waren|warst|hatte|hattest|hatten|konnte|konntest|konnten|musste|musstest|mussten|ging|galt|"
        r"lief|endete|vorbei|abgelaufen|verstrichen|gewesen|was|were|had|could|ended|passed|expired|over)\b")
# Always wrong, with or without a date ("Frist läuft", "Noch läuft die Frist").
ALWAYS = [r"frist\s+läuft", r"\bläuft\s+(?:die|eure|deine|Ihre)\s+\w*frist\b"]
# Quoted text is someone else's words (a source title, a quote), not the site's claim.
QUOTED = re.compile(r"„[^“”\n]{0,300}[“”]|“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"|‚[^‘’\n]{0,300}[‘’]|«[^»\n]{0,300}»|»[^«\n]{0,300}«")
SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[^\d\s.]\.)\s+")


def deadline_problems(text: str):
    """Sentences in `text` that present the deadline as ahead (quoted text is ignored)."""
    problems = []
    for block in QUOTED.sub(" ", text).splitlines():
        for sentence in SENTENCE_END.split(block):
            sentence = " ".join(sentence.split())
            if not sentence:
                continue
            if any(re.search(p, sentence, re.IGNORECASE) for p in ALWAYS):
                problems.append(sentence)
            elif (re.search(DATE, sentence, re.IGNORECASE)
                  and any(re.search(p, sentence, re.IGNORECASE) for p in FUTURE)
                  and not re.search(PAST, sentence, re.IGNORECASE)):
                problems.append(sentence)
    return problems


BLOCK_START = re.compile(r"\s*(?:[-*+]\s|\d+\.\s|#|!!!|\?\?\?|===|\[\^|\||---|<)")


def markdown_text(page) -> str:
    """The page's prose as the build sees it: dates filled in, one line per paragraph or list item."""
    raw = expand(page.text(), page.language, page.where)
    raw = re.sub(r"<!--.*?-->", " ", raw, flags=re.DOTALL)
    raw = re.sub(r"\]\([^)]*\)|\]\[[^\]]*\]|\[\^[^\]]*\]", "]", raw)  # link targets, footnote refs
    blocks, current = [], []
    for line in raw.splitlines():
        if not line.strip() or BLOCK_START.match(line):
            if current:
                blocks.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    blocks.append(" ".join(current))
    return "\n".join(blocks)


BLOCK_TAGS = ["p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
              "article", "header", "footer", "nav", "label", "summary", "details", "title", "figcaption", "br"]


def html_text(soup: BeautifulSoup) -> str:
    """Visible text of a built page, one line per block element; scripts and quotations removed."""
    for tag in soup(["script", "style", "svg", "q", "blockquote", "cite", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    meta = soup.find("meta", attrs={"name": "description"})
    return soup.get_text() + "\n" + (meta.get("content", "") if meta else "")


@pytest.mark.parametrize("page", PAGES)
def test_markdown_does_not_present_deadline_as_ahead(page):
    problems = deadline_problems(markdown_text(page))
    assert not problems, f"{page.where}: the deadline is past; reword: " + " | ".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_built_page_does_not_present_deadline_as_ahead(built_site, page):
    problems = deadline_problems(html_text(page.soup(built_site)))
    built = page.built(built_site).relative_to(built_site)
    assert not problems, f"{built} (from {page.where}): the deadline is past; reword: " + " | ".join(problems)


AHEAD = [
    "Du hast noch bis zum 26. Mai 2025 Zeit.",
    "You have until 26 May 2025.",
    "Du kannst bis zum 26. Mai 2025 widersprechen.",
    "Die Frist läuft am 26. Mai 2025 ab.",
    "Noch läuft die Widerspruchsfrist!",
    "Achtung: Frist läuft!",
    "The deadline ends on 26 May 2025.",
    "You can object until 26 May 2025.",
    "The objection period will end on May 26.",
    "Widersprich spätestens am 26.05.2025.",
    "Only until 26 May 2025: object now!",
]
PAST_WORDING = [
    "Bis zum 26. Mai 2025 konntest du mit voller Wirkung widersprechen.",
    "Die Frist am 26. Mai 2025 ist vorbei, aber du kannst weiterhin widersprechen.",
    "Until 26 May 2025 you could object with full effect.",
    "The deadline of 26 May 2025 has passed, but you can still object.",
    "Ein Widerspruch nach dem 26. Mai 2025 macht das nicht rückgängig.",
    "An objection made after 26 May 2025 does not undo that.",
    "LDI NRW, „Achtung, Widerspruchsfrist läuft aus!“ (20. Mai 2025)",
]


@pytest.mark.parametrize("sentence", AHEAD)
def test_detector_flags_deadline_as_ahead(sentence):
    assert deadline_problems(sentence), f"tests/test_content.py: detector missed {sentence!r}"


@pytest.mark.parametrize("sentence", PAST_WORDING)
def test_detector_accepts_past_wording(sentence):
    assert not deadline_problems(sentence), f"tests/test_content.py: detector wrongly flagged {sentence!r}"


@pytest.mark.parametrize("language", ["de", "en"])
def test_detector_accepts_site_notice(language):
    from site_data import strings

    text = expand(strings(language)["notice"], language, f"includes/strings/{language}.yml")
    assert not deadline_problems(text), f"includes/strings/{language}.yml: notice flagged: {deadline_problems(text)}"
