/* Small page behaviours of the OIT theme, loaded after Material's bundle by theme/main.html.
   Why:
   1. Keyboard access to wide tables (WCAG 2.1.1; axe: scrollable-region-focusable). Material
      wraps each table in <div class="md-typeset__scrollwrap"> so a wide table scrolls sideways
      inside its own box on a phone, but a box that scrolls must be reachable by keyboard.
      A wrapper that overflows gets tabindex="0", role="region" and a name ("ตาราง …" plus the
      nearest heading, so several tables on a page have distinct names); one that no longer
      overflows (wider window) loses them, so tables that fit add no tab stop.
   2. Names for sub-menus of sections that have their own index page (navigation.indexes):
      Material labels such a <nav> by the toggle <label> next to the section link, which holds
      only an icon, so the menu (and the focusable toggle) has no name, and several unnamed
      menus are indistinguishable (axe: landmark-unique). The section title is added to the
      toggle as visually hidden text (class oit-sr-only in oit.css).
   3. Print: links to documents and to other sites get data-oit-print-url, an absolute address
      with Thai file names decoded, which the print stylesheet (oit.css) shows after the link.
   4. Search (partials/oit-search.html): nothing of it is loaded with the page. Focusing the
      box, opening it with the header button (phone) or opening a page with ?q= loads
      assets/javascripts/oit-search.js, which loads the index. Until then this opens and closes
      the box (the #__search toggle, as Material's own search did) and keeps the form from
      submitting.
   Runs on every page load through Material's document$ observable (which also fires after
   instant navigation), after web fonts load, and on resize. No network access, no storage. */
(function () {
  "use strict";

  var script = document.currentScript;
  var tableLabel = (script && script.getAttribute("data-table-label")) || "ตาราง";
  var DOCUMENT = /\.(pdf|docx?|xlsx?|pptx?|od[tsp]|csv|zip|rar|7z|jpe?g|png|gif|webp|tiff?)$/i;

  function headingText(el) {
    // Nearest heading before the element, in document order, without its "#" permalink.
    var node = el;
    while (node && node !== document.body) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) {
          var copy = prev.cloneNode(true);
          var links = copy.querySelectorAll(".headerlink");
          for (var i = 0; i < links.length; i++) links[i].remove();
          return copy.textContent.replace(/\s+/g, " ").trim();
        }
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  function updateTables() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    var used = {};
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var table = wrap.querySelector("table");
        var caption = table && table.caption ? table.caption.textContent.trim() : "";
        var name = tableLabel + (caption || headingText(wrap) ? ": " + (caption || headingText(wrap)) : "");
        used[name] = (used[name] || 0) + 1;
        if (used[name] > 1) name += " (" + used[name] + ")";
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name);
        wrap.setAttribute("data-oit-scroll", "");
      } else if (wrap.hasAttribute("data-oit-scroll")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("data-oit-scroll");
      }
    }
  }

  function nameMenuToggles() {
    var labels = document.querySelectorAll(".md-nav__container > label.md-nav__link[for]");
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i];
      if (label.textContent.trim()) continue;
      var link = label.parentElement.querySelector("a.md-nav__link");
      var text = link ? link.textContent.replace(/\s+/g, " ").trim() : "";
      if (!text) continue;
      var span = document.createElement("span");
      span.className = "oit-sr-only";
      span.textContent = text;
      label.appendChild(span);
    }
  }

  function readable(url) {
    try {
      return decodeURI(url);
    } catch (e) {
      return url;
    }
  }

  function markPrintLinks() {
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.classList.contains("headerlink") || a.classList.contains("md-content__button")) continue;
      var url;
      try {
        url = new URL(a.getAttribute("href"), document.baseURI);
      } catch (e) {
        continue;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") continue;
      var external = url.origin !== window.location.origin;
      if (!external && !DOCUMENT.test(url.pathname)) continue;
      var shown = readable(url.href);
      // An address already shown as the link text (autolinks) is not repeated.
      if (a.textContent.trim() === shown || a.textContent.trim() === a.getAttribute("href")) continue;
      a.setAttribute("data-oit-print-url", shown);
    }
  }

  function setupSearch() {
    var box = document.querySelector("[data-oit-search]");
    if (!box || box.hasAttribute("data-oit-bound")) return;
    box.setAttribute("data-oit-bound", "");
    var input = box.querySelector("[data-oit-search-input]");
    var toggle = document.getElementById("__search");
    var form = input && input.form;
    if (!input || !toggle) return;
    var loaded = false;
    function load() {
      if (loaded) return;
      loaded = true;
      // The search script and the index's manifest load side by side (one round trip less on a
      // phone): until the script runs, index files are queued for it.
      if (!window.__oitSearch) {
        window.__oitSearchQueue = [];
        window.__oitSearch = function (name, data) { window.__oitSearchQueue.push([name, data]); };
      }
      var script = document.createElement("script");
      script.src = box.getAttribute("data-oit-script");
      script.async = true;
      document.head.appendChild(script);
      var manifest = document.createElement("script");
      manifest.src = box.getAttribute("data-oit-index") + "index.js";
      manifest.async = true;
      manifest.onload = manifest.onerror = function () { manifest.setAttribute("data-oit-done", ""); };
      window.__oitSearchPreload = manifest;
      document.head.appendChild(manifest);
    }
    input.addEventListener("focus", function () {
      if (!toggle.checked) toggle.checked = true;
      load();
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        load();
        // the phone's panel becomes visible with the toggle; focus once it is
        window.setTimeout(function () { input.focus(); }, 50);
      } else {
        input.blur();
      }
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        toggle.checked = false;
        input.blur();
      }
    });
    if (form) form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      toggle.checked = true;
      load();
    }
  }

  function update() {
    setupSearch();
    nameMenuToggles();
    updateTables();
    markPrintLinks();
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      update();
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(schedule);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", schedule);
  } else {
    schedule();
  }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(schedule);
  window.addEventListener("resize", schedule);
  window.addEventListener("beforeprint", markPrintLinks);
})();
