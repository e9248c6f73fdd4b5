"""Link previews, structured data, card images and share links (issue 4), in both languages.

Open Graph and JSON-LD are read back with extruct, a real metadata parser, from the built pages.
Share links are checked in the HTML (encoded canonical URL, page language) and in Chromium
(copy confirms, Mastodon asks for a server, native share where the browser has it, nothing
contacts another site, keyboard focus is visible, axe finds no contrast problems).
"""

import datetime
import importlib.util
from urllib.parse import parse_qs, quote, urlparse

import extruct
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import PAGES, ROOT, SITE_URL, assert_local_only, load, settle

OG_LOCALE = {"de": "de_DE", "en": "en_GB"}
SITE_NAME = {"de": "Meta-KI und deine Daten", "en": "Meta AI and your data"}
SHARE_TEXT = {"de": "Lesetipp:", "en": "Worth reading:"}
SHARE_LABELS = {"de": ("Diese Seite teilen", "Link kopieren", "Link kopiert"), "en": ("Share this page", "Copy link", "Link copied")}
# Where each plain share link carries the page URL: (query parameter, URL alone or inside text).
SERVICES = {
    "email": ("body", "text"),
    "whatsapp": ("text", "text"),
    "telegram": ("url", "url"),
    "bluesky": ("text", "text"),
    "facebook": ("u", "url"),
    "linkedin": ("url", "url"),
    "x": ("url", "url"),
}
SERVICE_HOSTS = {
    "whatsapp": "wa.me", "telegram": "t.me", "bluesky": "bsky.app", "facebook": "www.facebook.com",
    "linkedin": "www.linkedin.com", "x": "x.com",
}


def read_html(site, page):
    return page.built(site).read_text(encoding="utf-8")


def metadata(site, page):
    """Open Graph (as a list of (property, value)) and JSON-LD items, parsed by extruct."""
    data = extruct.extract(read_html(site, page), base_url=SITE_URL + page.url,
                           syntaxes=["opengraph", "json-ld"], uniform=False)
    properties = [pair for block in data["opengraph"] for pair in block["properties"]]
    items = []
    for block in data["json-ld"]:
        items += block.get("@graph", [block])
    return properties, items


# --- Link previews -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_open_graph_and_twitter_tags(built_site, page):
    where = page.where
    language = page.language
    url = SITE_URL + page.url
    properties, _ = metadata(built_site, page)
    og = {}
    for key, value in properties:
        og.setdefault(key, []).append(value)
    single = ["og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height",
              "og:image:alt", "og:type", "og:site_name", "og:locale"]
    for key in single:
        assert len(og.get(key, [])) == 1, f"{where}: {key} appears {len(og.get(key, []))} times"
        assert og[key][0].strip(), f"{where}: {key} is empty"
    assert og["og:url"] == [url], f"{where}: og:url {og['og:url']}"
    assert og["og:image"][0].startswith(SITE_URL), f"{where}: og:image is not under SITE_URL"
    assert (og["og:image:width"], og["og:image:height"]) == (["1200"], ["630"])
    assert og["og:site_name"] == [SITE_NAME[language]]
    assert og["og:locale"] == [OG_LOCALE[language]]
    other = "en" if language == "de" else "de"
    assert og.get("og:locale:alternate") == [OG_LOCALE[other]], f"{where}: og:locale:alternate"
    assert og["og:type"] == ["website" if page.slug == "index" else "article"]
    meta = page.front_matter()
    assert og["og:description"] == [meta["description"]], f"{where}: og:description differs from front matter"
    assert meta["title"] in og["og:title"][0]

    html = BeautifulSoup(read_html(built_site, page), "lxml")
    twitter = {m["property" if m.has_attr("property") else "name"]: m["content"]
               for m in html.find_all("meta") if (m.get("property") or m.get("name") or "").startswith("twitter:")}
    assert twitter.get("twitter:card") == "summary_large_image", f"{where}: twitter:card"
    assert twitter.get("twitter:image") == og["og:image"][0]
    assert html.title and html.title.get_text(strip=True)
    assert html.find("meta", attrs={"name": "description"})["content"] == meta["description"]
    canonical = html.find("link", rel="canonical")
    assert canonical and canonical["href"] == url
    hreflangs = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert set(hreflangs) == {"de", "en", "x-default"} and all(h.startswith(SITE_URL) for h in hreflangs.values())


