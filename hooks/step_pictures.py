"""Schematic pictures of the screen a reader is on, one per step of the click guide.

Not a hook: hooks/click_routes.py describes each step's screen with `screen()` and gets the SVG
from `draw()`. The drawing is deliberately plain: a phone (app routes) or a browser window
(browser routes) with only what helps to find the way: the top bar, the list around the target,
the search field, the form's fields. The target is highlighted, carries its label in the page's
language (as real <text>, so a changed label changes the picture) and a tap marker (a fingertip
on phones, a pointer in browsers). Everything else is a neutral bar: we draw no label that our
sources don't give, no logo and no icon of Meta's, only generic shapes in our colours.
Colours are presentation attributes, not CSS, so the header CSP on the SVG file blocks nothing.
"""

import hashlib
import html

# One look for every picture.
PHONE = (180, 225)
BROWSER = (240, 160)
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
INK = "#1f2a2e"          # text
FRAME = "#5c686d"        # device outline
CHROME = "#eef1f2"       # bars around the content
NEUTRAL = "#d3d9dc"      # stand-ins for entries we don't name
TARGET_FILL = "#dcf0f2"  # highlighted target
ACCENT = "#0b5563"       # outline of the target and the marker (the site's brand colour)
SIZE = 11                # type size in the picture's own units (shown at 1:1 on wide screens)
CHAR = 0.66              # average width of a bold character, in em, for wrapping (generous)


def wrap(text, width, size=SIZE, lines=3):
    """Split a label into lines that fit `width`; long words are not cut."""
    limit = max(6, int(width / (size * CHAR)))
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    return out if len(out) <= lines else out[: lines - 1] + [" ".join(out[lines - 1:])]


def fitting(text, width, size=SIZE, smallest=8.5):
    """The type size at which the label's longest word fits the width (never below `smallest`)."""
    longest = max((len(word) for word in text.split()), default=1)
    return max(smallest, min(size, round(width / (longest * CHAR), 1)))


class Canvas:
    def __init__(self, device):
        self.device = device
        self.width, self.height = PHONE if device == "app" else BROWSER
        self.parts = []

    def add(self, element):
        self.parts.append(element)

    def rect(self, x, y, w, h, fill, r=3, stroke=None, width=1.5):
        outline = f' stroke="{stroke}" stroke-width="{width}"' if stroke else ""
        self.add(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{r:g}" fill="{fill}"{outline}/>')

    def bar(self, x, y, w, h=7):
        self.rect(x, y, w, h, NEUTRAL, r=h / 2)

    def text(self, x, y, lines, size=SIZE, weight=600, anchor="start"):
        spans = "".join(f'<tspan x="{x:g}" dy="{0 if i == 0 else size * 1.25:g}">{html.escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        self.add(f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
                 f'fill="{INK}" text-anchor="{anchor}">{spans}</text>')

    def marker(self, x, y):
        """A fingertip on a phone, a mouse pointer in a browser."""
        if self.device == "app":
            self.add(f'<circle cx="{x:g}" cy="{y:g}" r="11" fill="none" stroke="{ACCENT}" stroke-width="1.5" stroke-opacity="0.55"/>')
            self.add(f'<circle cx="{x:g}" cy="{y:g}" r="6" fill="{ACCENT}"/>')
        else:
            self.add(f'<path d="M{x:g} {y:g}l0 13 3.4-3.1 2.6 5.6 2.3-1-2.6-5.5 4.6-.3z" fill="{INK}" '
                     'stroke="#ffffff" stroke-width="1" stroke-linejoin="round"/>')

    def target(self, x, y, w, label, min_height=22):
        """A highlighted entry with its label (or without, where no label is documented)."""
        size = fitting(label, w - 36) if label else SIZE
        lines = wrap(label, w - 36, size) if label else []
        h = max(min_height, 10 + len(lines) * size * 1.25)
        self.rect(x, y, w, h, TARGET_FILL, r=5, stroke=ACCENT)
        if lines:
            self.text(x + 8, y + 5 + size, lines, size=size)
        else:
            self.rect(x + 8, y + h / 2 - 3.5, min(60, w - 40), 7, "#a9c9ce", r=3.5)
        self.marker(x + w - 14, y + h / 2)
        return h

    def svg(self):
        body = "".join(self.parts)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
                f'width="{self.width}" height="{self.height}">{body}</svg>')


# --- Frames ------------------------------------------------------------------------------------

