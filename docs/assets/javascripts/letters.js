/* Letters page (docs/briefe*.md): fills the letter templates from the form, live and only in
   this browser tab. Nothing typed is sent anywhere or stored (no requests, cookies or storage).

   How the page and this script fit together:
   - #letter-form holds the fields. Each field (or checkbox fieldset) names the placeholder it
     fills in data-fills, e.g. data-fills="[Name]". data-optional: if empty, the letter lines
     with that placeholder are left out. required / data-required: listed as missing when empty.
   - .letter-text elements hold the letters as built from includes/letters/*.txt. Their text
     at load time is the template; placeholders stay visible until a field fills them.
   - .letter-tools[data-for=NAME] holds the copy / email / print controls for #letter-NAME.
   - UI messages come from data-msg-* attributes on #letter-form, so this file has no language.
   Typed values only ever reach the page as text nodes (textContent), never as markup, and the
   mailto: link gets them percent-encoded. */
(function () {
  "use strict";

  var form = document.getElementById("letter-form");
  if (!form) return;

  var locale = form.dataset.locale || document.documentElement.lang;
  var dates = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  var lists = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-fills]"));
  var letters = Array.prototype.slice.call(document.querySelectorAll(".letter-text"));
  var templates = new Map(letters.map(function (el) { return [el, el.textContent]; }));
  var placeholders = controls.map(function (c) { return c.dataset.fills; });
  var optional = controls.filter(function (c) { return "optional" in c.dataset; }).map(function (c) { return c.dataset.fills; });
  // One capturing group: split() then returns text and placeholders alternately.
  var token = new RegExp("(" + placeholders.map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")");

  function valueOf(control) {
    if (control.tagName === "FIELDSET") {
      var checked = control.querySelectorAll("input:checked");
      return lists.format(Array.prototype.map.call(checked, function (box) { return box.value; }));
    }
    if (control.tagName === "SELECT") {
      var option = control.selectedOptions[0];
      return option && option.dataset.address ? option.dataset.address : "";
    }
    if (control.type === "date") {
      var parts = control.value.split("-").map(Number);
      return parts.length === 3 && parts[0] ? dates.format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]))) : "";
    }
    return control.value.replace(/\r\n?/g, "\n").trim();
  }

  function values() {
    var map = new Map();
    controls.forEach(function (control) { map.set(control.dataset.fills, valueOf(control)); });
    return map;
  }

  // The letter as a list: even items are fixed text, odd items are placeholders.
  function pieces(template, filled) {
    var lines = template.split("\n").filter(function (line) {
      return !optional.some(function (p) { return line.indexOf(p) !== -1 && !filled.get(p); });
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").split(token);
  }

  function plainText(el, filled) {
    return pieces(templates.get(el), filled).map(function (piece, i) {
      return i % 2 ? filled.get(piece) || piece : piece;
    }).join("");
  }

  function draw(el, filled) {
    var subject = el.dataset.subject;
    var nodes = [];
    pieces(templates.get(el), filled).forEach(function (piece, i) {
      if (i % 2) {
        var value = filled.get(piece);
        var node = document.createElement(value ? "span" : "mark");
        node.className = value ? "letter-value" : "letter-placeholder";
        node.textContent = value || piece;
        nodes.push(node);
        return;
      }
      var at = subject ? piece.indexOf(subject) : -1;
      if (at === -1) {
        nodes.push(document.createTextNode(piece));
        return;
      }
      var strong = document.createElement("strong");
      strong.className = "letter-subject";
      strong.textContent = subject;
      nodes.push(document.createTextNode(piece.slice(0, at)), strong, document.createTextNode(piece.slice(at + subject.length)));
    });
    el.replaceChildren.apply(el, nodes);
  }

  function mailHref(tools, el, filled) {
    var picker = tools.dataset.mailTo && document.getElementById(tools.dataset.mailTo);
    var option = picker && picker.selectedOptions[0];
    var to = option && option.dataset.email ? option.dataset.email : "";
    var body = plainText(el, filled).replace(/\n/g, "\r\n");
    return "mailto:" + to + "?subject=" + encodeURIComponent(el.dataset.subject) + "&body=" + encodeURIComponent(body);
  }

  function update() {
    var filled = values();
    letters.forEach(function (el) { draw(el, filled); });
    document.querySelectorAll(".letter-tools").forEach(function (tools) {
      var el = document.getElementById("letter-" + tools.dataset.for);
      tools.querySelector("[data-action=mail]").href = mailHref(tools, el, filled);
    });
  }

  // --- Error hints -------------------------------------------------------------------------
  function labelOf(control) {
    var label = control.tagName === "FIELDSET" ? control.querySelector("legend") : control.labels && control.labels[0];
    return label ? (label.dataset.name || label.textContent).trim() : control.dataset.fills;
  }

  function showError(control, on) {
    var hint = document.getElementById(control.dataset.error || "");
    if (!hint) return;
    hint.hidden = !on;
    var target = control.tagName === "FIELDSET" ? control.querySelector("input") : control;
    var ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== hint.id; });
    if (on) ids.push(hint.id);
    if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
    else target.removeAttribute("aria-describedby");
    if (control.tagName !== "FIELDSET") target.setAttribute("aria-invalid", on ? "true" : "false");
  }

  function isRequired(control) {
    return control.required || "required" in control.dataset;
  }

  function invalid(control) {
    if (control.type === "email" && control.value.trim()) return !control.checkValidity();
    return isRequired(control) && !valueOf(control);
  }

  // Fields this letter needs that are still empty or wrong; their hints become visible.
  function missingFor(el) {
    var template = templates.get(el);
    return controls.filter(function (control) {
      var bad = template.indexOf(control.dataset.fills) !== -1 && invalid(control);
      if (bad) showError(control, true);
      return bad;
    });
  }

  // --- Actions -----------------------------------------------------------------------------
  function say(tools, message, missing) {
    var status = tools.querySelector(".letter-status");
    var text = message;
    if (missing.length) text += " " + form.dataset.msgMissing + " " + missing.map(labelOf).join(", ") + ".";
    status.textContent = "";
    // A fresh text node after a short pause makes screen readers announce a repeated message.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(tools, el) {
    var missing = missingFor(el);
    var text = plainText(el, values());
    function selectInstead() {
      window.getSelection().selectAllChildren(el);
      say(tools, form.dataset.msgSelected, missing);
    }
    if (!navigator.clipboard || !window.isSecureContext) return selectInstead();
    navigator.clipboard.writeText(text).then(function () { say(tools, form.dataset.msgCopied, missing); }, selectInstead);
  }

  function print(tools, el) {
    say(tools, form.dataset.msgPrint, missingFor(el));
    document.body.classList.add("letters-print");
    el.classList.add("is-printing");
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("letters-print");
      el.classList.remove("is-printing");
    }, { once: true });
    window.print();
  }

  document.querySelectorAll(".letter-tools").forEach(function (tools) {
    var el = document.getElementById("letter-" + tools.dataset.for);
    tools.querySelector("[data-action=copy]").addEventListener("click", function () { copy(tools, el); });
    tools.querySelector("[data-action=print]").addEventListener("click", function () { print(tools, el); });
    tools.querySelector("[data-action=mail]").addEventListener("click", function () {
      say(tools, form.dataset.msgMail, missingFor(el));
    });
    tools.hidden = false;
  });

  controls.forEach(function (control) {
    control.addEventListener("input", function () {
      if (!invalid(control)) showError(control, false);
      update();
    });
    control.addEventListener("change", function () {
      if (control.type === "email") showError(control, invalid(control));
      update();
    });
  });

  // The letter date starts as today (local time).
  var today = new Date();
  document.querySelectorAll("input[type=date][data-today]").forEach(function (input) {
    if (!input.value) {
      input.value = [today.getFullYear(), String(today.getMonth() + 1).padStart(2, "0"), String(today.getDate()).padStart(2, "0")].join("-");
    }
  });

  document.querySelectorAll(".letters-nojs").forEach(function (note) { note.hidden = true; });
  form.hidden = false;
  update();
})();
