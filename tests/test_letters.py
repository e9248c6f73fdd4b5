"""Letters page (docs/briefe*.md): templates as data files, filled live in Chromium, nothing sent.

Covers issue 6: fill and check the text in both languages, mailto: decodes to the letter, copy
puts it on the clipboard, no requests while typing, hostile input stays text, one letter prints
on one A4 page, the page works without JavaScript, and the form is keyboard- and axe-clean.
"""

import datetime
import importlib.util
import io
import re
from urllib.parse import parse_qs, unquote, urlparse
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from conftest import DOCS, ROOT, load, settle

LETTERS = ["widerspruch", "auskunft", "loeschung", "beschwerde"]
PATH = {"de": "briefe/", "en": "en/briefe/"}

# What a reader types, per language, by field id; and what must then appear in the letters.
VALUES = {
    "de": {
        "lf-name": "Erika Mustermann",
        "lf-email": "erika@example.org",
        "lf-account": "@erika.m",
        "lf-address": "Musterweg 1\n12345 Musterstadt",
        "lf-place": "Köln",
        "lf-date": "2026-11-20",
        "lf-situation": "Auf meinen Fotos sind meine Kinder zu sehen.",
        "lf-objected": "2026-10-01",
        "lf-sent": "2026-10-02",
        "lf-what": "Meta hat nicht geantwortet.\nAuch nicht nach einer Erinnerung.",
    },
    "en": {
        "lf-name": "Jane Doe",
        "lf-email": "jane@example.org",
        "lf-account": "instagram.com/jane.doe",
        "lf-address": "1 Example Street\nDublin 8",
        "lf-place": "Dublin",
        "lf-date": "2026-11-20",
        "lf-situation": "My children appear in my photos.",
        "lf-objected": "2026-10-01",
        "lf-sent": "2026-10-02",
        "lf-what": "Meta did not reply.\nNot even after a reminder.",
    },
}
EXPECTED = {
    "de": {"date": "20. November 2026", "platforms": "Facebook und Instagram", "sent": "2. Oktober 2026", "objected": "1. Oktober 2026"},
    "en": {"date": "20 November 2026", "platforms": "Facebook and Instagram", "sent": "2 October 2026", "objected": "1 October 2026"},
}
TEXT_FIELDS = ["lf-name", "lf-email", "lf-account", "lf-address", "lf-place", "lf-situation", "lf-what"]
PLACEHOLDER = re.compile(r"\[[^\]\n]+\]")