def phone(canvas):
    """Outline, a screen, and the content area (x, y, w, h)."""
    canvas.rect(2, 2, 176, 221, "#f7f8f9", r=20, stroke=FRAME, width=2)
    canvas.rect(78, 6, 24, 4, FRAME, r=2)
    canvas.rect(8, 14, 164, 203, "#ffffff", r=6)
    return 8, 14, 164, 203


def browser(canvas, address=""):
    canvas.rect(2, 2, 236, 156, "#f7f8f9", r=8, stroke=FRAME, width=2)
    for i in range(3):
        canvas.add(f'<circle cx="{12 + i * 9}" cy="12" r="3" fill="{NEUTRAL}"/>')
    canvas.rect(42, 5, 188, 14, "#ffffff", r=7, stroke="#c5cdd0", width=1)
    if address:
        canvas.text(50, 15.5, [address], size=9, weight=400)
    canvas.rect(3, 23, 234, 134, "#ffffff", r=0)
    return 3, 23, 234, 134


def frame(canvas, address=""):
    return phone(canvas) if canvas.device == "app" else browser(canvas, address)


# --- Icons (generic shapes) --------------------------------------------------------------------

def icon(canvas, kind, cx, cy, colour=FRAME):
    if kind == "menu":
        for dy in (-4, 0, 4):
            canvas.rect(cx - 6, cy + dy - 1, 12, 2, colour, r=1)
    elif kind == "gear":
        canvas.add(f'<circle cx="{cx}" cy="{cy}" r="5.5" fill="none" stroke="{colour}" stroke-width="2.6" '
                   'stroke-dasharray="2.4 1.9"/>')
        canvas.add(f'<circle cx="{cx}" cy="{cy}" r="3" fill="none" stroke="{colour}" stroke-width="1.6"/>')
    elif kind == "magnifier":
        canvas.add(f'<circle cx="{cx - 1.5}" cy="{cy - 1.5}" r="4.5" fill="none" stroke="{colour}" stroke-width="1.8"/>')
        canvas.add(f'<path d="M{cx + 1.8} {cy + 1.8}l4 4" stroke="{colour}" stroke-width="2" stroke-linecap="round"/>')
    elif kind == "profile":
        canvas.add(f'<circle cx="{cx}" cy="{cy}" r="7" fill="{NEUTRAL}" stroke="{colour}" stroke-width="1.2"/>')
        canvas.add(f'<circle cx="{cx}" cy="{cy - 2}" r="2.6" fill="{colour}"/>')
        canvas.add(f'<path d="M{cx - 4.5} {cy + 5}a4.5 4 0 0 1 9 0" fill="{colour}"/>')
    else:
        canvas.add(f'<circle cx="{cx}" cy="{cy}" r="5" fill="{NEUTRAL}"/>')


# --- Screens -----------------------------------------------------------------------------------
# Each takes the canvas and the screen description from click_routes.Writer.screen().

def top_bar(canvas, x, y, w, icons=("neutral", "neutral"), highlight=None):
    """An app's or page's header: a neutral title and icons at the right; `highlight` is the
    index of the icon to mark."""
    canvas.rect(x, y, w, 26, CHROME, r=0)
    canvas.bar(x + 10, y + 9.5, 46)
    for i, kind in enumerate(reversed(icons)):
        cx = x + w - 14 - i * 22
        if highlight == len(icons) - 1 - i:
            canvas.add(f'<circle cx="{cx}" cy="{y + 13}" r="10" fill="{TARGET_FILL}" stroke="{ACCENT}" stroke-width="1.5"/>')
            icon(canvas, kind, cx, y + 13, colour=INK)
            canvas.marker(cx - 8, y + 30) if canvas.device == "app" else canvas.marker(cx + 2, y + 17)
        else:
            icon(canvas, kind, cx, y + 13)
    return y + 26


def filler_lines(canvas, x, y, w, bottom, gap=14, start=0):
    widths = (0.86, 0.7, 0.92, 0.6, 0.8, 0.74)
    i = start
    while y + 7 <= bottom:
        canvas.bar(x, y, w * widths[i % len(widths)])
        y += gap
        i += 1


