/*
 * Thai-aware wrapper around Material's search worker.
 *
 * Why: Thai is written without spaces between words. The search index has its Thai words
 * segmented at build time (generator/search.py joins them with U+200B, which the search
 * separator splits on), so a query must be segmented the same way before Material turns it
 * into a lunr query. This wrapper runs in the worker, rewrites each query message (Thai runs
 * split into words with Intl.Segmenter('th'); Thai digits ๐–๙ → 0–9, as in the index) and then
 * loads Material's own worker unchanged. The visitor's text in the search box is not touched.
 *
 * main.html points Material's config at "workers/oit-search.js?w=<Material's worker file>",
 * so this file sits next to Material's worker and the worker's relative paths still resolve.
 */
(function () {
  "use strict"
  var QUERY = 2 // Material's SearchMessageType.QUERY
  var segmenter = (typeof Intl !== "undefined" && Intl.Segmenter)
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null

  function normalise(query) {
    query = query.replace(/[\u0E50-\u0E59]/g, function (d) {
      return String(d.charCodeAt(0) - 0x0E50)
    })
    if (!segmenter)
      return query
    return query.replace(/[\u0E01-\u0E4F]+/g, function (run) {
      var words = []
      var it = segmenter.segment(run)[Symbol.iterator]()
      for (var s = it.next(); !s.done; s = it.next())
        if (s.value.isWordLike)
          words.push(s.value.segment)
      return words.length ? words.join(" ") : run
    })
  }

  // Material registers its handler with the global addEventListener: wrap it before loading.
  var add = self.addEventListener.bind(self)
  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return add(type, listener, options)
    return add(type, function (ev) {
      var msg = ev.data
      if (msg && msg.type === QUERY && typeof msg.data === "string")
        return listener.call(this, { data: { type: QUERY, data: normalise(msg.data) } })
      return listener.call(this, ev)
    }, options)
  }

  var original = new URLSearchParams(self.location.search).get("w")
  if (!original || !/^search\.[0-9a-f]+\.min\.js$/.test(original))
    throw new Error("oit-search: missing or unexpected ?w= worker name")
  importScripts(original)
})()
