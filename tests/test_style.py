"""House style, kept by the build (issue 10): spelling and typography of every built page.

- Spelling: Debian's hunspell with its German and English dictionaries checks each page in its
  own language (parts marked with another `lang` in that language's dictionary), plus the
  project word lists tests/words.de.txt and tests/words.en.txt (names, interface labels, legal
  terms). Quoted text is a source's own words and is not checked.
- Typography: no straight quotation marks in prose, no numeric dates (26.05.2025), no doubled
  punctuation after bold text ("?." or ".."), and the quotation marks of the page's language.
- One spelling per term (tests/terms.yml), and the same numbers in both languages of a page.
"""

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PAGES, pages

HERE = Path(__file__).resolve().parent
DICTIONARIES = {"de": "de_DE", "en": "en_GB"}
QUOTES = {"de": ("„", "“"), "en": ("“", "”")}
# Quoted passages in any style: a source's own words, not ours.
QUOTED = re.compile(r"„[^“”\n]*[“”]|“[^”\n]*”|‚[^‘’\n]*[‘’]|‘[^’\n]*’(?!\w)|«[^»\n]*»")


def prose(site: Path, page):
    """{language: text} of a built page's article, one line per block; code and scripts removed."""
    html = page.soup(site)
    article = html.select_one("article")
    # Footnote markers are numbers that would stick to the word before them ("2025.1"); the
    # printed picture grid (hidden on screen) only holds step numbers.
    for tag in article(["script", "style", "code", "pre", "svg", "kbd", "sup"]) + article.select(".route-pictures"):
        tag.decompose()
    for tag in article.find_all(["p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "summary", "div", "br",
                                 "figcaption", "label", "option", "legend"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    language = page.language
    parts = {language: []}
    for part in article.select("[lang]"):
        parts.setdefault(part["lang"], []).append(part.get_text(" "))
        part.replace_with(" ")
    # The tags beside menu labels ("Englisch: …") are furniture around another language's words.
    for tag in article.select(".label-other"):
        tag.decompose()
    parts[language].append(article.get_text(""))
    return {lang: "\n".join(texts) for lang, texts in parts.items()}


@pytest.fixture(scope="module")
def texts(built_site):
    return {page: prose(built_site, page) for page in PAGES}


# --- Spelling --------------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Web addresses and host names are not words ("kurier.at", "www.test.de/…").
ADDRESS = re.compile(r"\b(?:https?://)?(?:[\w-]+\.)+(?:de|at|ch|li|com|org|net|eu|info|be|nl|is|no|it|ie|pk|co|ai|uk|fr|dev|app|news)\b\S*")


def misspelled(text: str, language: str) -> set:
    if not shutil.which("hunspell"):
        pytest.fail("hunspell not found: install Debian's hunspell, hunspell-de-de and hunspell-en-gb (./scripts/test does this as root)")
    # One word per line: hunspell reads long lines in chunks and would split words at the seams.
    words = "\n".join(WORD.findall(ADDRESS.sub(" ", QUOTED.sub(" ", text))))
    result = subprocess.run(["hunspell", "-d", DICTIONARIES[language], "-p", str(HERE / f"words.{language}.txt"), "-l"],
                            input=words, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("page", PAGES)
def test_spelling(texts, page):
    problems = {lang: sorted(misspelled(text, lang)) for lang, text in texts[page].items() if lang in DICTIONARIES}
    problems = {lang: words for lang, words in problems.items() if words}
    assert not problems, (f"{page.where}: unknown words {problems}; correct them, or add real names and terms "
                          "to tests/words.<lang>.txt")


def test_spell_checker_finds_a_typo():
    assert misspelled("Der Widerspruch wirkt für die Zukumft.", "de") == {"Zukumft"}
    assert misspelled("The objection works for the futrue.", "en") == {"futrue"}


# --- Typography ------------------------------------------------------------------------------

NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\b")
DOUBLED = re.compile(r"[?!]\s*[.,;:]|[.,;:]\s*\.(?!\.)|\.\s*[,;:]")
STRAIGHT = re.compile(r"\"|(?<!\w)'(?=\w)")


def typography_problems(text: str, language: str):
    problems = []
    unquoted = QUOTED.sub("“”", text)
    for line in text.splitlines():
        if STRAIGHT.search(line):
            problems.append(f"straight quotation mark: {line.strip()[:90]!r}")
    for line in unquoted.splitlines():
        for match in NUMERIC_DATE.finditer(line):
            problems.append(f"numeric date {match.group(0)!r}: {line.strip()[:90]!r}")
        for match in DOUBLED.finditer(line):
            problems.append(f"doubled punctuation {match.group(0)!r}: {line.strip()[:90]!r}")
    wrong = {"de": "“", "en": "„"}[language]
    for match in re.finditer(re.escape(wrong) + r"\w", text):
        problems.append(f"{wrong} opens a quotation in {language}: {text[max(0, match.start() - 30):match.end() + 30]!r}")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_typography(texts, page):
    language = page.language
    problems = typography_problems(texts[page][language], language)
    assert not problems, f"{page.where}:\n  " + "\n  ".join(problems[:8])


@pytest.mark.parametrize("sentence, language", [
    ('Sie schreibt "anonymisiert".', "de"),
    ("Am 26.05.2025 war Schluss.", "de"),
    ("Tippe auf Senden?.", "de"),
    ("He said “yes”..", "en"),
    ("Meta calls it „AI at Meta“.", "en"),
])
def test_typography_check_finds_problems(sentence, language):
    assert typography_problems(sentence, language), f"missed: {sentence!r}"


def test_typography_check_accepts_house_style():
    assert not typography_problems("Die Frist am 26. Mai 2025 ist vorbei, z. B. laut „Quelle“. Art. 21 gilt.", "de")
    assert not typography_problems("Meta's form says “yes”. Users’ posts, as of 2025.", "en")


# --- Terms and numbers -----------------------------------------------------------------------


def terms():
    return yaml.safe_load((HERE / "terms.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES)
def test_one_spelling_per_term(texts, page):
    language = page.language
    text = QUOTED.sub(" ", texts[page][language])
    wrong = [f"{avoid!r} (write {term['use']!r})" for term in terms()[language] for avoid in term["not"]
             if re.search(r"(?<![\w-])" + re.escape(avoid) + r"(?![\w-])", text)]
    assert not wrong, f"{page.where}: {', '.join(wrong)} (tests/terms.yml)"


NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?")


def numbers(text: str) -> Counter:
    return Counter(n.replace(",", ".") for n in NUMBER.findall(QUOTED.sub(" ", text)))


@pytest.mark.parametrize("german", pages("de"))
def test_both_languages_use_the_same_numbers(texts, german):
    english = german.twin("en")
    de, en = numbers(texts[german]["de"]), numbers(texts[english]["en"])
    assert de == en, (f"{german.where} and {english.where} differ in numbers: only German {dict(de - en)}, "
                      f"only English {dict(en - de)} (write numbers the same way in both)")


# --- Link texts ------------------------------------------------------------------------------

# Link texts that say nothing about where they lead (Lighthouse's link-text audit, WCAG 2.4.4).
VAGUE = {"de": {"mehr", "mehr dazu", "hier", "weiter", "so geht es", "link", "klick hier"},
         "en": {"more", "here", "click here", "read more", "learn more", "how", "this", "link"}}


@pytest.mark.parametrize("page", PAGES)
def test_link_texts_say_where_they_lead(built_site, page):
    article = page.soup(built_site).select_one("article")
    vague = [a.get_text(strip=True) for a in article.select("a[href]")
             if a.get_text(strip=True).lower() in VAGUE[page.language]]
    assert not vague, f"{page.where}: links with vague text {vague}; say where they lead"