def draw_bar(canvas, screen):
    x, y, w, h = frame(canvas)
    where, kind = screen.get("where"), screen["icon"]
    if where == "bottom_right":
        top_bar(canvas, x, y, w)
        filler_lines(canvas, x + 10, y + 40, w - 20, y + h - 40)
        canvas.rect(x, y + h - 28, w, 28, CHROME, r=0)
        for i in range(4):
            icon(canvas, "neutral", x + 16 + i * 28, y + h - 14)
        cx, cy = x + w - 18, y + h - 14
        canvas.add(f'<circle cx="{cx}" cy="{cy}" r="10" fill="{TARGET_FILL}" stroke="{ACCENT}" stroke-width="1.5"/>')
        icon(canvas, kind, cx, cy, colour=INK)
        canvas.marker(cx - 8, cy - 16) if canvas.device == "app" else canvas.marker(cx, cy)
        return
    if where == "top_right":
        below = top_bar(canvas, x, y, w, ("neutral", kind), highlight=1)
    else:
        # No position in our sources: the icon sits alone in a bar, so the picture claims none.
        canvas.rect(x, y, w, 26, CHROME, r=0)
        cx = x + w / 2
        canvas.add(f'<circle cx="{cx}" cy="{y + 13}" r="10" fill="{TARGET_FILL}" stroke="{ACCENT}" stroke-width="1.5"/>')
        icon(canvas, kind, cx, y + 13, colour=INK)
        canvas.marker(cx - 8, y + 30) if canvas.device == "app" else canvas.marker(cx + 2, y + 17)
        below = y + 26
    if screen.get("profile"):
        icon(canvas, "profile", x + 26, below + 22)
        canvas.bar(x + 42, below + 19, 50)
        below += 30
    filler_lines(canvas, x + 10, below + 16, w - 20, y + h - 10)


def draw_list(canvas, screen):
    x, y, w, h = frame(canvas)
    row_x, row_w = x + 8, w - 16
    cursor = top_bar(canvas, x, y, w) + 10
    if screen.get("scroll"):
        # Scrolled to the end: a scroll bar at the bottom of its track.
        canvas.rect(x + w - 5, y + 34, 2.5, h - 44, "#eef1f2", r=1.25)
        canvas.rect(x + w - 5, y + h - 46, 2.5, 36, FRAME, r=1.25)
    rows = 2 if screen.get("scroll") else 1
    for i in range(rows):
        canvas.bar(row_x + 6, cursor + 7.5, (0.62, 0.48)[i] * row_w)
        cursor += 22
    if screen.get("heading"):
        canvas.text(row_x + 2, cursor + 11, wrap(screen["heading"], row_w)[:2], size=9.5, weight=700)
        cursor += 6 + 12 * len(wrap(screen["heading"], row_w)[:2])
    cursor += canvas.target(row_x, cursor, row_w, screen.get("label")) + 8
    for width in (0.55, 0.7, 0.42):
        if cursor + 8 > y + h - 6:
            break
        canvas.bar(row_x + 6, cursor + 7.5, width * row_w)
        cursor += 22


def draw_sidebar(canvas, screen):
    """A browser page with a left column of entries, one of them the target."""
    x, y, w, h = frame(canvas, screen.get("address", ""))
    side = 96
    canvas.rect(x, y, side, h, CHROME, r=0)
    cursor = y + 10
    for _ in range(2):
        canvas.bar(x + 8, cursor + 4, 60)
        cursor += 16
    if screen.get("icon"):
        cx, cy = x + 18, cursor + 12
        canvas.rect(x + 4, cursor, side - 8, 24, TARGET_FILL, r=5, stroke=ACCENT)
        icon(canvas, "profile", cx, cy, colour=INK)
        canvas.bar(x + 30, cy - 3.5, 40, 7)
        canvas.marker(x + side - 20, cy)
        cursor += 30
    else:
        cursor += canvas.target(x + 4, cursor, side - 8, screen.get("label")) + 6
    for _ in range(2):
        if cursor + 10 < y + h:
            canvas.bar(x + 8, cursor + 4, 52)
            cursor += 16
    filler_lines(canvas, x + side + 12, y + 12, w - side - 24, y + h - 8)


