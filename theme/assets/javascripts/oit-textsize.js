/* Text size control of the utility bar (theme/main.html, block announce).
   Why: many visitors of an LAO's site are older people reading on phones; browser zoom is not
   something they know. Three buttons make the page text larger or smaller in steps; the choice
   is kept in this browser's localStorage ("oit.textsize": 1-3, absent for normal), never in a
   cookie and never sent anywhere. The inline script in the banner applies a stored size before
   the page paints; this file wires the buttons (they stay hidden without JavaScript, where they
   could not work). oit.css scales the content and navigation by data-oit-textsize on <html>. */
(function () {
  "use strict";

  var KEY = "oit.textsize";
  var MAX = 3;
  var root = document.documentElement;

  function current() {
    var value = parseInt(root.getAttribute("data-oit-textsize") || "0", 10);
    return value >= 0 && value <= MAX ? value : 0;
  }

  function store(level) {
    try {
      if (level) window.localStorage.setItem(KEY, String(level));
      else window.localStorage.removeItem(KEY);
    } catch (e) {
      /* storage refused (private mode): the size still applies to this page */
    }
  }

  function apply(level) {
    if (level) root.setAttribute("data-oit-textsize", String(level));
    else root.removeAttribute("data-oit-textsize");
    var groups = document.querySelectorAll("[data-oit-textsize]");
    for (var g = 0; g < groups.length; g++) {
      var buttons = groups[g].querySelectorAll("button[data-oit-textsize-step]");
      for (var b = 0; b < buttons.length; b++) {
        var step = parseInt(buttons[b].getAttribute("data-oit-textsize-step"), 10);
        var off = (step < 0 && level === 0) || (step > 0 && level === MAX) || (step === 0 && level === 0);
        buttons[b].setAttribute("aria-disabled", off ? "true" : "false");
        if (step === 0) buttons[b].setAttribute("aria-pressed", level === 0 ? "true" : "false");
      }
    }
    // Wide tables may stop or start overflowing: oit.js listens to resize.
    window.dispatchEvent(new Event("resize"));
  }

  function setUp() {
    var groups = document.querySelectorAll("[data-oit-textsize]");
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      if (group.getAttribute("data-oit-ready")) continue;
      group.setAttribute("data-oit-ready", "1");
      group.hidden = false;
      group.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-oit-textsize-step]");
        if (!button) return;
        var step = parseInt(button.getAttribute("data-oit-textsize-step"), 10);
        var level = step === 0 ? 0 : Math.max(0, Math.min(MAX, current() + step));
        store(level);
        apply(level);
      });
    }
    apply(current());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
  // Another tab changed the size.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(/^[1-3]$/.test(event.newValue || "") ? parseInt(event.newValue, 10) : 0);
  });
})();
