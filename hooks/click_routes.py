"""The click guide from data: includes/routes.yml (labels and routes), sentence patterns from
includes/strings/<lang>.yml (guide.patterns).

- `<!-- guide:routes -->` (docs/anleitung*.md) becomes one tab per route: numbered steps, the
  two ways to the form where a route forks, then the shared form steps.
- `<!-- label:KEY -->` anywhere becomes one label as the guide shows it (checklist, home page),
  and `<!-- guide:as_of -->` the month the labels were documented ("Mai 2025").
A label is written in the page's language with its known variants and, beside it, the same
label in every other language, marked with its `lang`. Where a language has no documented
label, the page describes the thing instead and says the label is not documented.
The build stops, naming the route and step, on an unknown label, pattern or position.
"""

import html
import re
import string

from mkdocs.exceptions import PluginError

from interface_strings import current_language, languages, strings
from shortcodes import format_day
from site_data import routes

GUIDE = re.compile(r"^<!--\s*guide:routes\s*-->$", re.MULTILINE)
AS_OF = re.compile(r"<!--\s*guide:as_of\s*-->")
LABEL = re.compile(r"<!--\s*label:([\w-]+)\s*-->")
# Placeholders in patterns and step texts: {target}, {where}, {under}, {answer}, {label:KEY}
PLACEHOLDER = re.compile(r"\{(\w+)(?::([\w-]+))?\}")


class Writer:
    """Renders labels and steps for one language."""

    def __init__(self, config, where):
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

    def step(self, step, device, context):
        if "text" in step:
            pattern = step["text"][self.language]
        else:
            patterns = self.guide["patterns"]
            if step.get("do") not in patterns:
                raise PluginError(f"{self.where}: {context}: unknown pattern '{step.get('do')}' (guide.patterns in includes/strings)")
            pattern = patterns[step["do"]][device]
        text, used = self.sentence(pattern, step, context)
        sources = [s for key in used for s in self.entry(key, context).get("sources", [])] + step.get("sources", [])
        return text + "".join(f"[^{s}]" for s in dict.fromkeys(sources))

    def steps(self, items, device, context, indent):
        pad = " " * indent
        return [f"{pad}1. {self.step(item, device, f'{context}, step {n}')}" for n, item in enumerate(items, 1)]

    def route(self, route):
        context = f"route '{route['id']}'"
        device = route["device"]
        title = route["title"][self.language]
        lines = [f'=== "{title}"', ""]
        lines += self.steps(route["steps"], device, context, 4)
        if route.get("ways"):
            lines += ["", f"    1. {self.guide['fork'][device]}", ""]
            for letter, way in zip(string.ascii_uppercase, route["ways"]):
                via = self.label(self.data["ways"][way["id"]]["via"], context, plain=True)
                heading = self.guide["way"].format(letter=letter) + f": {via}"
                lines += [f"        **{heading}**", ""]
                lines += self.steps(way["steps"], device, f"{context}, way {way['id']}", 8)
                lines += [""]
            lines += [f"        {self.guide['after_ways']}", ""]
        if route.get("then"):
            segment = self.data["segments"].get(route["then"])
            if segment is None:
                raise PluginError(f"{self.where}: {context}: unknown segment '{route['then']}'")
            lines += self.steps(segment, device, f"{context}, {route['then']}", 4)
        if route.get("note"):
            lines += ["", "    " + route["note"][self.language]]
        return "\n".join(lines)

    def routes(self):
        return "\n\n".join(self.route(route) for route in self.data["routes"])


def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    writer = Writer(config, f"docs/{page.file.src_uri}")
    markdown = GUIDE.sub(lambda m: writer.routes(), markdown)
    markdown = AS_OF.sub(lambda m: format_day(writer.data["as_of"], writer.language), markdown)
    return LABEL.sub(lambda m: writer.label(m.group(1), full=False), markdown)
