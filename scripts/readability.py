"""Readability per page: Amstad's Flesch for German, Flesch reading ease for English.

Run it with ./scripts/readability (not a test: it measures, it doesn't judge). It builds the site
into a temporary folder, takes each page's prose (the article without footnotes, code, the
"In short" title, tables of addresses, the other language's labels and the easy-read pages'
source lists, which like footnotes quote other people's titles), and prints a table:

- German:  Amstad = 180 − ASL − 58.5 × ASW
- English: Flesch reading ease = 206.835 − 1.015 × ASL − 84.6 × ASW
  (ASL: words per sentence; ASW: syllables per word, counted with Pyphen's hyphenation
  dictionaries, the method textstat uses.) Higher is easier; 60–70 is plain language,
  80 and more is easy.

Options: --pages REGEX limits the pages; --longest N also lists each page's N longest sentences.
"""

import argparse
import re
import sys
import tempfile
from pathlib import Path

import pyphen
from bs4 import BeautifulSoup

from site_build import ROOT, build_site

FORMULA = {
    "de": ("Amstad", lambda asl, asw: 180 - asl - 58.5 * asw),
    "en": ("Flesch", lambda asl, asw: 206.835 - 1.015 * asl - 84.6 * asw),
}
HYPHENATION = {"de": "de_DE", "en": "en_GB"}
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence ends at . ! ? : followed by a space and a capital or digit, or at a line end.
# Abbreviations with a full stop ("z. B.", "Art.", "Abs.") don't end one.
ABBREVIATIONS = re.compile(r"\b(?:z|B|Art|Abs|lit|Nr|bzw|ca|etc|e\.g|i\.e|Az|vs|S|St|Dr)\.\s", re.IGNORECASE)


def prose(path: Path) -> str:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    article = html.select_one("article")
    for selector in ("script", "style", "code", "pre", "svg", ".footnote", ".sources-list", "sup", ".admonition-title", "table",
                     ".label-other", ".reviewed", ".headerlink", ".tabbed-labels", ".share", ".print-qr", "form",
                     ".letter-text", ".letter-form", ".letter-tools"):
        for tag in article.select(selector):
            tag.decompose()
    for tag in article.find_all(["p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "div", "summary", "figcaption"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return article.get_text("")


def sentences(text: str):
    for block in text.splitlines():
        block = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "·"), " ".join(block.split()))
        for sentence in re.split(r"(?<=[.!?:])\s+(?=[„“\"(]?[A-ZÄÖÜ0-9])", block):
            words = WORD.findall(sentence)
            if words:
                yield sentence.replace("·", "."), words


def score(text: str, language: str):
    dictionary = pyphen.Pyphen(lang=HYPHENATION[language])
    found = list(sentences(text))
    words = [w for _, ws in found for w in ws]
    if not words:
        return None
    syllables = sum(max(1, len(dictionary.positions(w.replace("-", ""))) + 1) for w in words)
    asl, asw = len(words) / len(found), syllables / len(words)
    longest = sorted(found, key=lambda s: -len(s[1]))
    return {"score": FORMULA[language][1](asl, asw), "asl": asl, "asw": asw, "sentences": len(found),
            "words": len(words), "longest": longest}


def pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        language = "en" if relative == "en" or relative.startswith("en/") else "de"
        yield ("/" if relative == "." else f"/{relative}/"), language, path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="only pages whose path matches this regular expression")
    parser.add_argument("--longest", type=int, default=0, help="list each page's N longest sentences")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="meta-ki-readability-") as tmp:
        site = Path(tmp) / "site"
        result = build_site(ROOT, site, "https://meta-ki.example.org/", strict=False)
        if result.returncode:
            sys.exit(f"build failed:\n{result.stderr[-3000:]}")
        print(f"{'page':<28} {'index':>12} {'score':>6} {'words/sentence':>15} {'syllables/word':>15} {'longest':>8}")
        for url, language, path in pages(site):
            if args.pages and not re.search(args.pages, url):
                continue
            result = score(prose(path), language)
            if result is None:
                continue
            name = FORMULA[language][0]
            print(f"{url:<28} {name:>12} {result['score']:6.0f} {result['asl']:15.1f} {result['asw']:15.2f} "
                  f"{len(result['longest'][0][1]):8d}")
            for sentence, words in result["longest"][: args.longest]:
                print(f"    {len(words):3d} words: {sentence[:150]}")


if __name__ == "__main__":
    main()
