// Material's language integration requests "sitemap.xml" next to every <link rel="alternate">,
// assuming those links point at language roots (mkdocs-material#8576). Ours are per-page
// hreflang links, so every page view would request files that don't exist, or another host
// when SITE_URL differs from where the site is served. The i18n plugin already points the
// language switcher at the counterpart page, so these requests are skipped: Material treats
// an aborted request as "no sitemap" and leaves the switcher's links alone.
(function () {
  var links = document.querySelectorAll("link[rel=alternate][hreflang]");
  var sitemaps = new Set(Array.prototype.map.call(links, function (link) {
    return new URL("sitemap.xml", link.href).href;
  }));
  var skipped = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (sitemaps.has(new URL(url, location.href).href)) skipped.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!skipped.has(this)) return send.apply(this, arguments);
    var request = this;
    setTimeout(function () { request.dispatchEvent(new ProgressEvent("abort")); });
  };
})();
