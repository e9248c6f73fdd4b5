"""With JavaScript switched off in Chromium: every page's content is readable, every tab of the
click guide can be opened (by mouse and by keyboard), and the checklist prints on one page."""

import io
import re

import pytest
from pypdf import PdfReader

from conftest import PAGES, page_for, settle

# Text that is meant to be out of sight until the reader asks for it.
ON_REQUEST = ".tabbed-block, details, [hidden], .md-search, .md-sidebar, .md-tooltip, .md-footer, .md-header, .md-dialog"
HIDDEN_TEXT = """sel => [...document.querySelectorAll(
    '.md-content h1, .md-content h2, .md-content h3, .md-content p, .md-content li, .md-content td, .md-content dd')]
  .filter(e => e.textContent.trim() && !e.closest(sel))
  .filter(e => !e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .map(e => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 60))"""


# Pages with content tabs: written in the Markdown (===), or the click guide's tabs, which
# hooks/click_routes.py writes from includes/routes.yml.
TABS = re.compile(r"===|<!--\s*guide:routes\s*-->")


@pytest.fixture(scope="module")
def nojs(open_module_tab):
    """One tab for the module (each test loads its own page first)."""
    return open_module_tab(width=390, height=800, javascript=False)


@pytest.mark.parametrize("source", PAGES)
def test_content_is_readable_without_javascript(nojs, site_server, source):
    where = source.where
    nojs.goto(site_server + source.url)
    assert nojs.locator(".md-content h1").first.is_visible(), f"{where}: no visible heading without JavaScript"
    text = nojs.locator(".md-content").inner_text()
    assert len(text) > 200, f"{where}: main content nearly empty without JavaScript ({len(text)} characters)"
    hidden = nojs.evaluate(HIDDEN_TEXT, ON_REQUEST)
    assert not hidden, f"{where}: text hidden without JavaScript: {hidden[:5]}"


@pytest.mark.parametrize("source", [p for p in PAGES if TABS.search(p.text())])
def test_every_tab_opens_without_javascript(nojs, site_server, source):
    where = source.where
    nojs.goto(site_server + source.url)
    sets = nojs.locator(".tabbed-set")
    assert sets.count(), f"{where}: tabs in the Markdown but none on the page"
    for index in range(sets.count()):
        tabset = sets.nth(index)
        labels = tabset.locator(":scope > .tabbed-labels > label")
        blocks = tabset.locator(":scope > .tabbed-content > .tabbed-block")
        for number in range(labels.count()):
            label = labels.nth(number)
            label.click()
            settle(nojs)
            assert blocks.nth(number).is_visible(), f"{where}: tab '{label.inner_text()}' does not open by click"
        # Keyboard: the radio group moves with the arrow keys.
        tabset.locator(":scope > input").first.focus()
        for number in range(1, labels.count()):
            nojs.keyboard.press("ArrowRight")
            settle(nojs)
            assert blocks.nth(number).is_visible(), f"{where}: tab '{labels.nth(number).inner_text()}' not reached by keyboard"


@pytest.mark.parametrize("language", ["de", "en"])
def test_checklist_prints_on_one_page_without_javascript(open_tab, site_server, language):
    checklist = page_for("checkliste", language)
    tab = open_tab(javascript=False)
    tab.goto(site_server + checklist.url)
    heading = tab.locator(".md-content h1").first.inner_text()
    settle(tab)
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True)))
    where = checklist.where
    assert len(pdf.pages) == 1, f"{where}: prints on {len(pdf.pages)} pages without JavaScript"
    printed = " ".join(pdf.pages[0].extract_text().split())
    assert " ".join(heading.split())[:30] in printed, f"{where}: the printout lacks the heading"
