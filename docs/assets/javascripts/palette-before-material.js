// Material applies the colour scheme (the reader's stored choice, else the system's) and shows
// the toggle to the other scheme when its bundle starts; the bundle now waits for the reader's
// first input (material-on-input.js). So this does both from <head>: the body gets its scheme as
// soon as it exists, before anything is drawn (a dark system never sees a light page, even when
// a slow connection draws the page in pieces), and the toggle is set up as soon as it is parsed
// and works before the bundle runs. The choice is stored under Material's own key, as Material
// stores it when it starts. The palette's options come from main.html (#__palette_options);
// __md_get and __md_set are Material's, defined in <head> before this runs.
(function () {
  "use strict";
  var data = document.getElementById("__palette_options");
  if (!data) return;
  var options = JSON.parse(data.textContent);
  var KEYS = ["media", "scheme", "primary", "accent"];
  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : options.findIndex(function (option) {
    return matchMedia(option.media).matches;
  });
  index = Math.min(Math.max(index, 0), options.length - 1);

  function paint() {
    KEYS.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, options[index][key]); });
  }

  function choose(chosen, inputs) {
    index = chosen;
    inputs.forEach(function (input, i) {
      input.checked = i === index;
      input.nextElementSibling.hidden = i !== index;
    });
    paint();
    __md_set("__palette", { index: index, color: options[index] });
  }

  // The toggle's inputs, once the whole header is parsed: shown any earlier, on a connection that
  // draws the page in pieces, the toggle would move when the buttons after it arrive.
  function toggle() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header || !header.nextElementSibling) return null;
    var inputs = Array.prototype.slice.call(header.querySelectorAll("[data-md-component=palette] input[name=__palette]"));
    return inputs.length === options.length ? inputs : null;
  }

  function setUp(inputs) {
    choose(index, inputs);
    inputs.forEach(function (input, i) {
      input.addEventListener("change", function () {
        // Once the bundle runs, Material handles the toggle itself.
        if (!document.documentElement.classList.contains("js")) choose(i, inputs);
      });
    });
  }

  // Mutation callbacks run before the browser next draws, so each step lands before a paint.
  var painted = false;
  var observer = new MutationObserver(function () {
    if (!painted && document.body) { paint(); painted = true; }
    var inputs = toggle();
    if (inputs) { observer.disconnect(); setUp(inputs); }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); }, { once: true });
})();
