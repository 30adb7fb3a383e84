/* The project's glue around Decap CMS (loaded before decap-cms.js):
 * - Thai wording: Decap's Thai locale completed and corrected;
 * - a refused save: the server's Thai messages listed with the field they concern, kept on
 *   screen until closed (Decap's own notice disappears after a few seconds);
 * - "upload photos without resizing": sent with each upload to `oit serve`;
 * - no request to a third party: Decap's GitHub backend asks www.githubstatus.com whether GitHub
 *   is up; that question is answered here ("up") instead;
 * - sign-in on a published site with a GitHub token limited to the LAO's repository, instead of
 *   Decap's OAuth button, which needs an authentication server this site does not have.
 */
(function () {
  'use strict'
  window.CMS_MANUAL_INIT = true

  var PHRASES = {
    auth: { loginWithForgejo: 'เข้าสู่ระบบด้วย Forgejo' },
    collection: {
      sidebar: { searchIn: 'ค้นหาใน' },
      collectionTop: { viewAsList: 'แสดงเป็นรายการ', viewAsGrid: 'แสดงเป็นตาราง' },
      entries: { loadingEntries: 'กำลังโหลดเนื้อหา...', unpublishedHeader: 'เนื้อหาที่ยังไม่เผยแพร่' }
    },
    editor: {
      editorControl: { field: { optional: 'ไม่บังคับ', widgetLabel: 'ช่อง %{widgetLabel}' } },
      editorInterface: { toggleNotes: 'แสดง/ซ่อนบันทึก' },
      editorToolbar: {
        publish: 'บันทึก', publishing: 'กำลังบันทึก...', published: 'บันทึกแล้ว', publishNow: 'บันทึกตอนนี้',
        unpublishing: 'กำลังยกเลิกการเผยแพร่...', deleteUnpublishedChanges: 'ลบการเปลี่ยนแปลงที่ยังไม่ได้เผยแพร่',
        changesSaved: 'บันทึกการเปลี่ยนแปลงแล้ว', unsavedChanges: 'ยังไม่ได้บันทึกการเปลี่ยนแปลง',
        backCollection: ' กลับไปยัง %{collectionLabel}'
      },
      editorWidgets: {
        markdown: { strikethrough: 'ขีดทับ', toggleMode: { rich: 'สลับเป็นข้อความจัดรูปแบบ', markdown: 'สลับเป็น Markdown' } },
        datetime: { setToNow: 'วันนี้ (%{fieldLabel})', now: 'วันนี้', clear: 'ล้าง' },
        object: { expand: 'ขยาย', collapse: 'ย่อ' }
      }
    },
    mediaLibrary: {
      mediaLibraryModal: { close: 'ปิด' },
      mediaLibrary: { fileTooLarge: 'ไฟล์ใหญ่เกินไป รับได้ไม่เกิน %{size} kB' }
    },
    ui: {
      settingsDropdown: { account: 'ตัวเลือกบัญชี' },
      toast: {
        onFailToPersist: 'บันทึกไม่สำเร็จ: %{details}',
        onFailToLoadEntries: 'โหลดข้อมูลไม่สำเร็จ: %{details}',
        entrySaved: 'บันทึกแล้ว',
        entryPublished: 'บันทึกแล้ว'
      }
    }
  }

  function merge (base, extra) {
    var out = {}
    var k
    for (k in base) out[k] = base[k]
    for (k in extra) {
      out[k] = (extra[k] && typeof extra[k] === 'object' && base && typeof base[k] === 'object')
        ? merge(base[k], extra[k]) : extra[k]
    }
    return out
  }

  // --- save problems ------------------------------------------------------------------------

  function panel () { return document.getElementById('oit-problems') }

  function clearProblems () {
    var p = panel()
    if (p) p.hidden = true
    var marks = document.querySelectorAll('.oit-inline-error')
    for (var i = 0; i < marks.length; i++) marks[i].remove()
  }

  function markField (problem) {
    // best effort: a message under the label of the field, when that label is on screen
    var name = (problem.field || '').split(' › ').pop()
    if (!name) return
    var labels = Array.prototype.filter.call(document.querySelectorAll('#nc-root label'), function (l) {
      return l.firstChild && l.firstChild.textContent.trim() === name
    })
    if (labels.length !== 1) return // not on screen, or several fields of that name: the list says which
    var note = document.createElement('span')
    note.className = 'oit-inline-error'
    note.textContent = problem.th
    labels[0].insertAdjacentElement('afterend', note)
  }

  function showProblems (payload) {
    var p = panel()
    if (!p || !payload) return
    var list = document.getElementById('oit-problems-list')
    var title = document.getElementById('oit-problems-title')
    list.textContent = ''
    var problems = payload.problems && payload.problems.length ? payload.problems
      : [{ field: '', th: payload.th || payload.error, hint: payload.hint }]
    title.textContent = payload.problems && payload.problems.length
      ? 'ยังไม่ได้บันทึก ไฟล์ยังเหมือนเดิม' : 'ทำรายการไม่สำเร็จ'
    problems.forEach(function (pr) {
      var li = document.createElement('li')
      if (pr.field) {
        var f = document.createElement('span')
        f.className = 'oit-field'
        f.textContent = pr.field + ': '
        li.appendChild(f)
      }
      li.appendChild(document.createTextNode((pr.th || '') + (pr.code ? ' [' + pr.code + ']' : '')))
      if (pr.hint) {
        var h = document.createElement('span')
        h.className = 'oit-hint'
        h.textContent = '→ ' + pr.hint
        li.appendChild(h)
      }
      list.appendChild(li)
      markField(pr)
    })
    p.hidden = false
  }

  function showNotes (notes) {
    if (!notes || !notes.length) return
    var p = panel()
    document.getElementById('oit-problems-title').textContent = 'อัปโหลดแล้ว'
    var list = document.getElementById('oit-problems-list')
    list.textContent = ''
    notes.forEach(function (n) {
      var li = document.createElement('li')
      li.textContent = n
      list.appendChild(li)
    })
    p.hidden = false
  }

  // --- requests -----------------------------------------------------------------------------

  var GITHUB_STATUS = 'https://www.githubstatus.com/'
  var realFetch = window.fetch.bind(window)

  function isLocalApi (url) {
    try { return new URL(url, location.href).pathname === '/api/v1' && new URL(url, location.href).origin === location.origin } catch (e) { return false }
  }

  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : (input && input.url) || ''
    if (url.indexOf(GITHUB_STATUS) === 0) {
      var up = { components: [{ name: 'API Requests', status: 'operational' },
        { name: 'Issues, Pull Requests, Projects', status: 'operational' }] }
      return Promise.resolve(new Response(JSON.stringify(up), { headers: { 'Content-Type': 'application/json' } }))
    }
    if (!isLocalApi(url) || !init || typeof init.body !== 'string') return realFetch(input, init)
    var body
    try { body = JSON.parse(init.body) } catch (e) { return realFetch(input, init) }
    var keep = document.getElementById('oit-keep-original')
    if (keep && keep.checked && (body.action === 'persistMedia' || body.action === 'persistEntry')) {
      body.params = body.params || {}
      body.params.oit_keep_original = true
      init = Object.assign({}, init, { body: JSON.stringify(body) })
    }
    var saving = body.action === 'persistEntry' || body.action === 'persistMedia'
    if (saving) clearProblems()
    return realFetch(input, init).then(function (res) {
      if (saving || body.action === 'getEntry' || body.action === 'deleteFile' || body.action === 'deleteFiles') {
        res.clone().json().then(function (payload) {
          if (!res.ok) showProblems(payload)
          else if (body.action === 'persistMedia') showNotes(payload.notes)
        }).catch(function () {})
      }
      return res
    })
  }

  // mode.js, written with config.yml: 'local' from `oit serve`, 'github' in a published site
  var LOCAL = (window.OIT_ADMIN || {}).backend === 'local'

  // --- sign-in with a token (published site) ----------------------------------------------------

  function tokenForm () {
    var form = document.createElement('form')
    form.id = 'oit-token-form'
    form.className = 'oit-token'
    form.innerHTML =
      '<h2>เข้าสู่ระบบด้วย GitHub token</h2>' +
      '<p>ใช้ token แบบ fine-grained ที่ให้สิทธิ์เฉพาะ repository ของหน่วยงาน (Contents: Read and write) ' +
      'ดูวิธีสร้างในคู่มือสำหรับเจ้าหน้าที่ หัวข้อ “หลังบ้านบนเว็บไซต์ที่เผยแพร่แล้ว”</p>' +
      '<label for="oit-token">GitHub token</label>' +
      '<input id="oit-token" type="password" autocomplete="off" spellcheck="false" required>' +
      '<button type="submit">เข้าสู่ระบบ</button>'
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var token = document.getElementById('oit-token').value.trim()
      if (!token) return
      // what Decap stores after its own sign-in; it restores the user from it on load
      localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'github', token: token }))
      location.reload()
    })
    return form
  }

  function offerTokenSignIn () {
    var root = document.getElementById('nc-root')
    if (!root || document.getElementById('oit-token-form')) return
    var oauth = Array.prototype.filter.call(root.querySelectorAll('button'), function (b) {
      return /GitHub/.test(b.textContent)
    })[0]
    if (!oauth) return
    oauth.style.display = 'none' // Decap's OAuth sign-in needs an authentication server
    oauth.parentNode.insertBefore(tokenForm(), oauth)
  }

  // `oit serve` needs no sign-in: the proxy backend's user is remembered from the start
  if (LOCAL) {
    try {
      if (!localStorage.getItem('decap-cms-user')) {
        localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }))
      }
    } catch (e) {}
  }

  document.addEventListener('DOMContentLoaded', function () {
    var close = document.getElementById('oit-problems-close')
    if (close) close.addEventListener('click', clearProblems)
    if (!window.CMS) return
    window.CMS.registerLocale('th', merge(window.CMS.getLocale('th') || {}, PHRASES))
    window.CMS.init()
    if (!LOCAL) {
      new MutationObserver(offerTokenSignIn).observe(document.body, { childList: true, subtree: true })
    }
  })
})()
