/* Share and print buttons (overrides/partials/share.html, print-button.html).
 * Everything works without this file: the share links are plain links. This script only adds
 * what needs JavaScript: the native share sheet (Web Share API, where the browser has one),
 * copying the link, sharing to a Mastodon server the reader names, and the print button.
 * Nothing here contacts another site; Mastodon opens only after the reader submits the form.
 */
(function () {
  "use strict";

  var MASTODON_KEY = "share.mastodon.server";
  // A host name like mastodon.social or social.example.co.uk, optionally with a port.
  var HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$/;

  function reveal(root, selector) {
    var element = root.querySelector(selector);
    if (element) element.hidden = false;
    return element;
  }

  function announce(status, message) {
    // Clear first so screen readers repeat the message on a second click.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "share__offscreen";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      document.body.removeChild(field);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  /* Accepts "mastodon.social", "@me@mastodon.social" or "https://mastodon.social/@me". */
  function mastodonHost(input) {
    var value = (input || "").trim().toLowerCase();
    if (value.indexOf("@") !== -1 && value.indexOf("/") === -1) {
      value = value.split("@").pop();
    }
    value = value.replace(/^[a-z]+:\/\//, "").split(/[/?#]/)[0];
    return HOST.test(value) ? value : null;
  }

  function setUpShare(root) {
    var url = root.getAttribute("data-share-url");
    var title = root.getAttribute("data-share-title");
    var text = root.getAttribute("data-share-text");
    var status = root.querySelector("[data-share-status]");

    if (typeof navigator.share === "function") {
      reveal(root, "[data-share-native-item]");
      root.querySelector("[data-share-native]").addEventListener("click", function () {
        navigator.share({ title: title, text: text, url: url }).catch(function () {
          /* The reader closed the share sheet: nothing to do. */
        });
      });
    }

    reveal(root, "[data-share-copy-item]");
    root.querySelector("[data-share-copy]").addEventListener("click", function () {
      copyText(url).then(function () {
        announce(status, status.getAttribute("data-share-copied"));
      }, function () {
        var fallback = reveal(root, "[data-share-fallback]");
        var field = fallback.querySelector("input");
        field.focus();
        field.select();
      });
    });

    var form = root.querySelector("[data-share-mastodon]");
    if (form) {
      var field = form.querySelector("input");
      var error = form.querySelector("[data-share-mastodon-error]");
      form.hidden = false;
      try { field.value = window.localStorage.getItem(MASTODON_KEY) || ""; } catch (e) { /* storage off */ }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var host = mastodonHost(field.value);
        if (!host) {
          error.hidden = false;
          field.setAttribute("aria-invalid", "true");
          field.focus();
          return;
        }
        error.hidden = true;
        field.removeAttribute("aria-invalid");
        try { window.localStorage.setItem(MASTODON_KEY, host); } catch (e) { /* storage off */ }
        var target = "https://" + host + "/share?text=" + encodeURIComponent(text + " " + url);
        // "noopener" would make window.open return null, so cut the link to us by hand.
        var opened = window.open(target, "_blank");
        if (opened) { opened.opener = null; } else { window.location.href = target; }
      });
    }
  }

  function setUpPrint(button) {
    var item = button.closest("[data-print-item]");
    if (item) item.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), setUpShare);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), setUpPrint);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init, { once: true });
  } else {
    init();
  }

  // For tests: the host parsing is the only logic worth checking on its own.
  window.__shareMastodonHost = mastodonHost;
})();
