"""The click guide from data: includes/routes.yml (labels and routes), sentence patterns from
includes/strings/<lang>.yml (guide.patterns).

- `<!-- guide:routes -->` (docs/anleitung*.md) becomes one tab per route: numbered steps, the
  two ways to the form where a route forks, then the shared form steps.
- `<!-- label:KEY -->` anywhere becomes one label as the guide shows it (checklist, home page),
  and `<!-- guide:as_of -->` the month the labels were documented ("Mai 2025").
A label is written in the page's language with its known variants and, beside it, the same
label in every other language, marked with its `lang`. Where a language has no documented
label, the page describes the thing instead and says the label is not documented.
Each step also gets a drawn picture of its screen (hooks/step_pictures.py), written as an SVG
file named by its content into assets/guide/ and loaded lazily; each tab opens with the way at a
glance, a chain of the labels to tap.
The build stops, naming the route and step, on an unknown label, pattern or position.
"""

import html
import re
import string
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import step_pictures
from interface_strings import current_language, languages, strings
from shortcodes import format_day
from site_data import links, routes

GUIDE = re.compile(r"^<!--\s*guide:routes\s*-->$", re.MULTILINE)
AS_OF = re.compile(r"<!--\s*guide:as_of\s*-->")
LABEL = re.compile(r"<!--\s*label:([\w-]+)\s*-->")
# Placeholders in patterns and step texts: {target}, {where}, {under}, {answer}, {label:KEY}
PLACEHOLDER = re.compile(r"\{(\w+)(?::([\w-]+))?\}")
PICTURES = "assets/guide"
# Generic icons the pictures can draw, by label key.
ICONS = {"menu": "menu", "gear": "gear", "profile_picture": "profile", "magnifier": "magnifier"}
# Every picture drawn in this build, by file name (written after the build).
_pictures = {}


