"""One render-blocking stylesheet per page instead of four, holding only the rules in use.

Material links main.css and palette.css, mkdocs.yml adds extra.css and share.css (and print.css):
each a request that blocks the first paint, and Material's stylesheets style every feature, colour
and writing direction it has, of which this site uses a fraction. So:

- every page links one file, assets/stylesheets/site.<hash>.css, made after the build from those
  four in their order, minified (rcssmin) and without the selectors that name a class, element,
  id or attribute value that no built page has and no script adds. What scripts add is read from
  the strings in them. Material's bundle names the classes of every feature it has, so a class
  from a script only counts if its component (the part before "__" or "--") is in a page, or is
  one of RUNTIME_ONLY, which only scripts create; the writing direction (dir) only comes from
  the template. Custom properties (--name) that nothing reads go too. Pages are written with a
  link to site.css and pointed at site.<hash>.css once the file, and so its name, exists;
- print.css gets media="print": the browser still fetches it, but never waits for it on screen.

The source files stay as they are (and are still copied to the site).
"""

import hashlib
import re
from pathlib import Path

import rcssmin
import tinycss2
from mkdocs.plugins import event_priority

JOINED = ("main", "palette", "extra", "share")  # file name stems, in the order pages link them
LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/(main\.\w+\.min|palette\.\w+\.min|extra|share)\.css">\s*')
SITE_CSS = re.compile(r"assets/stylesheets/site(?:\.[0-9a-f]+)?\.css")
WORD = re.compile(r"[A-Za-z_][\w-]*")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
# Classes only scripts create and that this site needs: the bundle's keyboard-focus marker and
# "js" on <html>, and the abbreviation tooltips (content.tooltips).
RUNTIME_ONLY = {"focus-visible", "js", "md-tooltip2"}
TEMPLATE_ONLY_ATTRIBUTES = {"dir"}
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
ATTRIBUTE = re.compile(r'\s([\w:-]+)(?:="([^"]*)")?(?=[\s>/])')
TAG = re.compile(r"<([a-zA-Z][\w-]*)")
VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")


def _one_link(html):
    """The four stylesheet links become one (at the first one's place); print.css waits for print."""
    first = LINK.search(html)
    if not first:
        return html
    html = html[: first.start()] + f'<link rel="stylesheet" href="{first.group(1)}assets/stylesheets/site.css">\n' + LINK.sub("", html[first.start():])
    return re.sub(r'(<link rel="stylesheet" href="[^"]*assets/stylesheets/print\.css")>', r'\1 media="print">', html)


def on_post_page(output, page, config):
    return _one_link(output)


def on_post_template(output_content, template_name, config):
    return _one_link(output_content) if template_name.endswith(".html") else output_content


def _component(name: str) -> str:
    return name.split("__")[0].split("--")[0]


class Usage:
    """Everything a selector could match: the classes, elements, ids and attributes of the built
    pages, and what the site's scripts add at run time."""

    def __init__(self, pages, scripts):
        self.names, self.values, self.template_values = set(), set(), set()
        for html in pages:
            self.names |= set(TAG.findall(html))
            for classes in CLASS_ATTRIBUTE.findall(html):
                self.names |= {"." + c for c in classes.split()}
            for name, value in ATTRIBUTE.findall(html):
                self.names.add("[" + name)
                self.values |= {value, *value.split()}
        self.template_values = set(self.values)
        components = {_component(n[1:]) for n in self.names if n.startswith(".")} | RUNTIME_ONLY
        for script in scripts:
            words = set(WORD.findall(" ".join(STRING.findall(script))))
            self.values |= words
            self.names |= words | {"[" + w for w in words}
            self.names |= {"." + w for w in words if _component(w) in components}

    def used(self, selector) -> bool:
        """False if the selector names something no page has and no script adds."""
        tokens = [t for t in selector if t.type not in ("whitespace", "comment")]
        previous = None
        for token in tokens:
            after = previous.value if previous is not None and previous.type == "literal" else None
            if token.type == "ident" and after == "." and "." + token.value not in self.names:
                return False
            if token.type == "ident" and after not in (".", ":", "::") and token.value.lower() not in self.names:
                return False
            if token.type == "hash" and token.value not in self.values:
                return False
            if token.type == "[] block" and not self._attribute_used(token.content):
                return False
            previous = token
        return True

    def _attribute_used(self, content) -> bool:
        parts = [t for t in content if t.type not in ("whitespace", "comment")]
        if not parts or parts[0].type != "ident" or "[" + parts[0].value not in self.names:
            return not parts or parts[0].type != "ident"
        # Only an exact [name=value] is checked; ^=, *= and the like are kept.
        if len(parts) >= 3 and parts[1].type == "literal" and parts[1].value == "=":
            values = self.template_values if parts[0].value in TEMPLATE_ONLY_ATTRIBUTES else self.values
            return parts[2].value in values
        return True


def _split_selectors(prelude):
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    return selectors + [current]


def _declarations(content, variables) -> str:
    """The rule's declarations without the custom properties (--name) that nothing reads."""
    if variables is None:
        return tinycss2.serialize(content)
    kept = [d for d in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
            if not (d.type == "declaration" and d.name.startswith("--") and d.name not in variables)]
    return ";".join(tinycss2.serialize([d]) for d in kept)


def purge(css: str, usage: Usage, variables=None) -> str:
    kept = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if usage.used(s)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(prelude + "{" + _declarations(rule.content, variables) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = purge(tinycss2.serialize(rule.content), usage, variables)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type != "error":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def _joined_stylesheet(sources, usage, scripts) -> str:
    joined = "\n".join(purge(sources[stem], usage) for stem in JOINED)
    # Variables the other stylesheets (print.css, letters.css) and the scripts read count as read.
    elsewhere = "".join(text for stem, text in sources.items() if stem not in (*JOINED, "site")) + "".join(scripts)
    variables = set(VARIABLE.findall(joined + elsewhere))
    while True:
        pruned = purge(joined, usage, variables)
        read = set(VARIABLE.findall(pruned + elsewhere))
        if read == variables:
            return rcssmin.cssmin(pruned)
        variables = read


_made = {}


@event_priority(-110)  # after mkdocs-static-i18n has built every language (it calls post_build per language)
def on_post_build(config):
    site = Path(config.site_dir)
    folder = site / "assets" / "stylesheets"
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    scripts = [p.read_text(encoding="utf-8") for p in (site / "assets" / "javascripts").glob("**/*.js")
               if "lunr" not in p.parts]
    usage = Usage(pages.values(), scripts)
    sources = {p.name.split(".")[0]: p.read_text(encoding="utf-8") for p in folder.glob("*.css")}
    # mkdocs-static-i18n calls post_build once per language, each time with every page built.
    key = hashlib.sha256(repr((sorted(sources.items()), sorted(usage.names), sorted(usage.values))).encode()).digest()
    if key not in _made:
        _made[key] = _joined_stylesheet(sources, usage, scripts)
    css = _made[key]
    # The name changes with the content, so a new build never meets a day-old copy in a cache.
    name = f"site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    for old in folder.glob("site.*.css"):
        old.unlink()
    (folder / name).write_text(css, encoding="utf-8")
    for path, html in pages.items():
        updated = SITE_CSS.sub(f"assets/stylesheets/{name}", html)
        if updated != html:
            path.write_text(updated, encoding="utf-8")
