// Runs right after the header, before anything below it is drawn. Material picks the colour
// scheme (the reader's stored choice, else the system's) and shows the toggle to the other scheme
// when its bundle starts; the bundle now waits for the reader's first input
// (material-on-input.js), so this does the same at once: a dark system shows the dark scheme from
// the first paint, and the toggle works before the bundle runs. Same storage key as Material.
(function () {
  "use strict";
  var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=palette] input[name=__palette]"));
  if (!inputs.length) return;
  var KEYS = ["media", "scheme", "primary", "accent"];

  function apply(index, store) {
    var input = inputs[index];
    var color = {};
    KEYS.forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (other, i) {
      other.checked = i === index;
      other.nextElementSibling.hidden = i !== index;
    });
    if (store) __md_set("__palette", { index: index, color: color });
  }

  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  apply(Math.min(Math.max(index, 0), inputs.length - 1), false);

  // A click on the toggle before the bundle runs; afterwards Material handles it.
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () {
      if (!document.documentElement.classList.contains("js")) apply(i, true);
    });
  });
})();