class Writer:
    """Renders labels and steps for one language."""

    def __init__(self, config, where, page_url=""):
        self.page_url = page_url
        self.data = routes()
        self.language = current_language(config)
        self.others = [locale for locale in languages(config)[1] if locale != self.language]
        self.ui = strings(config)
        self.guide = self.ui["guide"]
        self.where = where

    def entry(self, key, context):
        if key not in self.data["labels"]:
            raise PluginError(f"{self.where}: {context} uses label '{key}', which includes/routes.yml does not define")
        return self.data["labels"][key]

    def names(self, entry, language):
        return entry.get(language) or []

    def emphasis(self, entry, name):
        marks = self.ui["quotes"]
        return f"{marks[0]}{name}{marks[1]}" if entry.get("style") == "quote" else f"**{name}**"

    def other_languages(self, entry, documented_only=False):
        """'<span class="label-other">englisch: <span lang="en">Settings &amp; Privacy</span></span>'"""
        chips = []
        for language in self.others:
            name = self.ui["language_names"][language]
            labels = self.names(entry, language)
            if labels:
                shown = f'<span lang="{language}">{html.escape(", ".join(labels))}</span>'
                chip = self.guide["other_language"].format(language=name, labels=shown)
            elif documented_only:
                continue
            else:
                chip = self.guide["other_language_unknown"].format(language=name)
            chips.append(f'<span class="label-other">{chip}</span>')
        return " ".join(chips)

    def label(self, key, context="a page", plain=False, full=True):
        """One label as Markdown: '**Info** (auch **Informationen**) <chip>'; plain: just the name.
        Outside the guide (full=False): no variants, and the other language only where this one
        has no label."""
        entry = self.entry(key, context)
        if "icon" in entry:
            return entry["icon"] if plain else f"**{entry['icon']}** ({entry['element'][self.language]})"
        if "element" in entry:
            return entry["element"][self.language]
        names = self.names(entry, self.language)
        if plain:
            return names[0] if names else entry["what"][self.language]
        if names and (not full or entry.get("style") == "quote"):
            return self.emphasis(entry, names[0])
        if names:
            shown = self.emphasis(entry, names[0])
            if len(names) > 1:
                others = self.guide["or"].join(self.emphasis(entry, n) for n in names[1:])
                shown = self.guide["variants"].format(label=shown, others=others)
        elif "what" in entry:
            shown = entry["what"][self.language]
        else:
            raise PluginError(f"{self.where}: label '{key}' has no '{self.language}' name and no 'what' to say instead")
        return f"{shown} {self.other_languages(entry, documented_only=not full)}"

    def sentence(self, pattern, step, context):
        """Fill a pattern's placeholders; return (text, label keys used)."""
        used = []

        def fill(match):
            name, key = match.groups()
            if name == "label":
                used.append(key)
                return self.label(key, context)
            if name == "where":
                position = step.get("where")
                if position and position not in self.guide["where"]:
                    raise PluginError(f"{self.where}: {context}: unknown position '{position}' (guide.where in includes/strings)")
                return self.guide["where"][position] if position else ""
            if name not in step:
                raise PluginError(f"{self.where}: {context}: the pattern needs '{name}', the step has none")
            used.append(step[name])
            return self.label(step[name], context)

        return PLACEHOLDER.sub(fill, pattern), used

    def name(self, key):
        """The label as the screen shows it in this language, or None where undocumented."""
        names = self.names(self.entry(key, "a picture"), self.language)
        return names[0] if names else None

    def screen(self, step, device):
        """What the reader sees at this step, for step_pictures.draw()."""
        if "screen" in step:
            screen = dict(step["screen"])
            for field in ("label", "heading", "question"):  # label keys: the name in this language
                if field in screen:
                    screen[field] = self.name(screen[field])
            if "link" in screen:
                screen["address"] = re.sub(r"^https?://(www\.)?", "", links()[screen.pop("link")])
            return screen
        do, target = step.get("do"), step.get("target")
        if do == "press" and target in ICONS:
            return {"kind": "bar", "icon": ICONS[target], "where": step.get("where")}
        if do == "press" and step.get("where") == "left_column" and device == "browser":
            return {"kind": "sidebar", "label": self.name(target)}
        if do in ("press", "scroll_press", "scroll_press_under"):
            under = self.name(step["under"]) if step.get("under") else None
            return {"kind": "list", "label": self.name(target), "scroll": do != "press", "heading": under}
        if do == "find":
            return {"kind": "find", "label": self.name(target), "term": self.name("search_term")}
        if do in ("press_link", "press_link_under"):
            return {"kind": "link", "label": self.name(target), "heading": self.name(step["under"]) if step.get("under") else None}
        if do == "answer":
            return {"kind": "question", "question": self.name(target), "label": self.name(step["answer"])}
        if do == "fill":
            return {"kind": "fields"}
        if do == "submit":
            return {"kind": "submit", "label": self.name(target)}
        raise PluginError(f"{self.where}: no picture for step {step} (add a `screen:` to it in includes/routes.yml)")

    def picture(self, step, device, caption):
        """The step's picture beside it; printed instead in the route's grid (see route())."""
        svg = step_pictures.draw(self.screen(step, device), device)
        name = step_pictures.file_name(svg)
        _pictures[name] = svg
        width, height = step_pictures.PHONE if device == "app" else step_pictures.BROWSER
        src = get_relative_url(f"{PICTURES}/{name}", self.page_url)
        # The step's text says everything the picture shows, so the picture has an empty alt.
        tag = f'src="{src}" width="{width}" height="{height}" alt="" loading="lazy" decoding="async"'
        self.printed.append(f'<span class="route-picture"><img {tag}><span>{caption}</span></span>')
        return f'<img class="step-picture step-picture--{device}" {tag}>'

    def chain_name(self, key):
        """A label in the overview chain: the page's language, else another's, marked with its lang."""
        entry = self.entry(key, "the overview")
        if "icon" in entry:
            return entry["icon"]
        if "element" in entry:
            bold = re.search(r"\*\*(.+?)\*\*", entry["element"][self.language])
            return bold.group(1) if bold else entry["element"][self.language]
        own = self.names(entry, self.language)
        if own:
            return html.escape(own[0])
        for language in self.others:
            if self.names(entry, language):
                return f'<span lang="{language}">{html.escape(self.names(entry, language)[0])}</span>'
        return html.escape(entry["what"][self.language])

    def chain(self, steps):
        ordered = [step.get("answer") if step.get("do") == "answer" else step.get("target") for step in steps]
        names = [self.chain_name(key) for key in ordered if key]
        count = self.guide["step_count"].format(count=len(steps))
        return " › ".join(names) + f' <span class="route-overview__count">({count})</span>'

    def overview(self, route):
        """The whole way at a glance, per way where the route forks."""
        end = self.data["segments"].get(route.get("then"), [])
        intro = f'<span class="route-overview__title">{self.guide["overview"]}</span>'
        if not route.get("ways"):
            lines = [f'{intro} {self.chain(route["steps"] + end)}']
        else:
            lines = [intro] + [f"<strong>{self.guide['way'].format(letter=letter)}:</strong> "
                               f"{self.chain(route['steps'] + way['steps'] + end)}"
                               for letter, way in zip(string.ascii_uppercase, route["ways"])]
        # A Markdown paragraph with a class (attr_list): raw <p> isn't recognised inside a tab.
        return "<br>\n    ".join(lines) + "\n    { .route-overview }"

    def step(self, step, device, context, caption):
        if "text" in step:
            pattern = step["text"][self.language]
        else:
            patterns = self.guide["patterns"]
            if step.get("do") not in patterns:
                raise PluginError(f"{self.where}: {context}: unknown pattern '{step.get('do')}' (guide.patterns in includes/strings)")
            pattern = patterns[step["do"]][device]
        text, used = self.sentence(pattern, step, context)
        sources = [s for key in used for s in self.entry(key, context).get("sources", [])] + step.get("sources", [])
        return text + "".join(f"[^{s}]" for s in dict.fromkeys(sources)) + self.picture(step, device, caption)

    def steps(self, items, device, context, indent, first=1, way=""):
        """Numbered list lines; captions for the printed pictures as the list numbers them ("5", "A b")."""
        pad = " " * indent
        lines = []
        for n, item in enumerate(items, first):
            caption = f"{way} {string.ascii_lowercase[n - 1]}" if way else str(n)
            lines.append(f"{pad}1. {self.step(item, device, f'{context}, step {n}', caption)}")
        return lines

    def route(self, route):
        context = f"route '{route['id']}'"
        device = route["device"]
        title = route["title"][self.language]
        self.printed = []
        lines = [f'=== "{title}"', "", "    " + self.overview(route), ""]
        lines += self.steps(route["steps"], device, context, 4)
        number = len(route["steps"]) + 1
        if route.get("ways"):
            lines += ["", f"    1. {self.guide['fork'][device]}", ""]
            for letter, way in zip(string.ascii_uppercase, route["ways"]):
                via = self.label(self.data["ways"][way["id"]]["via"], context, plain=True)
                heading = self.guide["way"].format(letter=letter) + f": {via}"
                lines += [f"        **{heading}**", ""]
                lines += self.steps(way["steps"], device, f"{context}, way {way['id']}", 8, way=letter)
                lines += [""]
            lines += [f"        {self.guide['after_ways']}", ""]
            number += 1
        if route.get("then"):
            segment = self.data["segments"].get(route["then"])
            if segment is None:
                raise PluginError(f"{self.where}: {context}: unknown segment '{route['then']}'")
            lines += self.steps(segment, device, f"{context}, {route['then']}", 4, first=number)
        if route.get("note"):
            lines += ["", "    " + route["note"][self.language]]
        # Printed, the pictures sit in one compact grid per route instead of beside each step
        # (a paragraph with a class: raw block HTML isn't recognised inside a tab).
        lines += ["", "    " + "".join(self.printed), f"    {{ .route-pictures .route-pictures--{device} }}"]
        return "\n".join(lines)

    def routes(self):
        note = self.guide["pictures_note"].format(as_of=format_day(self.data["as_of"], self.language))
        return f'<p class="pictures-note">{note}</p>\n\n' + "\n\n".join(self.route(route) for route in self.data["routes"])


