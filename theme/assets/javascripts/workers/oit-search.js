/*
 * Thai-aware wrapper around Material's search worker.
 *
 * Why: Thai is written without spaces between words. The search index has its Thai words
 * cut at build time (generator/search.py joins them with U+200B, which the search separator
 * splits on), and a query word only finds indexed words that it *starts*, so a query must be
 * cut into the same words as the index, or a word in the middle of a sentence is not found.
 * This wrapper runs in the worker, rewrites each query message and then loads Material's own
 * worker unchanged. The visitor's text in the search box is not touched.
 *
 * - Words: the index's own Thai words are read from the setup message. Each Thai run of a
 *   query is cut into the fewest of them; among equally short cuts, the one whose first word
 *   is longest, then the next (the rule generator/search.py cuts the index with, so a query
 *   that is a stretch of indexed text gets exactly the indexed words). The last word of a run
 *   may be the start of an indexed word (the visitor is still typing). A run with letters in
 *   no indexed word is cut by Intl.Segmenter('th') first.
 * - Inside longer words: a query word finds indexed words that start with it ("word*"); a Thai
 *   word of 4 letters or more also finds indexed words that contain it ("*word*"), ranked
 *   lower, because the index keeps compounds such as ช่วงเวลา or เสียชีวิต whole.
 * - Digits: Thai digits ๐–๙ become 0–9, as in the index.
 * - All words of a run: a run typed without spaces is one thing the visitor looks for, so a
 *   page must contain all its words (as Material does for a phrase in quotes); words
 *   separated by spaces keep Material's behaviour (any word, best matches first). If that
 *   finds nothing, the query is sent again with every word optional, so a query is never
 *   worse off than with Material's own behaviour.
 * - Results: U+200B is removed from their titles and text, so the result list never shows it.
 * - Parts of a query with search syntax (quotes, +, -, ~, ^, field:, *) only get their Thai
 *   runs cut into words, separated by spaces.
 *
 * main.html points Material's config at "workers/oit-search.js?w=<Material's worker file>",
 * so this file sits next to Material's worker and the worker's relative paths still resolve.
 * On file:// (oit build --file-system) the same file runs inside the iframe-worker shim; see
 * the end of this file.
 */
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType
  var THAI = /[\u0E01-\u0E4F]+/g // Thai letters, vowels and marks, as generator/search.py
  var PREFIX = 100 // cost of a last word that is only the start of an indexed word
  var segmenter = (typeof Intl !== "undefined" && Intl.Segmenter)
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null

  var words = new Set()
  var starts = new Set()
  var longest = 0

  function learn(docs) {
    for (var d = 0; d < docs.length; d++)
      for (var key of ["title", "text"]) {
        var found = typeof docs[d][key] === "string" ? docs[d][key].match(THAI) : null
        if (found)
          for (var w = 0; w < found.length; w++) {
            var word = found[w]
            if (words.has(word))
              continue
            words.add(word)
            longest = Math.max(longest, word.length)
            for (var k = 1; k <= word.length; k++)
              starts.add(word.slice(0, k))
          }
      }
  }

  function icu(text) {
    if (!segmenter)
      return [text]
    var out = []
    for (var s of segmenter.segment(text))
      if (s.isWordLike)
        out.push(s.segment)
    return out.length ? out : [text]
  }

  // The cut of generator/search.py (fewest words, then longest first word) over the index's
  // words, where the last word may be only the start of an indexed word (a word still being
  // typed). Returns null if some letter is in no indexed word.
  function cutKnown(run) {
    var n = run.length
    var cost = new Array(n + 1), next = new Array(n + 1)
    cost[n] = 0
    for (var i = n - 1; i >= 0; i--) {
      cost[i] = Infinity
      for (var j = Math.min(n, i + longest); j > i; j--) { // longest first: ties keep it
        var piece = run.slice(i, j)
        var c = words.has(piece) ? 1 : (j === n && starts.has(piece)) ? PREFIX : Infinity
        if (cost[j] + c < cost[i]) {
          cost[i] = cost[j] + c
          next[i] = j
        }
      }
    }
    if (cost[0] === Infinity)
      return null
    var out = []
    for (var p = 0; p < n; p = next[p])
      out.push(run.slice(p, next[p]))
    return out
  }

  // A run with letters in no indexed word (a word the site does not have, or has only inside
  // a longer word): Intl.Segmenter's words, each cut over the index's words if it can be.
  function cut(run) {
    var known = cutKnown(run)
    if (known)
      return known
    var out = []
    for (var word of icu(run))
      out.push.apply(out, cutKnown(word) || [word])
    return out
  }

  function digits(text) {
    return text.replace(/[\u0E50-\u0E59]/g, function (d) {
      return String(d.charCodeAt(0) - 0x0E50)
    })
  }

  function spaced(part) {
    return part.replace(THAI, function (run) {
      return " " + cut(run).join(" ") + " "
    }).trim()
  }

  // A Thai word of 4 letters or more may also be found inside a longer indexed word (the
  // index keeps compounds such as ช่วงเวลา or เสียชีวิต whole, and "เวลา*" only finds words
  // that start with เวลา). "*word*^1": "^1" (the normal weight) keeps Material from adding
  // its own "*". A word that starts an indexed word matches both clauses and ranks higher.
  function inner(word) {
    return word.length >= 4 && /^[\u0E01-\u0E4F]+$/.test(word)
  }

  function anyOf(word) {
    return inner(word) ? word + " *" + word + "*^1" : word
  }

  function allOf(word) {
    return inner(word) ? "+*" + word + "* " + word : "+" + word + "*"
  }

  // → { strict: query for Material, relaxed: query to try if strict finds nothing, or null }
  function rewrite(query) {
    var strict = [], relaxed = [], changed = false
    var parts = digits(query).split(/\s+/)
    for (var p = 0; p < parts.length; p++) {
      var part = parts[p]
      if (!part)
        continue
      if (/["+\-~^:*]/.test(part)) { // search syntax: only cut the Thai words
        strict.push(spaced(part))
        relaxed.push(spaced(part))
        continue
      }
      var terms = spaced(part).split(/\s+/).filter(Boolean)
      relaxed.push(terms.map(anyOf).join(" "))
      if (terms.length > 1) {
        changed = true
        strict.push(terms.map(allOf).join(" "))
      } else {
        strict.push(terms.map(anyOf).join(" "))
      }
    }
    return { strict: strict.join(" "), relaxed: changed ? relaxed.join(" ") : null }
  }

  // Material marks a query word as missing from a result ("ไม่พบคำ") unless an indexed word
  // of the result starts with it; a word found inside a longer word is not missing.
  function plain(html) {
    return typeof html === "string" ? html.replace(/<[^>]*>/g, "").replace(/\u200b/g, "") : ""
  }

  function fixTerms(items) {
    for (var g = 0; g < items.length; g++)
      for (var k = 0; k < items[g].length; k++) {
        var item = items[g][k]
        if (!item.terms)
          continue
        for (var term in item.terms)
          if (!item.terms[term] && inner(term) &&
              (plain(item.title).indexOf(term) >= 0 || plain(item.text).indexOf(term) >= 0))
            item.terms[term] = true
      }
  }

  // The U+200B that joins the index's Thai words is not shown in the result list (nor copied
  // from it): it is removed from the titles and text of the results, after highlighting.
  function unjoin(items) {
    for (var g = 0; g < items.length; g++)
      for (var k = 0; k < items[g].length; k++)
        for (var key of ["title", "text"])
          if (typeof items[g][k][key] === "string")
            items[g][k][key] = items[g][k][key].replace(/\u200b/g, "")
  }

  // Queries sent to Material's handler whose result is not yet back, oldest first. Material
  // answers every query with exactly one result message, in order.
  var pending = []
  var handle = null

  var post = self.postMessage.bind(self)
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && pending.length) {
      var sent = pending.shift()
      var items = msg.data && msg.data.items
      if (sent.relaxed && handle && (!items || !items.length)) {
        pending.push({ relaxed: null })
        handle({ data: { type: QUERY, data: sent.relaxed } })
        return
      }
      if (items) {
        fixTerms(items)
        unjoin(items)
      }
    }
    return post.apply(null, arguments)
  }

  // Material registers its handler with the global addEventListener: wrap it before loading.
  var add = self.addEventListener.bind(self)
  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return add(type, listener, options)
    var self_ = this
    handle = function (ev) { return listener.call(self_, ev) }
    return add(type, function (ev) {
      var msg = ev.data
      if (msg && msg.type === SETUP && msg.data && Array.isArray(msg.data.docs))
        learn(msg.data.docs)
      if (msg && msg.type === QUERY && typeof msg.data === "string") {
        var query = rewrite(msg.data)
        pending.push(query)
        return handle({ data: { type: QUERY, data: query.strict } })
      }
      return listener.call(this, ev)
    }, options)
  }

  // This script's own address. In a Web Worker that is self.location. Opened from a folder
  // (file://), the iframe-worker shim (assets/javascripts/iframe-worker/) runs the worker in a
  // hidden about:blank iframe instead: self.location is then "about:blank", the script is a
  // <script> element whose address has "?<timestamp>" appended ("…?w=search.x.min.js?123"),
  // and importScripts() adds a <script> whose relative address resolves against the page, so
  // Material's worker is named by its absolute address.
  var here = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) ||
    self.location.href
  var original = (new URL(here).searchParams.get("w") || "").split("?")[0]
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(original))
    throw new Error("oit-search: missing or unexpected ?w= worker name")
  importScripts(new URL(original, here).href)
})()
