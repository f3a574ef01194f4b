/* A report page: click a cell (or a finding) to see where it was read; record decisions when served. */
(function () {
  'use strict';
  var data = window.NIANBAO_REPORT;
  var ev = data.evidence || {};
  var aside = document.querySelector('#evidence .evidence-body');
  var DECISIONS = { confirmed: '确认有误', dismissed: '排除', open: '待定', none: '未审核' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function cellsFor(key) { return document.querySelectorAll('td.v[data-key="' + CSS.escape(key) + '"]'); }

  // PDFs are drawn here with pdf.js (bundled in assets/) from the document's own bytes, which the site
  // carries as a script in sources/ (file:// forbids fetching the PDF). Loaded on the first click only.
  function loadScript(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = ok;
      s.onerror = function () { fail(new Error('无法载入 ' + src)); };
      document.head.appendChild(s);
    });
  }
  var pdfDocument;
  function pdf() {
    if (!pdfDocument) {
      pdfDocument = loadScript('../assets/pdf.worker.js')
        .then(function () { return loadScript('../assets/pdf.js'); })
        .then(function () { return loadScript('../sources/' + ev.pdf.script); })
        .then(function () {
          var b64 = window.NIANBAO_PDF[data.sha256];
          var bin = atob(b64);
          var bytes = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          return window.pdfjsLib.getDocument({ data: bytes, isEvalSupported: false }).promise;
        });
    }
    return pdfDocument;
  }
  /** The page drawn once (at twice its size in points: digits stay sharp when the panel zooms in), as an image. */
  var pageImages = {};
  var PAGE_SCALE = 2;
  function pageImage(n) {
    if (!pageImages[n]) {
      pageImages[n] = pdf().then(function (doc) { return doc.getPage(n); }).then(function (page) {
        var viewport = page.getViewport({ scale: PAGE_SCALE });
        var canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        return page.render({ canvasContext: canvas.getContext('2d'), viewport: viewport, canvas: canvas }).promise.then(function () {
          return { src: canvas.toDataURL('image/png'), points: page.getViewport({ scale: 1 }) };
        });
      });
    }
    return pageImages[n];
  }

  function pdfView(c) {
    var p = c.prov;
    var frag = document.createDocumentFragment();
    frag.appendChild(el('p', 'where', '原文第 ' + p.page + ' 页' + (p.origin === 'ocr' ? '（OCR 识别' + (p.confidence !== undefined ? '，置信度 ' + Math.round(p.confidence) : '') + '）' : '')));
    if (!ev.pdf) { frag.appendChild(el('p', 'muted', '页面不可用')); return frag; }
    var wrap = el('div', 'page-view');
    wrap.dataset.page = p.page;
    var status = el('p', 'muted page-status', '正在绘制第 ' + p.page + ' 页…');
    // The page at about twice the panel's width, scrolled to the box: the digits stay legible in the panel.
    var scroll = el('div', 'page-scroll');
    scroll.appendChild(wrap);
    frag.appendChild(status);
    frag.appendChild(scroll);
    var whole = el('button', 'page-toggle', '整页 / 放大');
    whole.type = 'button';
    whole.addEventListener('click', function () { scroll.classList.toggle('whole'); });
    frag.appendChild(whole);
    pageImage(p.page).then(function (drawn) {
      var im = el('img');
      im.alt = '原文第 ' + p.page + ' 页';
      im.src = drawn.src;
      return im.decode().then(function () {
        wrap.appendChild(im);
        status.remove();
        if (!p.bbox) return;
        // The box from the PDF's user space to the page as drawn (rotation and crop box included).
        var vp = drawn.points;
        var r = vp.convertToViewportRectangle(p.bbox);
        var pad = 2;
        var left = Math.min(r[0], r[2]) - pad, right = Math.max(r[0], r[2]) + pad;
        var top = Math.min(r[1], r[3]) - pad, bottom = Math.max(r[1], r[3]) + pad;
        var box = el('div', 'box');
        box.style.left = (left / vp.width) * 100 + '%';
        box.style.top = (top / vp.height) * 100 + '%';
        box.style.width = ((right - left) / vp.width) * 100 + '%';
        box.style.height = ((bottom - top) / vp.height) * 100 + '%';
        wrap.appendChild(box);
        box.scrollIntoView({ block: 'center', inline: 'center' });
      });
    }).catch(function (err) {
      status.textContent = '无法绘制第 ' + p.page + ' 页：' + err.message;
    });
    return frag;
  }
  function tableView(c) {
    var p = c.prov;
    var grid = ev.tables && ev.tables[p.table];
    if (!grid) return el('p', 'muted', '原文第 ' + (p.table + 1) + ' 个表格（不可用）');
    var frag = document.createDocumentFragment();
    frag.appendChild(el('p', 'where', '原文第 ' + (p.table + 1) + ' 个表格，第 ' + (p.row + 1) + ' 行，第 ' + (p.col + 1) + ' 列'));
    var scroll = el('div', 'source-table-wrap');
    var t = el('table', 'source-table');
    var hit;
    grid.forEach(function (row, r) {
      var tr = el('tr');
      row.forEach(function (text, k) {
        // A position covered by a merged cell stays as an empty cell so the columns line up as read.
        var td = el('td', text === null ? 'spanned' : '', text);
        if (r === p.row && k === p.col) { td.className = 'hit'; hit = td; }
        else if (r === p.row) td.classList.add('same-row');
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    scroll.appendChild(t);
    frag.appendChild(scroll);
    if (hit) setTimeout(function () { hit.scrollIntoView({ block: 'center', inline: 'center' }); }, 0);
    return frag;
  }
  function lineView(key) {
    var at = ev.cellLines[key];
    var frag = document.createDocumentFragment();
    frag.appendChild(el('p', 'where', '原文第 ' + at.line + ' 行'));
    var pre = el('pre', 'source-line');
    pre.appendChild(document.createTextNode(at.before));
    pre.appendChild(el('mark', '', at.match));
    pre.appendChild(document.createTextNode(at.after));
    frag.appendChild(pre);
    return frag;
  }

  function showCell(key) {
    var c = data.cells[key];
    document.querySelectorAll('td.v.selected').forEach(function (td) { td.classList.remove('selected'); });
    cellsFor(key).forEach(function (td) { td.classList.add('selected'); });
    aside.replaceChildren();
    aside.classList.remove('muted');
    aside.dataset.key = key;
    if (!c) { aside.appendChild(el('p', 'muted', '此单元格没有读取记录。')); return; }
    aside.appendChild(el('h3', 'cell-name', c.name));
    var dl = el('dl', 'cell-facts');
    function fact(k, v) { dl.appendChild(el('dt', '', k)); dl.appendChild(el('dd', '', v)); }
    fact('读取值', c.v === null ? '空' : c.v);
    fact('原文', c.raw || '（空白）');
    if (c.doubt) fact('存疑', c.doubtText + '（' + c.doubt + '）');
    aside.appendChild(dl);
    var involved = data.findings.filter(function (f) { return f.cells.indexOf(key) >= 0 && f.rule !== 'completeness'; });
    involved.forEach(function (f) {
      var a = el('a', 'finding-link', '#' + (f.i + 1) + ' ' + f.ruleName + (f.identity ? '：' + f.identity : ''));
      a.href = '#f' + f.i;
      aside.appendChild(a);
    });
    var p = c.prov || {};
    var view;
    if (ev.unavailable) view = el('p', 'muted', ev.unavailable);
    // A page is drawn only from a PDF; a paged source that is no PDF (an OFD) shows the table it was read from.
    else if (p.page !== undefined && (ev.pdf || p.table === undefined)) view = pdfView(c);
    else if (p.table !== undefined) view = tableView(c);
    else if (ev.cellLines && ev.cellLines[key]) view = lineView(key);
    else view = el('p', 'muted', '没有该单元格在原文中的位置信息。');
    aside.appendChild(view);
  }

  document.addEventListener('click', function (e) {
    var td = e.target.closest('td.v[data-key]');
    if (td) { showCell(td.dataset.key); return; }
    var link = e.target.closest('a.cell-link');
    if (link) { e.preventDefault(); showCell(link.dataset.key); return; }
    var card = e.target.closest('li.finding');
    if (card && !e.target.closest('.review-form')) {
      var f = data.findings[Number(card.dataset.finding)];
      document.querySelectorAll('td.v.focus').forEach(function (x) { x.classList.remove('focus'); });
      f.cells.forEach(function (k) { cellsFor(k).forEach(function (x) { x.classList.add('focus'); }); });
      var checked = f.checked[0];
      if (checked && data.cells[checked]) showCell(checked);
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.matches && e.target.matches('td.v[data-key]')) showCell(e.target.dataset.key);
  });

  function setDecision(card, review) {
    var decision = review ? review.decision : 'none';
    var state = card.querySelector('.review-state');
    state.className = 'review-state decision-' + decision;
    state.textContent = DECISIONS[decision];
    var note = card.querySelector('.review-note');
    note.textContent = review && review.note ? '审核意见：' + review.note + (review.reviewer ? ' —— ' + review.reviewer : '') : '';
  }

  function reviewForm(card, current) {
    var box = card.querySelector('.review-form');
    box.hidden = false;
    box.replaceChildren();
    var sel = el('select', 'decision');
    ['confirmed', 'dismissed', 'open'].forEach(function (d) {
      var o = el('option', '', DECISIONS[d]);
      o.value = d;
      sel.appendChild(o);
    });
    sel.value = current ? current.decision : 'open'; // nothing decided until a reviewer chooses
    var note = el('input', 'note');
    note.placeholder = '审核意见';
    note.value = current ? current.note : '';
    var who = el('input', 'reviewer');
    who.placeholder = '审核人';
    who.value = (current && current.reviewer) || localStorage.getItem('nianbao.reviewer') || '';
    var btn = el('button', 'save', '保存');
    btn.type = 'button';
    var status = el('span', 'save-status');
    btn.addEventListener('click', function () {
      localStorage.setItem('nianbao.reviewer', who.value);
      btn.disabled = true;
      window.NianbaoReviews.save({ key: card.dataset.reviewKey, decision: sel.value, note: note.value, reviewer: who.value })
        .then(function (saved) { setDecision(card, saved); status.textContent = '已保存'; })
        .catch(function (err) { status.textContent = '保存失败：' + err.message; })
        .then(function () { btn.disabled = false; });
    });
    [sel, note, who, btn, status].forEach(function (x) { box.appendChild(x); });
  }

  if (!window.NianbaoReviews.served) {
    var list = document.querySelector('.finding-list');
    if (list) list.parentNode.insertBefore(el('p', 'muted review-hint', '此页为静态页面：审核结论为生成时的状态。用 nianbao serve 打开即可记录审核结论。'), list);
  } else {
    window.NianbaoReviews.load().then(function (byId) {
      document.querySelectorAll('li.finding').forEach(function (card) {
        var current = byId[card.dataset.reviewId];
        if (current) setDecision(card, current);
        reviewForm(card, current);
      });
    });
  }
})();