@pytest.mark.parametrize("page", PAGES)
def test_card_image_is_a_1200x630_png_in_the_page_language(built_site, page):
    properties, _ = metadata(built_site, page)
    image_url = dict(properties)["og:image"]
    path = built_site / image_url.removeprefix(SITE_URL)
    assert path.is_file(), f"{page.where}: card {image_url} was not built"
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (1200, 630), f"{path.name}: {image.format} {image.size}"
    # The same page in the other language has its own card (the text is drawn per language).
    if page.language == "en":
        german = built_site / image_url.removeprefix(SITE_URL).replace("social/en/", "social/")
        assert german.is_file() and german.read_bytes() != path.read_bytes(), f"{path}: same card as German"


def test_cards_use_the_brand_colour(built_site):
    with Image.open(built_site / "assets/images/social/index.png") as image:
        assert image.convert("RGB").getpixel((600, 150)) == (0x0B, 0x55, 0x63)


@pytest.mark.parametrize("page", PAGES)
def test_structured_data(built_site, page):
    where = page.where
    language = page.language
    _, items = metadata(built_site, page)
    types = {item.get("@type"): item for item in items}
    if page.slug == "index":
        website = types.get("WebSite")
        assert website, f"{where}: no WebSite JSON-LD"
        assert website["url"] == SITE_URL + page.url and website["inLanguage"] == language
        assert website["name"] == SITE_NAME[language]
        return
    article = types.get("Article")
    assert article, f"{where}: no Article JSON-LD"
    reviewed = page.front_matter()["reviewed"]
    assert article["dateModified"] == (reviewed.isoformat() if isinstance(reviewed, datetime.date) else reviewed)
    assert article["url"] == SITE_URL + page.url and article["inLanguage"] == language
    assert article["headline"] == page.front_matter()["title"]
    assert article["image"].startswith(SITE_URL)
    if page.slug == "faq":
        faq = types.get("FAQPage")
        assert faq, f"{where}: no FAQPage JSON-LD"
        html = BeautifulSoup(read_html(built_site, page), "lxml")
        article_html = html.select_one("article.md-content__inner")
        questions = [h for h in article_html.find_all(["h2", "h3"]) if h.get_text(strip=True).rstrip("¶").strip().endswith("?")]
        names = [q["name"] for q in faq["mainEntity"]]
        assert len(names) >= 3, f"{where}: only {len(names)} questions in FAQPage"
        assert names == [" ".join(q.get_text().rstrip("¶").split()) for q in questions]
        for question in faq["mainEntity"]:
            assert question["@type"] == "Question"
            answer = question["acceptedAnswer"]["text"]
            assert len(answer) > 20, f"{where}: empty answer for {question['name']!r}"
            assert "¶" not in answer and "[^" not in answer and "<" not in answer