def missing_languages(data, locales):
    """Every piece of the route data that lacks a language, as 'where: what' lines."""
    gaps = []

    def need(value, where):
        gaps.extend(f"{where} has no '{locale}'" for locale in locales if not isinstance(value, dict) or locale not in value)

    for key, entry in data["labels"].items():
        where = f"label '{key}'"
        for field in ("what", "element"):
            if field in entry:
                need(entry[field], f"{where} {field}")
        if "element" not in entry:
            # An empty list says "not documented in this language"; a missing key is an oversight.
            gaps.extend(f"{where} has no '{locale}' list (write {locale}: [] if no label is documented)"
                        for locale in locales if locale not in entry)
            # Where a language has no label, the page describes the thing instead ('what').
            gaps.extend(f"{where} has no '{locale}' label and no 'what' in '{locale}'"
                        for locale in locales if locale in entry and not entry[locale]
                        and not (entry.get("what") or {}).get(locale))
    for route in data["routes"]:
        where = f"route '{route['id']}'"
        need(route["title"], f"{where} title")
        if "note" in route:
            need(route["note"], f"{where} note")
        steps = route["steps"] + [s for way in route.get("ways", []) for s in way["steps"]]
        for number, step in enumerate(steps, 1):
            if "text" in step:
                need(step["text"], f"{where} step {number} text")
    return gaps


def on_config(config):
    gaps = missing_languages(routes(), languages(config)[1])
    if gaps:
        raise PluginError("includes/routes.yml: " + "; ".join(gaps[:10]) + (" …" if len(gaps) > 10 else ""))
    return config


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    writer = Writer(config, f"docs/{page.file.src_uri}", page.url)
    markdown = GUIDE.sub(lambda m: writer.routes(), markdown)
    markdown = AS_OF.sub(lambda m: format_day(writer.data["as_of"], writer.language), markdown)
    return LABEL.sub(lambda m: writer.label(m.group(1), full=False), markdown)


def on_post_build(config):
    """Write the pictures drawn for this language's guide (the i18n plugin builds into one site)."""
    folder = Path(config.site_dir) / PICTURES
    folder.mkdir(parents=True, exist_ok=True)
    for name, svg in _pictures.items():
        (folder / name).write_text(svg, encoding="utf-8")
