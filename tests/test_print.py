"""Print (issue 4): Chromium prints with the print stylesheet, as a reader would.

- The checklist prints on exactly one A4 page in each language, with the reviewed date, the
  written-out form links and a QR code that a real decoder (zxing-cpp) reads as the click
  guide's URL in the same language.
- The click guide prints every tab with its label, and no page is empty.
- No page prints a blank trailing page; chrome and share links don't print; text is black.
"""

import io
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import PAGES, SITE_URL, colour, load, page_for, settle
from site_data import links

A4_POINTS = (595, 842)
URL_TOKEN = re.compile(r"<!--\s*url:([\w-]+)\s*-->")
REVIEWED = {"de": "Stand: ", "en": "Last reviewed: "}


@pytest.fixture
def printer(open_tab):
    return open_tab(width=1280, height=900)


def print_pdf(page, url) -> bytes:
    load(page, url)  # everything loaded, search index included (console errors included too)
    page.emulate_media(media="print")
    settle(page)  # colours change with the print stylesheet; read them only once they have
    return page.pdf(format="A4", print_background=False)


def squeeze(text: str) -> str:
    """PDF text without whitespace: line breaks may fall anywhere in long URLs."""
    return re.sub(r"\s+", "", text)


def render_pages(pdf: bytes, tmp_path, dpi=200):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm not found: install Debian's 'poppler-utils' (./scripts/test does this as root)")
    source = tmp_path / "print.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "page")], check=True)
    return [Image.open(path) for path in sorted(tmp_path.glob("page-*.png"))]


def reviewed_text(page) -> str:
    """The page's reviewed date as the template writes it, via the shortcodes hook."""
    from shortcodes import format_day

    return format_day(page.front_matter()["reviewed"], page.language)


def form_urls(page) -> list[str]:
    return [links()[key] for key in URL_TOKEN.findall(page.text())]


@pytest.mark.parametrize("language", ["de", "en"])
def test_checklist_prints_on_one_a4_page_with_qr_code(printer, site_server, tmp_path, language):
    import zxingcpp

    source = page_for("checkliste", language)
    pdf = print_pdf(printer, site_server + source.url)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{source.name}: checklist prints on {len(reader.pages)} pages"
    box = reader.pages[0].mediabox
    size = (float(box.width), float(box.height))
    assert all(abs(a - b) < 2 for a, b in zip(size, A4_POINTS)), f"not A4: {size} pt"

    text = reader.pages[0].extract_text()
    urls = form_urls(source)
    assert len(urls) >= 2, f"{source.name}: expected written-out form links"
    for url in urls:
        assert squeeze(url) in squeeze(text), f"{source.name}: {url} missing from the printed page"
    assert squeeze(REVIEWED[language] + reviewed_text(source)) in squeeze(text)
    assert "☐" not in text  # checkboxes are drawn, not glyphs that might be missing
    assert printer.locator(".task-list-item").count() >= 5

    [image] = render_pages(pdf, tmp_path)
    codes = zxingcpp.read_barcodes(image)
    qr = [code for code in codes if code.format == zxingcpp.BarcodeFormat.QRCode]
    guide = SITE_URL + page_for("anleitung", language).url
    assert [code.text for code in qr] == [guide], f"{source.name}: QR codes read {[c.text for c in qr]}"
    assert not printer.errors, printer.errors


@pytest.mark.parametrize("language", ["de", "en"])
def test_checklist_has_a_print_button(open_tab, site_server, language):
    page = open_tab(width=390, height=844, init_scripts=["window.__printed = 0; window.print = () => { window.__printed += 1; };"])
    page.goto(site_server + page_for("checkliste", language).url)
    button = page.locator("button[data-print]")
    assert button.is_visible()
    assert button.inner_text().strip() == {"de": "Drucken", "en": "Print"}[language]
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    settle(page)
    assert not button.is_visible()


@pytest.mark.parametrize("language", ["de", "en"])
def test_printed_guide_has_every_tab_and_no_empty_page(printer, site_server, language):
    path = page_for("anleitung", language).url
    printer.goto(site_server + path)
    # Every tab's label and its text, cut where print adds something: footnote markers, list
    # numbers and the URLs after external links.
    tabs = printer.evaluate("""() => [...document.querySelectorAll('article .tabbed-set')].flatMap(set => {
        const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')].map(l => l.textContent.trim());
        const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')];
        return blocks.map((block, i) => {
            const clone = block.cloneNode(true);
            clone.querySelectorAll('sup').forEach(s => s.replaceWith('\\u0000'));
            clone.querySelectorAll('li, p').forEach(el => el.prepend('\\u0000'));
            clone.querySelectorAll('a[href^="http"]:not(.written-out)').forEach(a => a.after('\\u0000'));
            return {label: labels[i], parts: clone.textContent.split('\\u0000')};
        });
    })""")
    assert len(tabs) >= 3, f"{path}: expected tabs on the guide, found {len(tabs)}"
    pdf = print_pdf(printer, site_server + path)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    empty = [number for number, text in enumerate(pages, 1) if not text.strip()]
    assert not empty, f"{path}: empty printed pages {empty} of {len(pages)}"
    printed = squeeze("".join(pages))
    for tab in tabs:
        assert squeeze(tab["label"]) in printed, f"{path}: tab label {tab['label']!r} not printed"
        for part in tab["parts"]:
            if len(squeeze(part)) >= 12:
                assert squeeze(part) in printed, f"{path}: tab {tab['label']!r}: {part.strip()[:60]!r} not printed"


@pytest.mark.parametrize("source", PAGES)
def test_page_prints_without_blank_pages_or_chrome(printer, site_server, source):
    where = source.where
    pdf = print_pdf(printer, site_server + source.url)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    assert all(text.strip() for text in pages), f"{where}: a printed page is empty ({len(pages)} pages)"
    text = "\n".join(pages)
    for label in ("Diese Seite teilen", "Share this page", "Link kopieren", "Copy link"):
        assert label not in text, f"{where}: share links printed"
    hidden = printer.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-search', '.md-footer', '.md-banner', '.share', '.md-top']
        .filter(sel => [...document.querySelectorAll(sel)].some(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'))""")
    assert not hidden, f"{where}: printed {hidden}"
    colours = printer.evaluate("""() => [...document.querySelectorAll('article h1, article h2, article p, article a, article li, article .admonition-title')]
        .map(el => getComputedStyle(el).color)""")
    coloured = sorted({c for c in colours if colour(c) != (0, 0, 0, 1)})
    assert not coloured, f"{where}: text in colour {coloured[:3]}"
    # External links show their address after the text (unless the text is the address).
    external = printer.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]:not(.written-out)')]
        .filter(a => a.getClientRects().length).map(a => a.getAttribute('href'))""")
    printed = squeeze(text)
    for href in external[:5]:
        assert squeeze(href) in printed, f"{where}: URL {href} not printed after its link"
