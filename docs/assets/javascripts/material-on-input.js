// Material's bundle is half of a page's first view (34 KB gzip) and its main-thread work, yet a
// reader who only reads needs none of it: the pages are complete without JavaScript. So the
// bundle loads on the reader's first input (a key, a tap, a pointer move, a scroll, a focus), and
// at once for a link that needs it (a search result's ?h= or ?q=, a #place in the page). Until it
// runs, this script does the little that input needs: the search opens with its field focused,
// by a tap or by "/", "s" or "f" as in Material. hooks/material_on_input.py turns the bundle's
// <script> into the placeholder read here; palette-before-material.js sets the colour scheme.
(function () {
  "use strict";
  var root = document.documentElement;
  // "click" too: assistive technology can click without a pointer or key event before it.
  var INPUTS = ["keydown", "pointerdown", "pointermove", "touchstart", "wheel", "scroll", "focusin", "click"];
  var requested = false;

  // Material hides the search and the palette toggle while the page has "no-js"; with JavaScript
  // they work before the bundle runs (below). Material adds "js" when it starts.
  root.classList.remove("no-js");

  function started() {
    return root.classList.contains("js");
  }

  function whenParsed(callback) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback, { once: true });
    else callback();
  }

  function loadMaterial() {
    if (requested) return;
    requested = true;
    INPUTS.forEach(function (type) { window.removeEventListener(type, loadMaterial, true); });
    whenParsed(function () {
      var placeholder = document.getElementById("__bundle");
      if (!placeholder) return;
      var script = document.createElement("script");
      script.src = placeholder.getAttribute("data-src");
      // Material starts on DOMContentLoaded, which has passed by now: announce it once more.
      script.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded")); };
      // Without the bundle, the page is best as it is without JavaScript.
      script.onerror = function () { root.classList.add("no-js"); };
      document.body.appendChild(script);
    });
  }

  INPUTS.forEach(function (type) {
    window.addEventListener(type, loadMaterial, { capture: true, passive: true });
  });
  if (/[?&][hq]=/.test(location.search) || location.hash.length > 1) loadMaterial();

  // Until the bundle runs: what Material does when the search opens.
  function searchField() {
    return document.querySelector(".md-search__input");
  }

  // As a click on the toggle would: search-on-demand.js and the listener below hear the change.
  function setSearch(toggle, open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("change", function (event) {
    if (!started() && event.target.id === "__search" && event.target.checked) searchField().focus();
  });

  document.addEventListener("keydown", function (event) {
    if (started() || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    var toggle = document.getElementById("__search");
    if (!typing && /^[sf/]$/.test(event.key) && toggle) {
      event.preventDefault();
      setSearch(toggle, true);
      searchField().focus();
    } else if (event.key === "Escape" && toggle && toggle.checked) {
      setSearch(toggle, false);
      target.blur();
    }
  });
})();