def _structured_data_hook():
    spec = importlib.util.spec_from_file_location("structured_data", ROOT / "hooks" / "structured_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_faq_extraction_uses_headings_and_following_text():
    hook = _structured_data_hook()
    html = (
        '<h1 id="faq">FAQ</h1><div class="admonition abstract"><p>Intro.</p></div>'
        '<h2 id="topic">Topic</h2>'
        '<h3 id="late">Too late?<a class="headerlink" href="#late">¶</a></h3>'
        '<p>No.<sup id="fnref:1"><a href="#fn:1">1</a></sup> Not for the future.</p><ul><li>One &amp; two</li></ul>'
        '<h3 id="form">Which form?</h3><p>The <a href="x">form</a>.</p>'
        '<div class="footnote"><ol><li>Source</li></ol></div>'
    )
    assert hook.faq_entries(html) == [
        ("late", "Too late?", "No. Not for the future. One & two"),
        ("form", "Which form?", "The form."),
    ]
    # Without question marks, the deepest heading level holds the questions.
    assert [e[0] for e in hook.faq_entries('<h2 id="a">A</h2><h3 id="b">B</h3><p>x</p>')] == ["b"]


def test_json_ld_cannot_close_its_script_element():
    hook = _structured_data_hook()
    text = hook.to_script_json({"text": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text


# --- Share links (HTML) --------------------------------------------------------------------------


def share_section(site, page):
    html = page.soup(site)
    section = html.select_one("section.share[data-share]")
    assert section, f"{page.where}: no share links"
    return html, section


@pytest.mark.parametrize("page", PAGES)
def test_share_links_carry_the_encoded_page_url(built_site, page):
    where = page.where
    language = page.language
    url = SITE_URL + page.url
    html, section = share_section(built_site, page)
    assert section["data-share-url"] == url
    assert section.find("h2").get_text(strip=True) == SHARE_LABELS[language][0]
    assert section["data-share-text"].startswith(SHARE_TEXT[language])
    links = {a["data-share-service"]: a["href"] for a in section.select("a[data-share-service]")}
    assert set(links) == set(SERVICES), f"{where}: share links {sorted(links)}"
    for service, href in links.items():
        parameter, kind = SERVICES[service]
        parsed = urlparse(href)
        if service == "email":
            assert parsed.scheme == "mailto"
        else:
            assert parsed.scheme == "https" and parsed.hostname == SERVICE_HOSTS[service], f"{where}: {service} {href}"
        assert quote(url, safe="") in href, f"{where}: {service} link lacks the encoded URL"
        assert url not in href, f"{where}: {service} link has the URL unencoded"
        value = parse_qs(parsed.query)[parameter][0]
        if kind == "url":
            assert value == url, f"{where}: {service} {parameter}={value!r}"
        else:
            assert value.endswith(url) and value.startswith(SHARE_TEXT[language]), f"{where}: {service} text {value!r}"
        if service != "email":
            assert set(a for a in section.select(f'a[data-share-service="{service}"]')[0]["rel"]) >= {"noopener", "noreferrer"}
    # No third-party script, frame, image or stylesheet anywhere on the page.
    for tag, attribute in [("script", "src"), ("iframe", "src"), ("img", "src"), ("link", "href")]:
        for element in html.find_all(tag):
            value = element.get(attribute) or ""
            if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preload" not in (element.get("rel") or []):
                continue
            host = urlparse(value).hostname
            assert host in (None, urlparse(SITE_URL).hostname), f"{where}: third-party {tag} {value}"


# --- Share links (Chromium) ----------------------------------------------------------------------


RECORD_WINDOW_OPEN = "window.__opened = []; window.open = (url) => { window.__opened.push(url); return {}; };"


@pytest.fixture
def phone(open_tab):
    """A phone-sized tab that records requests and errors; window.open is recorded, not run."""
    return open_tab(width=390, height=844, clipboard=True, init_scripts=[RECORD_WINDOW_OPEN])


@pytest.mark.parametrize("path, language", [("anleitung/", "de"), ("en/anleitung/", "en")])
def test_copy_link_confirms_and_fills_the_clipboard(phone, site_server, path, language):
    load(phone, site_server + path)
    button = phone.locator("[data-share-copy]")
    assert button.is_visible() and SHARE_LABELS[language][1] in button.inner_text()
    button.click()
    status = phone.locator("[data-share-status]")
    phone.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text() == SHARE_LABELS[language][2]
    assert status.get_attribute("aria-live") == "polite"
    assert phone.evaluate("navigator.clipboard.readText()") == SITE_URL + path
    assert not phone.errors, phone.errors
    assert_local_only(phone, site_server)


@pytest.mark.parametrize("path", ["checkliste/", "en/checkliste/"])
def test_mastodon_asks_for_a_server_and_opens_its_share_page(phone, site_server, path):
    load(phone, site_server + path)
    phone.locator(".share__mastodon summary").click()
    settle(phone)
    field = phone.locator("#share-mastodon-server")
    assert field.is_visible()
    # The reader's address; nothing is opened until a valid server is given.
    field.fill("not a server")
    field.press("Enter")
    settle(phone)
    assert phone.locator("[data-share-mastodon-error]").is_visible()
    assert field.get_attribute("aria-invalid") == "true"
    assert phone.evaluate("window.__opened") == []
    field.fill("https://Social.Example.org/@someone")
    phone.locator(".share__form button[type=submit]").click()
    opened = phone.evaluate("window.__opened")
    assert len(opened) == 1
    target = urlparse(opened[0])
    assert (target.scheme, target.hostname, target.path) == ("https", "social.example.org", "/share")
    text = parse_qs(target.query)["text"][0]
    assert text.endswith(SITE_URL + path)
    # The copy fallback is always there.
    assert phone.locator("#share-mastodon-address").input_value().endswith(SITE_URL + path)
    assert not phone.errors, phone.errors
    assert_local_only(phone, site_server)


FAKE_SHARE = "window.__shared = []; navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };"


def test_native_share_button_appears_only_with_web_share(open_tab, site_server):
    for has_share in (False, True):
        page = open_tab(width=390, height=844, init_scripts=[FAKE_SHARE if has_share else "delete Navigator.prototype.share;"])
        page.goto(site_server + "en/daten/")
        button = page.locator("[data-share-native]")
        assert button.is_visible() == has_share
        if has_share:
            button.click()
            shared = page.evaluate("window.__shared")
            assert len(shared) == 1 and shared[0]["url"] == SITE_URL + "en/daten/"
            assert shared[0]["title"].endswith(SITE_NAME["en"])
            assert shared[0]["text"].startswith(SHARE_TEXT["en"])


def test_share_links_work_without_javascript(open_tab, site_server):
    page = open_tab(width=390, height=844, javascript=False)
    page.goto(site_server + "daten/")
    assert page.locator("a[data-share-service=whatsapp]").is_visible()
    assert not page.locator("[data-share-copy]").is_visible()
    assert not page.locator("[data-share-native]").is_visible()
    page.locator(".share__mastodon summary").click()
    settle(page)
    assert page.locator("#share-mastodon-address").is_visible()
    assert not page.locator("#share-mastodon-server").is_visible()


# Where keyboard focus is, and how it is shown; read once transitions have finished.
FOCUS = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    return {service: el.dataset.shareService || (el.matches('[data-share-copy]') ? 'copy' : el.tagName),
            outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_share_buttons_have_visible_focus_and_contrast(phone, site_server, scheme):
    from axe_playwright_python.sync_playwright import Axe

    phone.emulate_media(color_scheme=scheme)
    phone.goto(site_server + "zeitleiste/")
    phone.locator(".share__mastodon summary").click()
    phone.locator("[data-share-copy]").click()
    # Check the state after copying: the confirmation is shown and colours have settled.
    phone.wait_for_function("() => document.querySelector('[data-share-status]').textContent.length > 0")
    settle(phone)
    results = Axe().run(phone, context=".share", options={"runOnly": ["wcag2a", "wcag2aa"]})
    assert results.violations_count == 0, results.generate_report()
    # Keyboard: Tab reaches every share control, and each shows an outline.
    phone.locator("[data-share-copy]").focus()
    phone.keyboard.press("Shift+Tab")
    seen = set()
    for _ in range(12):
        phone.keyboard.press("Tab")
        settle(phone)
        info = phone.evaluate(FOCUS)
        assert info["outline"] != "none" and info["width"] >= 2, f"no visible focus on {info}"
        seen.add(info["service"])
    assert set(SERVICES) | {"copy", "SUMMARY"} <= seen, seen
