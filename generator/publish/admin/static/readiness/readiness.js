/* The readiness page of the back office: ../readiness.json (live from `oit serve`, or as of the
 * last build on a published site), shown as one table per OIT item, worst first. */
(function () {
  'use strict'

  function el (tag, attrs, text) {
    var e = document.createElement(tag)
    for (var k in attrs || {}) e.setAttribute(k, attrs[k])
    if (text !== undefined && text !== null) e.textContent = text
    return e
  }

  function pct (x) { return Math.round(x * 100) + '%' }

  function ok (status) { return status === 'present' || status === 'manual_ok' }

  function render (data) {
    var items = document.getElementById('items')
    var summary = document.getElementById('summary')
    items.textContent = ''
    if (data.errors && data.errors.length) {
      var box = el('div', { class: 'errors', role: 'alert' })
      box.appendChild(el('h2', {}, 'ข้อมูลยังมีข้อผิดพลาด ' + data.errors.length + ' รายการ'))
      var ul = el('ul')
      data.errors.slice(0, 20).forEach(function (p) {
        ul.appendChild(el('li', {}, p.file + (p.line ? ' บรรทัด ' + p.line : '') + ': ' + p.th))
      })
      box.appendChild(ul)
      document.getElementById('errors').appendChild(box)
    }
    if (!data.year) {
      summary.textContent = 'ยังไม่มีรายการ OIT ที่ใช้ตรวจได้'
      return
    }
    document.getElementById('title').textContent = 'ความพร้อม OIT ปี ' + data.year
    var ready = data.items.filter(function (i) { return i.ready }).length
    summary.textContent = 'ความพร้อมรวม ' + pct(data.overall) + ': ครบทุกองค์ประกอบ ' + ready + ' จาก ' +
      data.items.length + ' รายการ' + (data.generated ? ' (ข้อมูล ณ ' + data.generated + ')' : '')
    var sorted = data.items.slice().sort(function (a, b) {
      return a.readiness - b.readiness || parseInt(a.code.slice(1), 10) - parseInt(b.code.slice(1), 10)
    })
    sorted.forEach(function (item) {
      var section = el('section', { 'aria-labelledby': 'item-' + item.code })
      var done = item.elements.filter(function (e) { return ok(e.status) }).length
      section.appendChild(el('h2', { id: 'item-' + item.code },
        item.code + ' ' + item.title + ' (' + done + '/' + item.elements.length + ')'))
      var table = el('table')
      table.appendChild(el('caption', {}, 'องค์ประกอบของ ' + item.code))
      var head = el('thead')
      var hr = el('tr')
      ;['องค์ประกอบ', 'สถานะ', 'แก้ไข'].forEach(function (h) { hr.appendChild(el('th', { scope: 'col' }, h)) })
      head.appendChild(hr)
      table.appendChild(head)
      var body = el('tbody')
      item.elements.forEach(function (e) {
        var tr = el('tr', { 'data-element': item.code + '.' + e.id, 'data-status': e.status })
        var what = el('td')
        what.appendChild(el('span', {}, e.text))
        e.findings.forEach(function (f) { what.appendChild(el('span', { class: 'finding' }, f.th)) })
        tr.appendChild(what)
        var st = el('td')
        st.appendChild(el('span', { class: 'status status-' + e.status }, e.status_th))
        tr.appendChild(st)
        var fix = el('td')
        if (e.form) {
          fix.appendChild(el('a', { href: '../' + e.form }, ok(e.status) ? 'ดู/แก้ไขข้อมูล' : 'แก้ไขข้อมูล'))
        }
        tr.appendChild(fix)
        body.appendChild(tr)
      })
      table.appendChild(body)
      section.appendChild(table)
      items.appendChild(section)
    })
  }

  fetch('../readiness.json', { cache: 'no-store' })
    .then(function (r) {
      if (r.status === 404) {
        throw new Error('เว็บไซต์นี้ไม่ได้เผยแพร่ผลการตรวจความพร้อม: ดูได้ในหลังบ้านบนเครื่องของตนเอง (oit serve) ' +
          'หรือตั้ง site.readiness_page: true ในข้อมูลหน่วยงาน')
      }
      if (!r.ok) throw new Error('อ่านผลการตรวจไม่ได้ ลองโหลดหน้านี้ใหม่')
      return r.json()
    })
    .then(render)
    .catch(function (e) {
      document.getElementById('summary').textContent = e.message
    })
})()
