/*
 * The site's search, in the browser. Loaded by oit.js when the search box is first used; the
 * index is written by generator/publish/search.py (read its docstring for the files and the word rule).
 *
 * - Files: search/index.js (the manifest) first, then per query only the shards of the prefixes
 *   the query reaches and, for the results shown, the text files of their best chunks. Every file
 *   is a script that calls __oitSearch(name, data): scripts load from a folder (file://) too.
 * - Thai queries are cut into the index's own terms with the index's rule (fewest words, then
 *   the longest first word), found in the shards as the cut goes along: at each position the
 *   shards of the prefix starting there. The last piece may be the start of a term (the visitor
 *   is still typing). Letters in no term are left out of the cut; such a query then finds pages
 *   with the other words only (see `search`). No other segmenter runs.
 * - Matching: a query word matches the terms it starts (a one-letter word only itself), words of
 *   the text ("w") before words found inside longer words ("i"). A page must hold every word;
 *   if none does, pages with some of the words are shown, most words first.
 * - Ranking: a query equal to a page's title or item code first, then pages with every word in
 *   the title, then by score (words, how often, where); scores within about a fifth of each other
 *   count as equal and the newer ITA year goes first.
 * - Thai and Arabic digits are the same (๒๕๖๘ = 2568); case and thousands commas are ignored.
 */
