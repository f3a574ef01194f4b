/* The index: filters, sorting, counts and charts over window.NIANBAO_INDEX. */
(function () {
  'use strict';
  var data = window.NIANBAO_INDEX;
  var W = data.words;
  var reports = data.reports;
  var $ = function (id) { return document.getElementById(id); };
  var sortKey = 'errors';
  var sortDir = -1;
  var charts = {};

  /** Options of a filter: the Chinese word for a code (rules keep their id beside it, as in findings.csv). */
  function fill(id, values, words) {
    var sel = $(id);
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = String(v);
      var word = words && words[v];
      o.textContent = word ? (id === 'f-rule' ? word + '（' + v + '）' : word) : String(v);
      sel.appendChild(o);
    });
  }
  function uniq(list) { return Array.from(new Set(list)).sort(); }
  var allFindings = [];
  reports.forEach(function (r) { r.findings.forEach(function (f) { allFindings.push(f); }); });
  fill('f-rule', uniq(allFindings.map(function (f) { return f[0]; })), W.rules);
  fill('f-year', uniq(reports.map(function (r) { return r.year; }).filter(function (y) { return y !== null; })).reverse());
  fill('f-severity', ['error', 'warning', 'info'], W.severity);
  fill('f-basis', ['printed', 'doubtful'], W.basis);
  fill('f-review', ['none', 'confirmed', 'dismissed', 'open'], W.decision);

  // Filters live in the URL's hash, so a filtered view can be bookmarked and the back button returns to it.
  var FILTERS = ['agency', 'rule', 'year', 'severity', 'basis', 'review'];
  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    FILTERS.forEach(function (k) { if (params.has(k)) $('f-' + k).value = params.get(k); });
  }
  function writeHash() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (k) { var v = $('f-' + k).value; if (v) params.set(k, v); });
    history.replaceState(null, '', '#' + params.toString());
  }

  function current() {
    var f = {};
    FILTERS.forEach(function (k) { f[k] = $('f-' + k).value.trim(); });
    return f;
  }
  function findingMatches(x, f) {
    return (!f.rule || x[0] === f.rule) && (!f.severity || x[1] === f.severity) && (!f.basis || x[2] === f.basis) && (!f.review || x[4] === f.review);
  }
  function view() {
    var f = current();
    var byFinding = f.rule || f.severity || f.basis || f.review;
    var rows = [];
    reports.forEach(function (r) {
      if (f.agency && r.agency.indexOf(f.agency) < 0 && r.title.indexOf(f.agency) < 0) return;
      if (f.year && String(r.year) !== f.year) return;
      var fs = r.findings.filter(function (x) { return findingMatches(x, f); });
      if (byFinding && !fs.length) return;
      rows.push({
        r: r, fs: fs,
        agency: r.agency, year: r.year || 0, format: r.format, status: r.status,
        errors: fs.filter(function (x) { return x[1] === 'error'; }).length,
        warnings: fs.filter(function (x) { return x[1] === 'warning'; }).length,
        printed: fs.filter(function (x) { return x[2] === 'printed'; }).length,
        doubtfulFindings: fs.filter(function (x) { return x[2] === 'doubtful'; }).length,
        doubtful: r.doubtful,
        reviewed: fs.filter(function (x) { return x[4] !== 'none' && x[4] !== 'open'; }).length,
      });
    });
    rows.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (x === y) return a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : b.year - a.year;
      return (x < y ? -1 : 1) * sortDir;
    });
    return rows;
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }
  function render() {
    var rows = view();
    var tbody = document.querySelector('#reports tbody');
    var frag = document.createDocumentFragment();
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.slug = row.r.slug;
      var td = document.createElement('td');
      var a = document.createElement('a');
      a.href = 'reports/' + row.r.slug + '.html';
      a.textContent = row.r.agency || row.r.title;
      td.appendChild(a);
      tr.appendChild(td);
      cell(tr, row.r.year || '—', 'num');
      cell(tr, row.format.toUpperCase());
      cell(tr, W.status[row.status] || row.status, 'status-' + row.status);
      cell(tr, row.errors, 'num' + (row.errors ? ' hot' : ''));
      cell(tr, row.warnings, 'num');
      cell(tr, row.printed, 'num');
      cell(tr, row.doubtfulFindings, 'num');
      cell(tr, row.doubtful, 'num');
      cell(tr, row.fs.length ? row.reviewed + ' / ' + row.fs.length : '—', 'num');
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    $('empty').hidden = rows.length > 0;
    $('count-reports').textContent = rows.length;
    document.querySelectorAll('#reports th').forEach(function (th) {
      th.classList.toggle('sorted', th.dataset.sort === sortKey);
      th.classList.toggle('desc', th.dataset.sort === sortKey && sortDir < 0);
    });
    totals(rows);
    drawCharts(rows);
  }

  function countBy(rows, keyOf) {
    var m = new Map();
    rows.forEach(function (row) { row.fs.forEach(function (x) { var k = keyOf(row, x); m.set(k, (m.get(k) || 0) + 1); }); });
    return Array.from(m.entries()).sort(function (a, b) { return b[1] - a[1]; });
  }
  function totals(rows) {
    var n = 0, e = 0, p = 0, d = 0, rv = 0;
    rows.forEach(function (row) { n += row.fs.length; e += row.errors; p += row.printed; d += row.doubtfulFindings; rv += row.reviewed; });
    $('totals').innerHTML = '';
    [['报告', rows.length], ['发现', n], ['错误', e], ['原文如此', p], ['读取存疑', d], ['已审核', rv]].forEach(function (t) {
      var div = document.createElement('div');
      div.className = 'total';
      div.innerHTML = '<span></span><b></b>';
      div.firstChild.textContent = t[0];
      div.lastChild.textContent = t[1];
      $('totals').appendChild(div);
    });
  }
  function bar(id, title, pairs, horizontal) {
    if (!window.echarts) return;
    var el = $(id);
    var chart = charts[id] || (charts[id] = window.echarts.init(el, null, { renderer: 'svg' }));
    var names = pairs.map(function (p) { return p[0]; });
    var values = pairs.map(function (p) { return p[1]; });
    var cat = { type: 'category', data: names, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
    var val = { type: 'value', minInterval: 1 };
    chart.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 120 : 40, right: 16, top: 36, bottom: horizontal ? 24 : 40 },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? Object.assign({}, cat, { inverse: true }) : val,
      series: [{ type: 'bar', data: values, itemStyle: { color: '#b5443b' } }],
    }, true);
  }
  function drawCharts(rows) {
    bar('chart-rule', '按规则的发现数', countBy(rows, function (_, x) { return W.rules[x[0]] || x[0]; }), true);
    bar('chart-agency', '按机关的发现数（前 15）', countBy(rows, function (row) { return row.agency || '（未识别）'; }).slice(0, 15), true);
    bar('chart-year', '按年度的发现数', countBy(rows, function (row) { return String(row.r.year || '—'); }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }), false);
  }

  document.querySelectorAll('#reports th').forEach(function (th) {
    th.addEventListener('click', function () {
      if (sortKey === th.dataset.sort) sortDir = -sortDir;
      else { sortKey = th.dataset.sort; sortDir = th.dataset.sort === 'agency' ? 1 : -1; }
      render();
    });
  });
  FILTERS.forEach(function (k) {
    $('f-' + k).addEventListener(k === 'agency' ? 'input' : 'change', function () { writeHash(); render(); });
  });
  $('f-reset').addEventListener('click', function () {
    FILTERS.forEach(function (k) { $('f-' + k).value = ''; });
    writeHash();
    render();
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });

  readHash();
  render();
  window.NIANBAO_READY = performance.now();
  // Served: decisions recorded since the site was built replace the ones baked in.
  window.NianbaoReviews.load().then(function (byId) {
    if (!Object.keys(byId).length) return;
    reports.forEach(function (r) { r.findings.forEach(function (x) { if (byId[x[3]]) x[4] = byId[x[3]].decision; }); });
    render();
  });
})();