def draw_find(canvas, screen):
    x, y, w, h = frame(canvas)
    row_x, row_w = x + 8, w - 16
    if canvas.device == "app":
        canvas.rect(x, y, w, 30, CHROME, r=0)
        canvas.rect(x + 8, y + 6, w - 16, 18, "#ffffff", r=9, stroke=ACCENT)
        icon(canvas, "magnifier", x + 20, y + 15, colour=INK)
        if screen.get("term"):
            canvas.text(x + 32, y + 19, [screen["term"]], size=10, weight=400)
        canvas.marker(x + w - 24, y + 15)
        cursor = y + 40
    else:
        canvas.rect(x + w - 118, y + 4, 112, 18, "#ffffff", r=4, stroke=ACCENT)
        if screen.get("term"):
            canvas.text(x + w - 110, y + 16.5, [screen["term"]], size=10, weight=400)
        canvas.bar(x + 10, y + 8, 60)
        cursor = y + 32
    canvas.bar(row_x, cursor, row_w * 0.8)
    cursor += 14
    label = screen.get("label")
    lines = wrap(label, row_w - 12) if label else []
    height = max(18, 8 + len(lines) * SIZE * 1.25)
    canvas.rect(row_x - 2, cursor, row_w * (0.9 if lines else 0.5) + 4, height, TARGET_FILL, r=4, stroke=ACCENT)
    if lines:
        canvas.text(row_x + 4, cursor + 4 + SIZE, lines, weight=700)
    cursor += height + 10
    filler_lines(canvas, row_x, cursor, row_w, y + h - 8)


def draw_link(canvas, screen):
    x, y, w, h = frame(canvas)
    row_x, row_w = x + 8, w - 16
    cursor = y + 12
    if screen.get("heading"):
        heading = wrap(screen["heading"], row_w, size=10)[:3]
        canvas.text(row_x, cursor + 10, heading, size=10, weight=700)
        cursor += 6 + 12.5 * len(heading)
    for width in (0.92, 0.84):
        canvas.bar(row_x, cursor, row_w * width)
        cursor += 13
    canvas.bar(row_x, cursor, row_w * 0.3)
    label = screen.get("label")
    lines = wrap(label, row_w - 24) if label else []
    link_w = 34 + max(len(line) for line in lines) * SIZE * CHAR if lines else row_w * 0.4
    lx = row_x + row_w * 0.3 + 4
    if lx + link_w > row_x + row_w:  # no room after the words before it: the link starts a line
        lx = row_x
        link_w = min(link_w, row_w)
        cursor += 13
    height = max(16, 6 + len(lines) * SIZE * 1.25)
    canvas.rect(lx, cursor - 4, link_w, height, TARGET_FILL, r=4, stroke=ACCENT)
    if lines:
        canvas.text(lx + 5, cursor - 1 + SIZE, lines)
        canvas.add(f'<path d="M{lx + 5} {cursor + height - 6.5}h{link_w - 10}" stroke="{ACCENT}" stroke-width="1"/>')
    canvas.marker(lx + link_w - 12, cursor - 4 + height / 2)
    cursor += height + 10
    filler_lines(canvas, row_x, cursor, row_w, y + h - 8)


def draw_question(canvas, screen):
    x, y, w, h = frame(canvas)
    row_x, row_w = x + 10, w - 20
    cursor = y + 16
    question = screen.get("question")
    if question:
        lines = wrap(question, row_w, lines=4)
        canvas.text(row_x, cursor + SIZE, lines, weight=700)
        cursor += 10 + len(lines) * SIZE * 1.25
    else:
        for width in (0.9, 0.6):
            canvas.bar(row_x, cursor, row_w * width)
            cursor += 13
    cursor += 8
    button_w = (row_w - 10) / 2
    canvas.rect(row_x, cursor, button_w, 24, TARGET_FILL, r=12, stroke=ACCENT)
    if screen.get("label"):
        canvas.text(row_x + 12, cursor + 16, [screen["label"]])
    canvas.marker(row_x + button_w - 14, cursor + 12)
    canvas.rect(row_x + button_w + 10, cursor, button_w, 24, "#ffffff", r=12, stroke=NEUTRAL)
    canvas.bar(row_x + button_w + 10 + button_w / 2 - 14, cursor + 8.5, 28)
    filler_lines(canvas, row_x, cursor + 40, row_w, y + h - 10)


def form_field(canvas, x, y, w, highlight=False, height=20):
    """A caption (neutral: we name no field labels) and an input box; returns the next y."""
    canvas.bar(x, y, w * 0.36, 6)
    canvas.rect(x, y + 9, w, height, TARGET_FILL if highlight else "#ffffff", r=4,
                stroke=ACCENT if highlight else "#c5cdd0", width=1.5 if highlight else 1)
    return y + height + 17


