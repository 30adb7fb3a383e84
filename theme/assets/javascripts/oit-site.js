/* Behaviours of the government-site chrome (theme/main.html, block announce; partials/header.html).
   1. Text size control of the utility bar. Why: many visitors of an LAO's site are older people reading on phones; browser zoom is not
   something they know. Three buttons make the page text larger or smaller in steps; the choice
   is kept in this browser's localStorage ("oit.textsize": 1-3, absent for normal), never in a
   cookie and never sent anywhere. The inline script in the banner applies a stored size before
   the page paints; this file wires the buttons (they stay hidden without JavaScript, where they
   could not work). oit-site.css scales the content and navigation by data-oit-textsize on <html>.
   2. The menu button by keyboard. Why: Material's menu button is a <label for="__drawer">, which
      a keyboard cannot reach or press, so on a phone-width screen the menu could not be opened
      without a mouse (WCAG 2.1.1). partials/header.html gives it tabindex="0" and role="button";
      Enter and Space press it here, focus moves into the opened menu, aria-expanded follows
      the drawer, and Escape closes it and returns focus to the button. oit-site.css hides the closed drawer's links from the Tab order
      (they are off screen, where focus could not be seen).
   3. Focus leaving the search: when the keyboard moves on from an open search panel (which
      covers the page on a phone), the panel closes, so the newly focused element is not hidden
      under it (WCAG 2.4.11). Works with any search that uses the #__search toggle. */
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

  function setUpMenu() {
    var toggle = document.getElementById("__drawer");
    var buttons = document.querySelectorAll('label[for="__drawer"][role="button"]');
    if (!toggle || !buttons.length) return;
    function sync() {
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        // Pressed here only: Material's own Enter handler (on the document) would press it again.
        event.preventDefault();
        event.stopPropagation();
        event.currentTarget.click();
        sync();
        if (toggle.checked) {
          var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
          if (first) window.setTimeout(function () { first.focus(); }, 50);
        }
      });
    }
    toggle.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        sync();
        buttons[0].focus();
      }
    });
    sync();
  }

  function setUpSearchFocus() {
    var toggle = document.getElementById("__search");
    if (!toggle) return;
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (!toggle.checked || !target.closest) return;
      if (target.closest(".md-search") || target.closest('label[for="__search"]')) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    });
  }

  function start() {
    setUp();
    setUpMenu();
    setUpSearchFocus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Another tab changed the size.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(/^[1-3]$/.test(event.newValue || "") ? parseInt(event.newValue, 10) : 0);
  });
})();