(function () {
  "use strict"

  var box = document.querySelector("[data-oit-search]")
  if (!box || box.oitSearch) return
  var input = box.querySelector("[data-oit-search-input]")
  var meta = box.querySelector("[data-oit-search-meta]")
  var list = box.querySelector("[data-oit-search-list]")
  var more = box.querySelector("[data-oit-search-more]")
  var result = box.querySelector(".md-search-result")
  var toggle = document.getElementById("__search")
  var labels = {}
  try { labels = JSON.parse(box.getAttribute("data-oit-labels") || "{}") } catch (e) { /* defaults below */ }
  var indexBase = new URL(box.getAttribute("data-oit-index") || "search/", window.location.href)
  var siteBase = new URL("../", indexBase)

  var PAGE_SIZE = 10
  var PREFIX = 100 // cost of a last piece that is only the start of a term
  var UNKNOWN = 10000 // cost of a letter in no term
  var MAX_EXTEND = 4 // a word is matched as a prefix only if that takes at most this many more shards
  var SNIPPET = 180 // characters around the matches
  var WEIGHT = { w: 1, wp: 0.8, i: 0.6, ip: 0.5 }
  var THAI = /^[\u0E01-\u0E4F]/
  var TOKEN = /[\u0E01-\u0E4F]+|[0-9a-z\u00C0-\u024F]+(?:\.[0-9]+)*/g

  // ------------------------------------------------------------------ text

  function normalise(text) {
    return text.replace(/[\u0E50-\u0E59]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0x0E50 + 48)
    }).toLowerCase().replace(/([0-9]),(?=[0-9])/g, "$1")
  }

  // normalise(), keeping for each character of the result its position in `text`
  function normaliseMapped(text) {
    var out = "", map = []
    for (var i = 0; i < text.length; i++) {
      var ch = text[i]
      if (ch === "," && i > 0 && /[0-9\u0E50-\u0E59]/.test(text[i - 1]) && /[0-9\u0E50-\u0E59]/.test(text[i + 1] || ""))
        continue
      var code = ch.charCodeAt(0)
      var n = code >= 0x0E50 && code <= 0x0E59 ? String.fromCharCode(code - 0x0E50 + 48) : ch.toLowerCase()
      for (var k = 0; k < n.length; k++) {
        out += n[k]
        map.push(i)
      }
    }
    map.push(text.length)
    return { text: out, map: map }
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]
    })
  }

  function label(name, value) {
    return (labels[name] || "").replace("#", value)
  }

  // ------------------------------------------------------------------ files

  var files = {} // name → Promise of its data
  var waiting = {} // name → resolve
  var index = null // the manifest, prepared (see prepare)

  var early = {} // files that arrived before this script ran (oit.js loads the manifest alongside it)
  window.__oitSearch = function (name, data) {
    var resolve = waiting[name]
    if (resolve) {
      delete waiting[name]
      resolve(data)
    } else {
      early[name] = data
    }
  }
  ;(window.__oitSearchQueue || []).forEach(function (entry) { early[entry[0]] = entry[1] })
  window.__oitSearchQueue = []

  function load(name, query) {
    if (files[name])
      return files[name]
    if (name in early && !query) { // the manifest oit.js asked for; a ?t= reload bypasses it
      var data = early[name]
      delete early[name]
      return (files[name] = Promise.resolve(data))
    }
    var pre = name === "index" && !query && window.__oitSearchPreload
    if (pre && !pre.hasAttribute("data-oit-done")) { // still on its way: wait for it
      window.__oitSearchPreload = null
      files[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve
        pre.addEventListener("load", function () {
          if (waiting[name]) {
            delete waiting[name]
            reject(new Error("no data in " + name))
          }
        })
        pre.addEventListener("error", function () {
          delete waiting[name]
          reject(new Error("cannot load " + name))
        })
      })
      files[name].catch(function () { delete files[name] })
      return files[name]
    }
    var promise = new Promise(function (resolve, reject) {
      waiting[name] = resolve
      var script = document.createElement("script")
      script.src = new URL(name + ".js" + (query || ""), indexBase).href
      script.async = true
      script.onload = function () {
        script.remove()
        if (waiting[name]) {
          delete waiting[name]
          reject(new Error("no data in " + name))
        }
      }
      script.onerror = function () {
        script.remove()
        delete waiting[name]
        reject(new Error("cannot load " + name))
      }
      document.head.appendChild(script)
    })
    files[name] = promise
    promise.catch(function () {
      if (files[name] === promise)
        delete files[name]
    })
    return promise
  }

  function Stale() {}

  // A file of this index (not of an earlier or later build).
  function part(name) {
    var v = index.v
    return load(name, "?v=" + v).then(function (data) {
      if (!data || data.v !== v)
        throw new Stale()
      return data
    })
  }

  function prepare(m) {
    var pageOf = new Int32Array(m.n)
    for (var p = 0; p < m.pages.length; p++) {
      var end = p + 1 < m.pages.length ? m.pages[p + 1][5] : m.n
      for (var c = m.pages[p][5]; c < end; c++)
        pageOf[c] = p
    }
    return {
      v: m.v, n: m.n, files: m.files, keys: m.keys, longest: m.m, pageOf: pageOf,
      pages: m.pages.map(function (p, i) {
        return { i: i, url: p[0], title: p[1], code: p[2], year: p[3] || 0, fy: p[4] || [], start: p[5],
                 end: i + 1 < m.pages.length ? m.pages[i + 1][5] : m.n }
      }),
    }
  }

  var ready = null
  function manifest(fresh) {
    if (fresh) {
      files = {}
      ready = null
    }
    if (!ready)
      ready = load("index", fresh ? "?t=" + Date.now() : "").then(function (m) {
        index = prepare(m)
        return index
      }, function (err) {
        ready = null
        throw err
      })
    return ready
  }

  // The last of `sorted` that is not after `text` (binary search), or -1.
  function floor(sorted, text) {
    var lo = 0, hi = sorted.length - 1, found = -1
    while (lo <= hi) {
      var mid = (lo + hi) >> 1
      if (sorted[mid] <= text) {
        found = mid
        lo = mid + 1
      } else {
        hi = mid - 1
      }
    }
    return found
  }

  // The shard that holds `term` if it is a term: shards are stretches of the sorted terms and the
  // manifest has the first term of each.
  function shardOf(term) {
    return Math.max(0, floor(index.keys, term))
  }

  // Shards of the terms `text` starts (a stretch of the order).
  function stretch(text) {
    var out = []
    for (var n = shardOf(text), to = shardOf(text + "\uffff"); n <= to; n++)
      out.push(n)
    return out
  }

  // Shards that may hold terms of two letters or more that `text` starts with, and `text` itself.
  function chain(text) {
    var need = new Set()
    for (var k = 2; k <= Math.min(text.length, index.longest); k++)
      need.add(shardOf(text.slice(0, k)))
    need.add(shardOf(text))
    return Array.from(need)
  }

  var shards = {} // shard number → data, once loaded
  function shardsFor(numbers) {
    return Promise.all(numbers.map(function (n) {
      return part("s/" + n).then(function (data) { shards[n] = data })
    }))
  }

  function has(data, term) {
    return Object.prototype.hasOwnProperty.call(data, term)
  }

  // A term of two letters or more (a letter alone is no candidate: see generator/publish/search.py).
  function isTerm(term) {
    var s = term.length > 1 && shards[shardOf(term)]
    return !!s && (has(s.w, term) || has(s.i, term))
  }

  // Some term is longer than `text` and starts with it: the term after `text` in sorted order.
  function isStart(text) {
    var n = shardOf(text), s = shards[n]
    if (!s)
      return false
    var terms = Object.keys(s.w).concat(Object.keys(s.i)).sort()
    var at = floor(terms, text)
    var next = at + 1 < terms.length && terms[at + 1] === text ? at + 2 : at + 1
    var after = next < terms.length ? terms[next] : index.keys[n + 1]
    return typeof after === "string" && after.length > text.length && after.lastIndexOf(text, 0) === 0
  }

  // ------------------------------------------------------------------ cutting a Thai run

  // The index's rule (generator/publish/search.py: cut, cut_unknown) over the index's terms, loading
  // the shards of each position it reaches. Returns [{ text, partial, unknown }]: `partial`, a
  // last piece that only starts a term (still being typed); `unknown`, letters no term of two
  // letters or more covers (adjacent ones together), looked up as they are.
  async function cut(run) {
    var n = run.length
    var ends = new Array(n + 1) // position → ends of the terms starting there, longest first
    var starts = new Array(n + 1) // position → run.slice(position) starts a longer term
    var seen = new Set()

    async function reach(positions) {
      var need = new Set()
      for (var i of positions)
        for (var s of chain(run.slice(i)))
          need.add(s)
      await shardsFor(Array.from(need))
      var next = []
      for (var i of positions) {
        var found = []
        for (var j = Math.min(n, i + index.longest); j > i + 1; j--)
          if (isTerm(run.slice(i, j))) {
            found.push(j)
            if (j < n && !seen.has(j)) {
              seen.add(j)
              next.push(j)
            }
          }
        ends[i] = found
        starts[i] = isStart(run.slice(i))
      }
      return next
    }

    function pieces(next, kind) {
      var out = []
      for (var p = 0; p < n; p = next[p]) {
        var piece = { text: run.slice(p, next[p]), partial: kind[p] === "partial", unknown: kind[p] === "unknown" }
        var before = out[out.length - 1]
        if (piece.unknown && before && before.unknown)
          before.text += piece.text
        else
          out.push(piece)
      }
      return out
    }

    // Fewest words; ties: the longest first word. The last piece may only start a term.
    seen.add(0)
    var frontier = [0]
    while (frontier.length)
      frontier = await reach(frontier)
    var cost = new Array(n + 1), next = new Array(n + 1), kind = new Array(n + 1)
    cost[n] = 0
    for (var i = n - 1; i >= 0; i--) {
      cost[i] = Infinity
      if (ends[i] === undefined)
        continue
      if (starts[i]) {
        cost[i] = PREFIX
        next[i] = n
        kind[i] = "partial"
      }
      for (var j of ends[i])
        if (cost[j] + 1 < cost[i]) {
          cost[i] = cost[j] + 1
          next[i] = j
          kind[i] = "word"
        }
    }
    if (cost[0] < Infinity)
      return pieces(next, kind)

    // Not covered: the fewest letters outside terms, then the fewest pieces, then the longest
    // first piece (generator/publish/search.py, cut_unknown). Every position may start a piece now.
    var rest = []
    for (var i = 1; i < n; i++)
      if (!seen.has(i)) {
        seen.add(i)
        rest.push(i)
      }
    await reach(rest)
    var unknown = new Array(n + 1), count = new Array(n + 1), word = new Array(n + 1)
    unknown[n] = 0
    count[n] = 0
    word[n] = false
    for (var i = n - 1; i >= 0; i--) {
      var u = unknown[i + 1] + 1, c = count[i + 1] + (i + 1 < n && !word[i + 1] ? 0 : 1), to = i + 1, w = false
      if (starts[i] && (u > 0 || c > 1)) { // the rest only starts a term: a partial last piece
        u = 0
        c = 1
        to = n
        w = "partial"
      }
      for (var j of ends[i].slice().reverse()) { // shortest first, as the Python loop
        var u2 = unknown[j], c2 = count[j] + 1
        if (u2 < u || (u2 === u && (c2 < c || (c2 === c && j > to)))) {
          u = u2
          c = c2
          to = j
          w = true
        }
      }
      unknown[i] = u
      count[i] = c
      next[i] = to
      word[i] = !!w
      kind[i] = w === "partial" ? "partial" : w ? "word" : "unknown"
    }
    return pieces(next, kind)
  }

  // ------------------------------------------------------------------ matching

  // The query's words: [{ text, partial, unknown }] in order.
  async function words(query) {
    var out = []
    var tokens = normalise(query).match(TOKEN) || []
    for (var token of tokens) {
      if (THAI.test(token))
        out.push.apply(out, await cut(token))
      else
        out.push({ text: token, partial: false, unknown: false })
    }
    return out
  }

  // into: chunk → [weight with the count, weight of the kind alone] (a title counts once)
  function decode(postings, weight, into) {
    var chunk = 0
    for (var k = 0; k < postings.length; k++) {
      chunk += postings[k] >> 3
      var w = weight * (1 + Math.log(postings[k] & 7))
      var had = into.get(chunk)
      if (!had)
        into.set(chunk, [w, weight])
      else
        into.set(chunk, [Math.max(had[0], w), Math.max(had[1], weight)])
    }
  }

  // chunk → weight for one word: the terms it starts (a word of one letter: only itself, unless
  // it is being typed), words of the text before words found inside longer words. A word that
  // starts terms in more than MAX_EXTEND shards (a common first syllable) matches only itself.
  async function match(word) {
    var chunks = new Map()
    var open = word.text.length > 1 || word.partial // a letter being typed may start a word
    var numbers = open ? stretch(word.text) : [shardOf(word.text)]
    var prefix = open && numbers.length <= MAX_EXTEND
    if (!prefix)
      numbers = [shardOf(word.text)]
    await shardsFor(numbers)
    for (var n of numbers) {
      var s = shards[n]
      for (var kind of ["w", "i"]) {
        var terms = s[kind]
        if (!prefix) {
          if (has(terms, word.text))
            decode(terms[word.text], WEIGHT[kind], chunks)
          continue
        }
        for (var term in terms)
          if (term.lastIndexOf(word.text, 0) === 0)
            decode(terms[term], term === word.text ? WEIGHT[kind] : WEIGHT[kind + "p"], chunks)
      }
    }
    return chunks
  }

  function bucket(score) {
    return score > 0 ? Math.round(Math.log2(score) * 4) : -Infinity
  }

  function squash(text) {
    return normalise(text).replace(/\s+/g, "")
  }

  function titleOnly(page) {
    return page.code && page.title.lastIndexOf(page.code + " ", 0) === 0 ? page.title.slice(page.code.length + 1) : page.title
  }

  // Ranked pages for the query: [{ page, chunks: [chunk, …] (best for a snippet first), … }]
  async function search(query) {
    var ws = (await words(query)).filter(function (w) { return w.text })
    if (!ws.length)
      return { words: ws, hits: [] }
    var matches = await Promise.all(ws.map(match))
    var pages = index.pages
    var perPage = new Map() // page → { title: [per word], body: [per word], chunks: Map chunk → [count, weight] }
    matches.forEach(function (chunks, w) {
      chunks.forEach(function (weights, chunk) {
        var weight = weights[0]
        var p = index.pageOf[chunk]
        var hit = perPage.get(p)
        if (!hit) {
          hit = { title: new Float64Array(ws.length), body: new Float64Array(ws.length), spread: new Int32Array(ws.length),
                  chunks: new Map() }
          perPage.set(p, hit)
        }
        if (chunk === pages[p].start) {
          hit.title[w] = Math.max(hit.title[w], weights[1])
        } else {
          hit.body[w] = Math.max(hit.body[w], weight)
          hit.spread[w]++
          var c = hit.chunks.get(chunk) || [0, 0]
          c[0]++
          c[1] += weight
          hit.chunks.set(chunk, c)
        }
      })
    })
    var df = ws.map(function () { return 0 })
    perPage.forEach(function (hit) {
      for (var w = 0; w < ws.length; w++)
        if (hit.title[w] || hit.body[w])
          df[w]++
    })
    var idf = df.map(function (d) { return Math.log(1 + pages.length / Math.max(1, d)) })
    var whole = squash(query)
    var hits = []
    perPage.forEach(function (hit, p) {
      var page = pages[p]
      var found = 0, inTitle = 0, title = 0, body = 0
      for (var w = 0; w < ws.length; w++) {
        if (hit.title[w] || hit.body[w])
          found++
        if (hit.title[w])
          inTitle++
        title += idf[w] * hit.title[w]
        body += idf[w] * Math.max(hit.title[w], hit.body[w] * (1 + 0.1 * Math.min(10, hit.spread[w] - 1)))
      }
      var together = false
      hit.chunks.forEach(function (c) { if (c[0] === ws.length) together = true })
      if (together && ws.length > 1)
        body *= 1.25
      var level = (whole && (squash(titleOnly(page)) === whole || squash(page.code) === whole)) ? 3
        : inTitle === ws.length ? 2 : inTitle ? 1 : 0
      var chunks = Array.from(hit.chunks.entries()).sort(function (a, b) {
        return b[1][0] - a[1][0] || b[1][1] - a[1][1] || a[0] - b[0]
      }).map(function (e) { return e[0] })
      hits.push({ page: page, found: found, level: level, title: title, score: body, chunks: chunks })
    })
    var all = hits.filter(function (h) { return h.found === ws.length })
    if (!all.length)
      all = hits // none has every word: those with some, most words first
    all.sort(function (a, b) {
      if (a.found !== b.found)
        return b.found - a.found
      if (a.level !== b.level)
        return b.level - a.level
      if (a.level >= 2) {
        return bucket(b.title) - bucket(a.title) || b.page.year - a.page.year || b.score - a.score || a.page.i - b.page.i
      }
      return bucket(b.score) - bucket(a.score) || b.page.year - a.page.year || b.score - a.score || a.page.i - b.page.i
    })
    return { words: ws, hits: all }
  }

  // ------------------------------------------------------------------ showing results

  function chunkText(chunk) {
    var files = index.files, lo = 0, hi = files.length - 1
    while (lo < hi) { // the last file starting at or before the chunk
      var mid = (lo + hi + 1) >> 1
      if (files[mid] <= chunk)
        lo = mid
      else
        hi = mid - 1
    }
    return part("t/" + lo).then(function (data) {
      return data.c[chunk - files[lo]]
    })
  }

  // [start, end) of each occurrence of the words in `norm` (the normalised text)
  function occurrences(norm, ws) {
    var out = []
    ws.forEach(function (w, k) {
      if (w.unknown || !w.text)
        return
      for (var at = norm.indexOf(w.text); at >= 0; at = norm.indexOf(w.text, at + 1))
        out.push([at, at + w.text.length, k])
    })
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1] })
    return out
  }

  // HTML of `text` with the words marked; `window` characters around the matches with most words
  function highlight(text, ws, window) {
    var mapped = normaliseMapped(text)
    var found = occurrences(mapped.text, ws)
    var from = 0, to = text.length
    if (window && text.length > window) {
      var bestAt = 0, bestCount = -1
      for (var a = 0; a < found.length; a++) {
        var kinds = new Set()
        for (var b = a; b < found.length && found[b][1] - found[a][0] <= window; b++)
          kinds.add(found[b][2])
        if (kinds.size > bestCount) {
          bestCount = kinds.size
          bestAt = found[a][0]
        }
      }
      var start = found.length ? Math.max(0, mapped.map[bestAt] - 40) : 0
      var space = text.lastIndexOf(" ", start + 20)
      if (start > 0 && space > start - 20 && space < start + 20)
        start = space + 1
      from = start
      to = Math.min(text.length, from + window)
      var after = text.indexOf(" ", to - 15)
      if (after > 0 && after < to + 15)
        to = after
    }
    var html = from > 0 ? "…" : ""
    var pos = from
    for (var f of found) {
      var s = mapped.map[f[0]], e = mapped.map[f[1]]
      if (s < pos || s >= to)
        continue
      e = Math.min(e, to)
      html += escapeHtml(text.slice(pos, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>"
      pos = e
    }
    html += escapeHtml(text.slice(pos, to)) + (to < text.length ? "…" : "")
    return html.replace(/<\/mark>(\s*)<mark>/g, "$1")
  }

  function years(page) {
    var parts = []
    if (page.year)
      parts.push(label("ita", page.year))
    if (page.fy.length) {
      var fy = page.fy.slice().sort()
      var consecutive = fy.every(function (y, k) { return !k || y === fy[k - 1] + 1 })
      parts.push(label("fy", fy.length > 2 && consecutive ? fy[0] + "–" + fy[fy.length - 1] : fy.join(", ")))
    }
    return parts.join(" · ")
  }

  function pageUrl(page, anchor) {
    return new URL(page.url + (anchor ? "#" + anchor : ""), siteBase).href
  }

  async function item(hit, ws) {
    var page = hit.page
    var chunk = hit.chunks.length ? hit.chunks[0] : (page.end > page.start + 1 ? page.start + 1 : -1)
    var entry = chunk >= 0 ? await chunkText(chunk) : null
    var li = document.createElement("li")
    li.className = "md-search-result__item"
    var a = document.createElement("a")
    a.className = "md-search-result__link"
    a.href = pageUrl(page, hit.chunks.length && entry ? entry[0] : "")
    var title = titleOnly(page)
    var html = "<article class=\"md-search-result__article md-typeset\"><div class=\"oit-search-title\">"
    if (page.code)
      html += "<span class=\"oit-search-code\">" + escapeHtml(page.code) + "</span> "
    html += highlight(title, ws, 0) + "</div>"
    var when = years(page)
    if (when)
      html += "<div class=\"oit-search-meta\">" + escapeHtml(when) + "</div>"
    if (entry)
      html += "<p class=\"oit-search-snippet\">" + highlight(entry[1].replace(/\n/g, " · "), hit.chunks.length ? ws : [], SNIPPET) + "</p>"
    a.innerHTML = html + "</article>"
    li.appendChild(a)
    return li
  }

  // ------------------------------------------------------------------ the box

  var current = { query: null, ws: [], hits: [], shown: 0 }
  var sequence = 0

  function say(text, state, query) {
    meta.textContent = text
    result.setAttribute("data-oit-state", state)
    if (query === undefined)
      result.removeAttribute("data-oit-query")
    else
      result.setAttribute("data-oit-query", query)
  }

  async function showMore(seq) {
    var from = current.shown
    var slice = current.hits.slice(from, from + PAGE_SIZE)
    var items = await Promise.all(slice.map(function (h) { return item(h, current.ws) }))
    if (seq !== sequence)
      return false
    for (var li of items)
      list.appendChild(li)
    current.shown = from + slice.length
    more.hidden = current.shown >= current.hits.length
    return true
  }

  async function run(query, retried) {
    var seq = ++sequence
    var trimmed = query.trim()
    if (!trimmed) {
      list.innerHTML = ""
      more.hidden = true
      say(labels.placeholder || "", "idle")
      return
    }
    try {
      await manifest()
      if (seq !== sequence)
        return
      var found = await search(trimmed)
      if (seq !== sequence)
        return
      current = { query: trimmed, ws: found.words, hits: found.hits, shown: 0 }
      list.innerHTML = ""
      if (!(await showMore(seq)))
        return
      var n = found.hits.length
      if (!n && normalise(trimmed).replace(/[^\u0E01-\u0E4F0-9a-z]/g, "").length === 1)
        say(labels.short || labels.none || "", "done", trimmed)
      else
        say(n === 0 ? labels.none : n === 1 ? labels.one : label("other", n), "done", trimmed)
    } catch (err) {
      if (seq !== sequence)
        return
      if (err instanceof Stale && !retried) { // files of a newer build: read its manifest
        await manifest(true).catch(function () {})
        return run(query, true)
      }
      list.innerHTML = ""
      more.hidden = true
      say(index ? labels.error : labels.missing || labels.error, "error", trimmed)
      if (window.console)
        console.warn("oit-search:", err)
    }
  }

  function results() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"))
  }

  input.addEventListener("input", function () { run(input.value) })
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault()
      var first = results()[0]
      if (first)
        window.location.href = first.href
    } else if (ev.key === "ArrowDown") {
      var links = results()
      if (links.length) {
        ev.preventDefault()
        links[0].focus()
      }
    }
  })
  list.addEventListener("keydown", function (ev) {
    var links = results()
    var at = links.indexOf(document.activeElement)
    if (at < 0)
      return
    if (ev.key === "ArrowDown" && at + 1 < links.length) {
      ev.preventDefault()
      links[at + 1].focus()
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault()
      ;(at ? links[at - 1] : input).focus()
    } else if (ev.key === "Escape") {
      if (toggle)
        toggle.checked = false
      input.blur()
    }
  })
  more.addEventListener("click", function () {
    var seq = sequence
    showMore(seq).then(function () {
      var links = results()
      var next = links[Math.max(0, current.shown - PAGE_SIZE)]
      if (next && current.shown > PAGE_SIZE)
        next.focus()
    })
  })
  if (input.form)
    input.form.addEventListener("reset", function () {
      window.setTimeout(function () {
        run("")
        input.focus()
      }, 0)
    })

  box.oitSearch = { run: run }
  say(labels.loading || "", "loading")
  manifest().then(function () {
    if (input.value.trim())
      run(input.value)
    else if (sequence === 0)
      say(labels.placeholder || "", "idle")
  }, function (err) {
    say(labels.missing || labels.error || "", "error")
    if (window.console)
      console.warn("oit-search:", err)
  })
})()