def _hook():
    spec = importlib.util.spec_from_file_location("letters_hook", ROOT / "hooks" / "letters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The browser's clock for the letter date: a fixed moment, so no test depends on the calendar.
# Half past midnight in Berlin is still the day before in UTC: the date must be the local one.
NOW = datetime.datetime(2027, 3, 4, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def tab(open_tab):
    """A fresh phone-sized page that records requests, console errors and dialogs."""
    page = open_tab(width=390, height=844, clipboard=True, timezone_id="Europe/Berlin")
    page.clock.set_fixed_time(NOW)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def open_letters(page, site_server, language):
    # Until everything has loaded: later checks count the requests that typing causes.
    load(page, site_server + PATH[language])
    page.locator("#letter-form").wait_for(state="visible")


def wait_for_status(page, name):
    """Wait until a letter's tools announce the result of their first action (copied, printed...)."""
    status = page.locator(f'.letter-tools[data-for="{name}"] .letter-status')
    page.wait_for_function("el => el.textContent.trim().length > 0", arg=status.element_handle())


def fill_all(page, language, authority="hmbbfdi"):
    for field, value in VALUES[language].items():
        page.fill(f"#{field}", value)
    page.check("#letter-form input[value=Facebook]")
    page.check("#letter-form input[value=Instagram]")
    page.select_option("#lf-authority", authority)


def letter_text(page, name):
    return page.locator(f"#letter-{name}").text_content()


def mail_href(page, name):
    return page.locator(f'.letter-tools[data-for="{name}"] [data-action=mail]').get_attribute("href")


# --- Data files --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_letter_has_a_data_file_with_one_subject(language):
    hook = _hook()
    for name in LETTERS:
        text = hook.letter_text(name, language, "test")
        subjects = [line for line in text.splitlines() if line.startswith("# ")]
        assert len(subjects) == 1, f"includes/letters/{name}.{language}.txt: needs one '# ' subject line"
        assert "{" not in text, f"includes/letters/{name}.{language}.txt: unknown {{token}}"


def test_letter_text_lives_only_in_the_data_files():
    """No sentence of a letter is written into a page, the script or the stylesheet."""
    hook = _hook()
    sources = {
        path: path.read_text(encoding="utf-8")
        for path in [DOCS / "briefe.md", DOCS / "briefe.en.md", DOCS / "assets/javascripts/letters.js", DOCS / "assets/stylesheets/letters.css"]
    }
    for language in ("de", "en"):
        for name in LETTERS:
            for line in hook.letter_text(name, language, "test").splitlines():
                if len(line) < 40 or PLACEHOLDER.fullmatch(line.strip()):
                    continue
                for path, source in sources.items():
                    assert line not in source, f"{path.name} repeats a line of {name}.{language}.txt: {line[:50]}…"


@pytest.mark.parametrize("language", ["de", "en"])
def test_built_letters_match_the_data_files_and_every_placeholder_has_a_field(built_site, language):
    from bs4 import BeautifulSoup

    hook = _hook()
    html = BeautifulSoup((built_site / PATH[language] / "index.html").read_text(encoding="utf-8"), "lxml")
    fills = {element["data-fills"] for element in html.select("[data-fills]")}
    for name in LETTERS:
        expected = hook.letter_text(name, language, "test").replace("\n# ", "\n")
        element = html.select_one(f"#letter-{name}")
        assert element is not None, f"{PATH[language]}: #letter-{name} missing"
        assert element.get_text() == expected
        unknown = set(PLACEHOLDER.findall(expected)) - fills
        assert not unknown, f"{name}.{language}.txt: no form field fills {sorted(unknown)}"


# --- Filling -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_fields_fill_every_letter_live(tab, site_server, language):
    open_letters(tab, site_server, language)
    today = NOW.date().isoformat()
    assert tab.input_value("#lf-date") == today, "the letter date must default to today"
    fill_all(tab, language)
    values, expected = VALUES[language], EXPECTED[language]
    for name in LETTERS:
        text = letter_text(tab, name)
        assert not PLACEHOLDER.findall(text), f"{name}: placeholders left: {PLACEHOLDER.findall(text)}"
        for field in ("lf-name", "lf-email", "lf-account", "lf-place"):
            assert values[field] in text, f"{name}: {field} missing"
        assert values["lf-address"] in text, f"{name}: multi-line address lost its line break"
        assert expected["date"] in text and expected["platforms"] in text
    assert values["lf-situation"] in letter_text(tab, "widerspruch")
    assert expected["objected"] in letter_text(tab, "loeschung")
    complaint = letter_text(tab, "beschwerde")
    assert "20459 Hamburg" in complaint and expected["sent"] in complaint
    assert values["lf-what"] in complaint, "line breaks in 'what happened' must be kept"
    assert "Merrion Road" in complaint
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("language", ["de", "en"])
def test_empty_optional_fields_drop_their_lines(tab, site_server, language):
    open_letters(tab, site_server, language)
    tab.fill("#lf-name", VALUES[language]["lf-name"])
    objection = letter_text(tab, "widerspruch")
    assert "(optional)" not in objection
    assert "\n\n\n" not in objection
    tab.fill("#lf-situation", VALUES[language]["lf-situation"])
    assert VALUES[language]["lf-situation"] in letter_text(tab, "widerspruch")


# --- mailto, clipboard, print --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_mailto_link_decodes_to_the_letter(tab, site_server, language):
    open_letters(tab, site_server, language)
    fill_all(tab, language)
    for name in LETTERS:
        href = mail_href(tab, name)
        parsed = urlparse(href)
        assert parsed.scheme == "mailto"
        query = parse_qs(parsed.query, keep_blank_values=True)
        subject = tab.locator(f"#letter-{name}").get_attribute("data-subject")
        assert query["subject"] == [subject]
        body = query["body"][0]
        assert "\r\n" in body, "mailto bodies use CRLF line breaks"
        assert body.replace("\r\n", "\n") == letter_text(tab, name)
        recipient = unquote(parsed.path)
        if name == "beschwerde":
            assert recipient == "mailbox@datenschutz.hamburg.de"
        else:
            assert recipient == "", "Meta takes no email: letters to Meta have no recipient"
    tab.select_option("#lf-authority", "dpc")
    assert urlparse(mail_href(tab, "beschwerde")).path == ""


@pytest.mark.parametrize("language", ["de", "en"])
def test_copy_button_puts_the_letter_on_the_clipboard(tab, site_server, language):
    open_letters(tab, site_server, language)
    fill_all(tab, language)
    for name in ("widerspruch", "beschwerde"):
        tools = tab.locator(f'.letter-tools[data-for="{name}"]')
        tools.locator("[data-action=copy]").click()
        status = tools.locator(".letter-status")
        status.wait_for(state="visible")
        wait_for_status(tab, name)
        assert tab.evaluate("navigator.clipboard.readText()") == letter_text(tab, name)
        assert status.is_visible()


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_letter_prints_alone_on_one_a4_page(tab, site_server, language):
    tab.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    open_letters(tab, site_server, language)
    fill_all(tab, language)
    subjects = {name: tab.locator(f"#letter-{name}").get_attribute("data-subject") for name in LETTERS}
    h1 = tab.locator("h1").text_content()
    for name in LETTERS:
        tab.locator(f'.letter-tools[data-for="{name}"] [data-action=print]').click()
        assert tab.evaluate("window.__printed") >= 1
        settle(tab)
        pdf = PdfReader(io.BytesIO(tab.pdf(format="A4")))
        assert len(pdf.pages) == 1, f"{name}: prints on {len(pdf.pages)} pages"
        width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
        assert abs(width - 595) < 2 and abs(height - 842) < 2, "not A4"
        text = " ".join(pdf.pages[0].extract_text().split())
        assert " ".join(subjects[name].split()) in text
        assert VALUES[language]["lf-name"] in text
        others = [subjects[other] for other in LETTERS if other != name]
        assert not any(subject in text for subject in others), f"{name}: another letter is on the page"
        assert h1 not in text, f"{name}: the page around the letter was printed too"
        tab.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert "letters-print" not in (tab.locator("body").get_attribute("class") or "")


# --- Privacy and hostile input --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_typing_makes_no_requests_and_stores_nothing(tab, site_server, language):
    open_letters(tab, site_server, language)
    storage = "() => [document.cookie, JSON.stringify(Object.entries(localStorage)), JSON.stringify(Object.entries(sessionStorage))]"
    before = tab.evaluate(storage)
    tab.requests.clear()
    for field in TEXT_FIELDS:
        tab.locator(f"#{field}").press_sequentially(VALUES[language][field].replace("\n", " "), delay=5)
    tab.check("#letter-form input[value=Instagram]")
    tab.select_option("#lf-authority", "dpc")
    tab.fill("#lf-sent", "2026-10-02")
    tab.locator('.letter-tools[data-for="auskunft"] [data-action=copy]').click()
    wait_for_status(tab, "auskunft")  # the copy has finished
    settle(tab)
    assert tab.requests == [], f"requests while typing: {tab.requests}"
    assert tab.evaluate(storage) == before, "typing changed cookies or browser storage"


PAYLOADS = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 1">']


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img-onerror"])
def test_hostile_input_is_shown_as_text_and_never_runs(tab, site_server, language, payload):
    open_letters(tab, site_server, language)
    tab.requests.clear()
    for field in TEXT_FIELDS:
        tab.fill(f"#{field}", payload)
    tab.check("#letter-form input[value=Facebook]")
    settle(tab)
    # Markup that became elements would run now or after a load; so check that none exist.
    injected = "[...document.querySelectorAll('script, img')].filter(e => e.outerHTML.includes('__pwned')).length"
    assert tab.evaluate(injected) == 0, "typed markup became elements"
    assert tab.evaluate("window.__pwned") is None, "typed markup was executed"
    assert tab.locator(".letter-text script, .letter-text img").count() == 0
    for name in LETTERS:
        assert payload in letter_text(tab, name)
        assert payload in parse_qs(urlparse(mail_href(tab, name)).query)["body"][0]
    assert not tab.dialogs and not tab.requests, (tab.dialogs, tab.requests)


@pytest.mark.parametrize("language", ["de", "en"])
def test_very_long_input_does_not_break_the_layout(tab, site_server, language):
    open_letters(tab, site_server, language)
    tab.fill("#lf-account", "x" * 3000)
    tab.fill("#lf-what", ("y" * 400 + "\n") * 10)
    settle(tab)
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide at a 390px viewport"
    box = tab.locator("#letter-auskunft").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


# --- Without JavaScript, keyboard, errors, axe ------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_without_javascript_letters_show_placeholders(open_tab, site_server, language):
    page = open_tab(width=390, height=844, javascript=False)
    page.goto(site_server + PATH[language])
    assert page.locator(".letters-nojs").is_visible()
    assert not page.locator("#letter-form").is_visible()
    assert not page.locator(".letter-tools").first.is_visible()
    name = "[Name]"
    for letter in LETTERS:
        element = page.locator(f"#letter-{letter}")
        assert element.is_visible()
        assert name in element.text_content()
        assert element.evaluate("el => getComputedStyle(el).userSelect") != "none"


@pytest.mark.parametrize("language", ["de", "en"])
def test_form_works_with_the_keyboard(tab, site_server, language):
    open_letters(tab, site_server, language)
    tab.focus("#lf-name")
    tab.keyboard.type(VALUES[language]["lf-name"])
    order = []
    for _ in range(12):
        tab.keyboard.press("Tab")
        order.append(tab.evaluate("document.activeElement.id || document.activeElement.value || document.activeElement.dataset.action"))
    assert order[:4] == ["lf-email", "lf-account", "Facebook", "Instagram"], order
    assert "lf-address" in order and "lf-place" in order and "lf-date" in order
    # On to the first letter's copy button, then press it with the keyboard.
    for _ in range(20):
        if tab.evaluate("document.activeElement.dataset.action") == "copy":
            break
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.dataset.action") == "copy"
    name = tab.evaluate("document.activeElement.closest('.letter-tools').dataset.for")
    tab.keyboard.press("Enter")
    wait_for_status(tab, name)  # the copy has finished
    assert VALUES[language]["lf-name"] in tab.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("language", ["de", "en"])
def test_missing_and_invalid_fields_get_hints(tab, site_server, language):
    open_letters(tab, site_server, language)
    tab.fill("#lf-email", "not-an-address")
    tab.locator("#lf-email").blur()
    settle(tab)
    assert tab.locator("#lf-email-error").is_visible()
    assert tab.get_attribute("#lf-email", "aria-invalid") == "true"
    assert "lf-email-error" in tab.get_attribute("#lf-email", "aria-describedby")
    tab.locator('.letter-tools[data-for="widerspruch"] [data-action=copy]').click()
    settle(tab)
    assert tab.locator("#lf-name-error").is_visible()
    assert tab.get_attribute("#lf-name", "aria-invalid") == "true"
    wait_for_status(tab, "widerspruch")
    status = tab.locator('.letter-tools[data-for="widerspruch"] .letter-status')
    assert tab.locator("label[for=lf-name]").text_content() in status.text_content()
    tab.fill("#lf-name", VALUES[language]["lf-name"])
    settle(tab)
    assert not tab.locator("#lf-name-error").is_visible()
    tab.fill("#lf-email", VALUES[language]["lf-email"])
    settle(tab)
    assert not tab.locator("#lf-email-error").is_visible()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_letters_page_is_axe_clean(tab, site_server, language, scheme):
    from axe_playwright_python.sync_playwright import Axe

    tab.emulate_media(color_scheme=scheme)
    open_letters(tab, site_server, language)
    fill_all(tab, language)
    tab.fill("#lf-email", "broken")
    tab.locator("#lf-email").blur()
    tab.locator('.letter-tools[data-for="widerspruch"] [data-action=copy]').click()
    wait_for_status(tab, "widerspruch")  # axe checks the page with the status message shown
    settle(tab)
    results = Axe().run(tab)
    assert results.violations_count == 0, results.generate_report()
