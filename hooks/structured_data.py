"""JSON-LD for search engines, per page and per language.

- The home page of each language is a schema.org `WebSite`.
- Every other page is an `Article` whose `dateModified` is the page's `reviewed` date.
- The FAQ page is also a `FAQPage`. Its questions are the page's H2/H3 headings (only those
  ending in "?" if there are any), each answered by the first sentences of the text that follows
  it up to the next heading. So the FAQ author only writes Markdown; nothing here needs updating per question.

The template prints `structured_data` (a JSON string, safe inside <script>) in the head.
"""

import json
import logging
import re
from html.parser import HTMLParser

log = logging.getLogger("mkdocs.hooks.structured_data")

SCHEMA = "https://schema.org"
FAQ_PAGES = {"faq"}
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_stem(page) -> str:
    """'faq' for faq.md and faq.en.md, 'index' for the home pages."""
    name = page.file.src_uri.rsplit("/", 1)[-1]
    return re.sub(r"(\.[a-z]{2})?\.md$", "", name)


class _Sections(HTMLParser):
    """Split rendered page HTML into (heading level, id, heading text, following text)."""

    # Text inside these never belongs to an answer: permalinks, footnote markers, the footnote
    # list at the end of the page, and anything that isn't prose.
    def _skipped(self, tag, attrs):
        classes = (attrs.get("class") or "").split()
        return (
            tag in {"script", "style", "template", "svg", "sup"}
            or "headerlink" in classes
            or "footnote" in classes
        )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []  # [level, id, heading text parts, body text parts]
        self.in_heading = False
        self.skip_tag, self.skip_depth = None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag not in VOID and self._skipped(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in HEADINGS:
            self.sections.append([int(tag[1]), attrs.get("id"), [], []])
            self.in_heading = True
        elif tag in {"p", "li", "div", "br", "tr", "dt", "dd", "table", "ol", "ul"}:
            self._text(" ")

    def handle_endtag(self, tag):
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_tag = None
            return
        if tag in HEADINGS:
            self.in_heading = False

    def handle_data(self, data):
        if not self.skip_tag:
            self._text(data)

    def _text(self, data):
        if self.sections:
            self.sections[-1][2 if self.in_heading else 3].append(data)


def _clean(parts) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def faq_entries(content: str) -> list[tuple[str, str, str]]:
    """(id, question, answer) for each question heading in rendered page HTML."""
    parser = _Sections()
    parser.feed(content)
    parser.close()
    sections = [(level, ident, _clean(head), _clean(body)) for level, ident, head, body in parser.sections]
    candidates = [s for s in sections if s[0] in (2, 3) and s[1]]
    asked = [s for s in candidates if s[2].endswith("?")]
    if not asked and candidates:
        deepest = max(s[0] for s in candidates)
        asked = [s for s in candidates if s[0] == deepest]
    return [(ident, question, short(answer)) for _, ident, question, answer in asked if question and answer]


ANSWER_LENGTH = 320


def short(answer: str) -> str:
    """The answer's first sentences, up to about ANSWER_LENGTH characters: a search result shows a
    snippet, the page carries the whole answer, and the FAQ's HTML stays light."""
    if len(answer) <= ANSWER_LENGTH:
        return answer
    cut = max(answer.rfind(". ", 0, ANSWER_LENGTH), answer.rfind("? ", 0, ANSWER_LENGTH), answer.rfind("! ", 0, ANSWER_LENGTH))
    return answer[: cut + 1] if cut > 0 else answer[:ANSWER_LENGTH].rsplit(" ", 1)[0] + " …"


def _language_home(config) -> str:
    return config.site_url + config.plugins["i18n"].current_language_config.link.lstrip("/")


def build(page, config, image_url=None) -> dict:
    language = config.theme["language"]
    meta = page.meta or {}
    url = page.canonical_url
    description = meta.get("description") or config.site_description
    website = {
        "@type": "WebSite",
        "@id": _language_home(config) + "#website",
        "name": config.site_name,
        "url": _language_home(config),
        "description": config.site_description,
        "inLanguage": language,
    }
    stem = page_stem(page)
    if stem == "index":
        return {"@context": SCHEMA, **website}

    article = {
        "@type": "Article",
        "@id": url + "#article",
        "headline": meta.get("title") or page.title,
        "description": description,
        "inLanguage": language,
        "url": url,
        "mainEntityOfPage": url,
        "isPartOf": {"@id": website["@id"], "@type": "WebSite", "name": config.site_name, "url": website["url"]},
        "license": LICENSE,
    }
    if meta.get("reviewed"):
        article["dateModified"] = str(meta["reviewed"])
    if image_url:
        article["image"] = image_url
    graph = [article]

    if stem in FAQ_PAGES:
        entries = faq_entries(page.content or "")
        if entries:
            graph.append({
                "@type": "FAQPage",
                "@id": url + "#faq",
                "url": url,
                "inLanguage": language,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "@id": f"{url}#{ident}",
                        "name": question,
                        "acceptedAnswer": {"@type": "Answer", "text": answer},
                    }
                    for ident, question, answer in entries
                ],
            })
        else:
            log.info(f"{page.file.src_uri}: no question headings found, no FAQPage data written")
    return {"@context": SCHEMA, "@graph": graph}


def card_url(page, config):
    """Absolute URL of the page's social card, as the social plugin names it."""
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled or not config.site_url:
        return None
    path = page.file.dest_uri
    suffix = "/index.html" if config.use_directory_urls and not page.is_index else ".html"
    return config.site_url + social.config.cards_dir + "/" + path.replace(suffix, ".png")


def to_script_json(data: dict) -> str:
    """JSON that can't end the surrounding <script> element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def on_page_context(context, page, config, nav):
    context["structured_data"] = to_script_json(build(page, config, card_url(page, config)))
    return context