def draw_fields(canvas, screen):
    x, y, w, h = frame(canvas)
    compact = canvas.device == "browser"
    row_x, row_w = (x + 40, w - 80) if compact else (x + 10, w - 20)
    cursor = y + (10 if compact else 14)
    for width in ((0.7,) if compact else (0.85, 0.5)):
        canvas.bar(row_x, cursor, row_w * width)
        cursor += 13
    cursor += 4
    first = cursor
    for _ in range(2):
        cursor = form_field(canvas, row_x, cursor, row_w, highlight=True, height=16 if compact else 20)
    canvas.marker(row_x + row_w - 14, first + 17)
    canvas.rect(row_x, cursor, row_w * 0.4, 20, NEUTRAL, r=10)


def draw_submit(canvas, screen):
    x, y, w, h = frame(canvas)
    compact = canvas.device == "browser"
    row_x, row_w = (x + 40, w - 80) if compact else (x + 10, w - 20)
    cursor = form_field(canvas, row_x, y + 10, row_w, height=16 if compact else 20)
    canvas.bar(row_x, cursor, row_w * 0.42, 6)
    box = 28 if compact else 50
    canvas.rect(row_x, cursor + 9, row_w, box, "#ffffff", r=4, stroke="#c5cdd0", width=1)
    cursor += box + 18
    label = screen.get("label") or ""
    button_w = min(row_w, max(row_w * 0.45, 40 + len(label) * SIZE * CHAR))
    canvas.rect(row_x + row_w - button_w, cursor, button_w, 22, TARGET_FILL, r=11, stroke=ACCENT, width=1.5)
    if label:
        canvas.text(row_x + row_w - button_w + 12, cursor + 15, [label])
    canvas.marker(row_x + row_w - 14, cursor + 11)


def draw_home(canvas, screen):
    """A phone's home screen: neutral app tiles, one with the app's name."""
    x, y, w, h = frame(canvas)
    size, gap = 28, 12
    for row in range(4):
        for col in range(4):
            tx, ty = x + 14 + col * (size + gap), y + 18 + row * (size + 20)
            if (row, col) == (1, 1):
                canvas.rect(tx - 4, ty - 4, size + 8, size + 22, TARGET_FILL, r=7, stroke=ACCENT)
                canvas.rect(tx, ty, size, size, ACCENT, r=7)
                canvas.text(tx + size / 2, ty + size + 12, [screen["app"]], size=8.5, anchor="middle")
                canvas.marker(tx + size - 4, ty + size - 6)
            else:
                canvas.rect(tx, ty, size, size, NEUTRAL, r=7)


def draw_address(canvas, screen):
    """A browser with the address typed in and a login form below."""
    x, y, w, h = frame(canvas)
    canvas.rect(42, 5, 188, 14, TARGET_FILL, r=7, stroke=ACCENT)
    address = screen["address"]
    fits = int(150 / (9 * CHAR))
    canvas.text(50, 15.5, [address if len(address) <= fits else address[: fits - 1] + "…"], size=9, weight=600)
    canvas.marker(200, 10)
    login(canvas, x, y, w, h, highlight=False)


def login(canvas, x, y, w, h, highlight=True):
    left, width = x + w / 2 - 60, 120
    canvas.bar(left + 30, y + 16, 60)
    cursor = y + 34
    for _ in range(2):
        canvas.rect(left, cursor, width, 18, "#ffffff", r=4, stroke=ACCENT if highlight else "#c5cdd0",
                    width=1.5 if highlight else 1)
        cursor += 24
    canvas.rect(left, cursor + 4, width, 20, TARGET_FILL if highlight else NEUTRAL, r=10,
                stroke=ACCENT if highlight else None)
    if highlight:
        canvas.marker(left + width - 14, cursor + 14)


def draw_login(canvas, screen):
    x, y, w, h = frame(canvas, screen.get("address", ""))
    login(canvas, x, y, w, h)


DRAW = {
    "bar": draw_bar, "list": draw_list, "sidebar": draw_sidebar, "find": draw_find, "link": draw_link,
    "question": draw_question, "fields": draw_fields, "submit": draw_submit, "home": draw_home,
    "address": draw_address, "login": draw_login,
}


def draw(screen: dict, device: str) -> str:
    """The SVG for one screen description."""
    canvas = Canvas(device)
    DRAW[screen["kind"]](canvas, screen)
    return canvas.svg()


def file_name(svg: str) -> str:
    """Named by content: the same picture in two routes is one file (and one download)."""
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()[:12] + ".svg"
