/* evalgap report and dashboard. Every text from the workspace (prompts, keywords, release names, case
 * ids) reaches the page through textContent or esc(); nothing from the data is parsed as HTML. */
(function () {
  'use strict';

  var inline = document.getElementById('evalgap-data');
  var DATA = inline ? JSON.parse(inline.textContent) : null;
  var charts = [];

  function fetchJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) { throw new Error(path + ': HTTP ' + r.status + ' ' + t); });
      }
      return r.json();
    });
  }

  var source = DATA ? {
    summary: function () { return Promise.resolve({ verdict: DATA.verdict, check: DATA.check, window: DATA.window }); },
    trend: function () { return Promise.resolve(DATA.trend); },
    windows: function () { return Promise.resolve(DATA.windows); },
    gap: function (w) { return Promise.resolve(DATA.gaps[w] || null); },
    candidates: function (w) { return Promise.resolve(w === DATA.window ? DATA.candidates : null); },
    raters: function () { return Promise.resolve(DATA.raters || null); }
  } : {
    summary: function () { return fetchJson('/api/summary'); },
    trend: function () { return fetchJson('/api/trend'); },
    windows: function () { return fetchJson('/api/windows'); },
    gap: function (w) { return fetchJson('/api/gap?window=' + encodeURIComponent(w)); },
    candidates: function (w) { return fetchJson('/api/candidates?window=' + encodeURIComponent(w)); },
    raters: function () { return fetchJson('/api/raters'); }
  };

  // ---- formatting -------------------------------------------------------------------------------

  function esc(s) {
    return String(s).replace(/[&<>"'`=\/]/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  function num(x, d) { return isNum(x) ? x.toFixed(d === undefined ? 3 : d) : '–'; }
  function pct(x, d) { return isNum(x) ? (100 * x).toFixed(d === undefined ? 1 : d) + '%' : '–'; }
  function ci(iv, d, asPct) {
    if (!iv || !isNum(iv.low) || !isNum(iv.high)) { return ''; }
    return asPct ? ' [' + pct(iv.low, d) + ', ' + pct(iv.high, d) + ']' : ' [' + num(iv.low, d) + ', ' + num(iv.high, d) + ']';
  }

  function h(tag, cls, children) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }
  function clear(id) { var e = document.getElementById(id); while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
  function badge(text, kind) { return h('span', 'badge ' + (kind || text), [text]); }
  function muted(text) { return h('p', 'muted', [text]); }

  /** A table; cells are strings, numbers or nodes; cols: [{label, num}] */
  function table(cols, rows, onPick) {
    var t = h('table');
    var head = h('tr', null, cols.map(function (c) { return h('th', null, [c.label]); }));
    t.appendChild(h('thead', null, [head]));
    var body = h('tbody');
    rows.forEach(function (r, i) {
      var tr = h('tr', onPick ? 'pick' : null, r.map(function (cell, j) {
        return h('td', cols[j].num ? 'num' : cols[j].text ? 'text' : null, [cell]);
      }));
      if (onPick) {
        tr.addEventListener('click', function () {
          Array.prototype.forEach.call(body.children, function (x) { x.classList.remove('selected'); });
          tr.classList.add('selected');
          onPick(i);
        });
      }
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }

  function chart(id) {
    var el = document.getElementById(id);
    var old = echarts.getInstanceByDom(el);
    if (old) { old.dispose(); }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    charts.push(c);
    return c;
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { if (!c.isDisposed()) { c.resize(); } }); });

  function tooltipLines(title, lines) {
    return '<strong>' + esc(title) + '</strong><br>' + lines.map(esc).join('<br>');
  }

  // A line with its interval drawn as a band: an invisible lower series and the band's height stacked on it.
  function banded(name, color, values, intervals, sparse) {
    var stack = 'band-' + name;
    return [
      { name: name, type: 'line', data: values, connectNulls: !!sparse, symbolSize: 6,
        itemStyle: { color: color }, lineStyle: { width: 2.5 }, z: 3 },
      { name: name + ' interval', type: 'line', data: intervals.map(function (iv) { return iv ? iv.low : null; }),
        stack: stack, lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      { name: name + ' interval', type: 'line', data: intervals.map(function (iv) { return iv ? iv.high - iv.low : null; }),
        stack: stack, lineStyle: { opacity: 0 }, symbol: 'none', silent: true, areaStyle: { color: color, opacity: 0.15 }, tooltip: { show: false } }
    ];
  }

  // ---- verdict and gate ---------------------------------------------------------------------------

  function renderSummary(s) {
    var box = clear('verdict-lines');
    (s.verdict || []).forEach(function (line) { box.appendChild(h('p', null, [line])); });
    if (s.check) {
      box.appendChild(h('p', null, [badge(s.check.passed ? 'PASS' : 'FAIL'),
        ' gate on ' + s.check.window + ': ' + (s.check.checks || []).length + ' checks']));
    }
    var gate = clear('gate-table');
    if (!s.check) { gate.appendChild(muted('No gate evaluated (no window with traffic).')); return; }
    gate.appendChild(h('p', null, ['Window ' + s.check.window + ', eval set ' + s.check.setName + ' v' + s.check.setVersion
      + (s.check.releases && s.check.releases.length ? ', releases ' + s.check.releases.join(', ') : '')]));
    gate.appendChild(table(
      [{ label: 'check' }, { label: 'figure' }, { label: 'value', num: true }, { label: 'threshold', num: true },
        { label: 'n', num: true }, { label: 'status' }, { label: 'detail', text: true }],
      (s.check.checks || []).map(function (c) {
        return [c.name, c.figure, num(c.value) + ci(c.interval), (String(c.threshold).toUpperCase().indexOf('MIN') === 0 ? '≥ ' : '≤ ') + num(c.limit),
          String(c.n) + (c.sample ? ' (' + c.sample + ')' : ''), badge(c.status), c.message];
      })));
    (s.check.notes || []).forEach(function (n) { gate.appendChild(muted(n)); });
  }

  // ---- timeline ---------------------------------------------------------------------------------

  function renderTimeline(t) {
    var ws = t.windows || [];
    var labels = ws.map(function (w) { return w.window; });
    function get(f) { return ws.map(function (w) { var v = f(w); return isNum(v) ? v : null; }); }
    function iv(f) { return ws.map(function (w) { var v = f(w); return v && isNum(v.low) ? v : null; }); }
    var offline = get(function (w) { return w.offlineScore; });
    var gap = get(function (w) { return w.gap && w.gap.gapScore; });
    var cov = get(function (w) { return w.gap && w.gap.relativeCoverage; });
    var up = get(function (w) { return w.online && w.online.thumbsUp && w.online.thumbsUp.n > 0 ? w.online.thumbsUp.value : null; });
    var retry = get(function (w) { return w.online && w.online.retry && w.online.retry.n > 0 ? w.online.retry.value : null; });
    var releaseStarts = [];
    ws.forEach(function (w, i) {
      if (w.release && (i === 0 || ws[i - 1].release !== w.release)) { releaseStarts.push({ xAxis: w.window, name: w.release }); }
    });
    var series = [].concat(
      banded('Offline score', '#2e5aac', offline, iv(function (w) { return w.offlineInterval; })),
      banded('Gap score', '#d92d20', gap, iv(function (w) { return w.gap && w.gap.gapInterval; }), true),
      [{ name: 'Relative coverage', type: 'line', data: cov, connectNulls: true, itemStyle: { color: '#7a5af8' }, lineStyle: { type: 'dashed' } }],
      banded('Thumbs-up rate', '#079455', up, iv(function (w) { return w.online && w.online.thumbsUp && w.online.thumbsUp.interval; })),
      [{ name: 'Retry rate', type: 'line', data: retry, itemStyle: { color: '#dc6803' }, lineStyle: { type: 'dotted' } }]);
    // gaps measured in a few weeks only: a faint dashed joint, so the line does not pass for weekly measurements
    var measured = gap.filter(function (v) { return v !== null; }).length;
    if (measured < labels.length / 2) {
      series[3].lineStyle = { width: 1.5, type: 'dashed', opacity: 0.5 };
      series[6].lineStyle = { width: 1.5, type: 'dashed', opacity: 0.5 };
      series[3].symbolSize = 9;
    }
    series[0].markLine = {
      symbol: 'none', silent: true, lineStyle: { color: '#98a2b3', type: 'solid' },
      label: { formatter: function (p) { return p.name; }, position: 'end' },
      data: releaseStarts
    };
    var c = chart('timeline-chart');
    c.setOption({
      animation: false,
      grid: { left: 50, right: 30, top: 40, bottom: 40 },
      legend: { top: 0, data: ['Offline score', 'Gap score', 'Relative coverage', 'Thumbs-up rate', 'Retry rate'] },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: function (v) { return Math.max(1, Math.ceil(v.max * 10) / 10); } },
      tooltip: { trigger: 'axis', formatter: function (ps) {
        var w = ws[ps[0].dataIndex];
        var lines = [];
        if (isNum(w.offlineScore)) { lines.push('offline score (' + (w.release || '') + '): ' + num(w.offlineScore) + ci(w.offlineInterval)); }
        if (w.gap) {
          lines.push('gap score: ' + num(w.gap.gapScore) + ci(w.gap.gapInterval) + ' (' + w.gap.evalSample + ' eval vs ' + w.gap.productionSample + ' production)');
          if (isNum(w.gap.relativeCoverage)) { lines.push('relative coverage: ' + num(w.gap.relativeCoverage, 2) + ci(w.gap.relativeCoverageInterval, 2)); }
        }
        var o = w.online;
        if (o && o.thumbsUp && o.thumbsUp.n > 0) { lines.push('thumbs-up: ' + pct(o.thumbsUp.value) + ci(o.thumbsUp.interval, 1, true) + ' (n=' + o.thumbsUp.n + ')'); }
        if (o && o.retry && o.retry.n > 0) { lines.push('retry: ' + pct(o.retry.value) + ci(o.retry.interval, 1, true) + ' (n=' + o.retry.n + ')'); }
        return tooltipLines(w.window, lines);
      } },
      series: series
    });
    var box = clear('timeline-table');
    box.appendChild(table(
      [{ label: 'window' }, { label: 'release' }, { label: 'offline score [95% CI]', num: true }, { label: 'gap score [CI] (eval/prod n)', num: true },
        { label: 'rel. coverage [CI]', num: true }, { label: 'thumbs-up [CI] (n)', num: true }, { label: 'retry (n)', num: true },
        { label: 'CSAT [CI] (n)', num: true }, { label: 'interactions', num: true }],
      ws.map(function (w) {
        var o = w.online || {};
        return [w.window, (w.releases || []).join(', '), num(w.offlineScore) + ci(w.offlineInterval),
          w.gap ? num(w.gap.gapScore) + ci(w.gap.gapInterval) + ' (' + w.gap.evalSample + '/' + w.gap.productionSample + ')' : '–',
          w.gap && isNum(w.gap.relativeCoverage) ? num(w.gap.relativeCoverage, 2) + ci(w.gap.relativeCoverageInterval, 2) : '–',
          o.thumbsUp && o.thumbsUp.n > 0 ? pct(o.thumbsUp.value) + ci(o.thumbsUp.interval, 1, true) + ' (' + o.thumbsUp.n + ')' : '–',
          o.retry && o.retry.n > 0 ? pct(o.retry.value) + ' (' + o.retry.n + ')' : '–',
          o.csat && o.csat.n > 0 ? num(o.csat.value, 2) + ci(o.csat.interval, 2) + ' (' + o.csat.n + ')' : '–',
          String(o.interactions || 0)];
      })));
  }

  // ---- gap view ---------------------------------------------------------------------------------

  function figure(label, value, n) {
    return h('div', 'figure', [h('div', 'k', [label]), h('div', 'v', [value]), h('div', 'n', [n])]);
  }

  function topicName(t) { return '#' + t.id + ' ' + (t.keywords || []).slice(0, 3).join(', '); }

  function renderGap(window, g) {
    clear('gap-verdict'); clear('gap-figures'); clear('topics-table'); clear('segments-table');
    var detail = clear('topic-detail');
    detail.appendChild(muted('Select a topic to see its texts.'));
    if (!g) {
      document.getElementById('gap-verdict').appendChild(muted('No stored gap result for ' + window + ': run evalgap gap --window all.'));
      chart('topics-chart').setOption({ title: { text: 'no gap result', left: 'center', top: 'middle', textStyle: { color: '#98a2b3' } } });
      return;
    }
    document.getElementById('gap-verdict').appendChild(document.createTextNode(g.verdict || ''));
    var f = g.figures || {};
    var figs = document.getElementById('gap-figures');
    if (f.c2st) {
      figs.appendChild(figure('gap score (C2ST)', num(f.c2st.gapScore) + ci(f.c2st.gapInterval),
        'AUC ' + num(f.c2st.auc) + ', p ' + num(f.c2st.pValue, 4) + '; ' + f.c2st.nA + ' eval vs ' + f.c2st.nB + ' production'));
    }
    if (f.mmd) {
      figs.appendChild(figure('MMD²', num(f.mmd.mmd2, 5), 'p ' + num(f.mmd.pValue, 4) + ' (' + f.mmd.permutations + ' permutations); m=' + f.mmd.m + ', n=' + f.mmd.n));
    }
    if (f.coverage) {
      figs.appendChild(figure('relative coverage', num(f.coverage.relativeCoverage, 2) + ci(f.coverage.relativeCoverageInterval, 2),
        f.coverage.productionItems + ' production, ' + f.coverage.evalItems + ' eval, ' + f.coverage.referenceItems + ' reference'));
      figs.appendChild(figure('uncovered share', pct(f.coverage.uncoveredShare) + ci(f.coverage.uncoveredShareInterval, 1, true),
        'of ' + f.coverage.productionItems + ' production items'));
    }
    var topics = (f.topics && f.topics.topics) || [];
    if (f.topics) {
      figs.appendChild(figure('in topics with no eval case', pct(f.topics.noCaseShare),
        'k = ' + f.topics.k + ' topics; JS divergence ' + num(f.topics.jsDivergence)));
    }
    function showTopic(i) {
      var t = topics[i];
      var d = clear('topic-detail');
      d.appendChild(h('h3', null, [topicName(t)]));
      d.appendChild(h('p', null, [pct(t.productionShare) + ci(t.productionShareInterval, 1, true) + ' of production (' + t.productionItems
        + ' items), ' + pct(t.evalShare) + ' of the eval set (' + t.evalItems + ' cases)']));
      d.appendChild(h('p', 'muted', ['keywords: ' + (t.keywords || []).join(', ')]));
      d.appendChild(h('div', 'k', ['nearest the topic centre:']));
      if (t.medoid !== null && t.medoid !== undefined) { d.appendChild(h('blockquote', 'medoid', [t.medoid])); }
      (t.examples || []).forEach(function (x) { d.appendChild(h('blockquote', 'example', [x])); });
    }
    var shown = topics.slice(0, 15);
    var c = chart('topics-chart');
    c.setOption({
      animation: false,
      grid: { left: 230, right: 30, top: 30, bottom: 30 },
      legend: { top: 0, data: ['share of production', 'share of the eval set'] },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return (100 * v).toFixed(0) + '%'; } } },
      yAxis: { type: 'category', inverse: true, data: shown.map(topicName),
        axisLabel: { width: 210, overflow: 'truncate' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
        var t = shown[ps[0].dataIndex];
        return tooltipLines(topicName(t), ['production ' + pct(t.productionShare) + ci(t.productionShareInterval, 1, true) + ' (n=' + t.productionItems + ')',
          'eval set ' + pct(t.evalShare) + ' (n=' + t.evalItems + ')', 'click for example texts']);
      } },
      series: [
        { name: 'share of production', type: 'bar', data: shown.map(function (t) { return t.productionShare; }), itemStyle: { color: '#d92d20' } },
        { name: 'share of the eval set', type: 'bar', data: shown.map(function (t) { return t.evalShare; }), itemStyle: { color: '#2e5aac' } }
      ]
    });
    c.on('click', function (p) { showTopic(p.dataIndex); });
    var tbl = table(
      [{ label: 'topic' }, { label: 'keywords' }, { label: 'production [95% CI] (n)', num: true }, { label: 'eval set (n)', num: true },
        { label: 'eval/prod', num: true }, { label: 'uncovered', num: true }],
      topics.map(function (t) {
        return ['#' + t.id, (t.keywords || []).join(', '), pct(t.productionShare) + ci(t.productionShareInterval, 1, true) + ' (' + t.productionItems + ')',
          pct(t.evalShare) + ' (' + t.evalItems + ')', isNum(t.ratio) ? num(t.ratio, 2) : '–', pct(t.uncoveredShare, 0)];
      }), showTopic);
    tbl.id = 'topics-rows';
    document.getElementById('topics-table').appendChild(tbl);
    var segs = f.segments || [];
    document.getElementById('segments-table').appendChild(segs.length === 0 ? muted('No segment field in this traffic.') : table(
      [{ label: 'segment' }, { label: 'production n', num: true }, { label: 'gap score [CI]', num: true }, { label: 'uncovered [CI]', num: true },
        { label: 'JS divergence', num: true }, { label: 'most under-sampled topic' }],
      segs.map(function (s) {
        return [s.segment, String(s.productionItems), s.c2st ? num(s.c2st.gapScore) + ci(s.c2st.gapInterval) : '–',
          pct(s.uncoveredShare) + ci(s.uncoveredShareInterval, 1, true), num(s.jsDivergence), s.topMissingTopic === null || s.topMissingTopic === undefined ? '–' : '#' + s.topMissingTopic];
      })));
  }

  function renderCandidates(window, cands) {
    var box = clear('candidates-table');
    var retire = clear('retire-table');
    if (!cands || !cands.candidates) {
      box.appendChild(muted('Candidates are computed for ' + (DATA ? DATA.window : 'the selected window') + ' only (evalgap suggest --window ' + window + ').'));
      return;
    }
    box.appendChild(cands.candidates.length === 0 ? muted('No candidates.') : table(
      [{ label: 'text', text: true }, { label: 'topic', num: true }, { label: 'reason', text: true }],
      cands.candidates.map(function (c) { return [c.input, '#' + c.topic, c.reason || c.rationale || '']; })));
    var r = cands.retirements || [];
    retire.appendChild(r.length === 0 ? muted('No retirement candidates.') : table(
      [{ label: 'case' }, { label: 'reason', text: true }],
      r.slice(0, 50).map(function (x) { return [x.caseId, x.reason]; })));
  }

  // ---- agreement, weighting, Goodhart -----------------------------------------------------------

  function corr(r) { return r ? num(r.estimate, 2) + ci(r.interval, 2) : '–'; }

  function renderAgreement(t) {
    var a = t.agreement || {};
    var box = clear('agreement-table');
    var rows = [];
    [['all releases', a.allReleases || []], ['last ' + a.lastReleases, a.recent || []]].forEach(function (group) {
      group[1].forEach(function (k) {
        rows.push([group[0], k.kpi, k.direction === 'HIGHER_IS_BETTER' ? 'higher is better' : k.direction === 'LOWER_IS_BETTER' ? 'lower is better' : 'unknown',
          String((k.releases || []).length), corr(k.spearman), corr(k.kendall),
          k.signs ? k.signs.agreeing + '/' + k.signs.pairs : '–', badge(k.status || '–')]);
      });
    });
    box.appendChild(rows.length === 0 ? muted('Needs offline runs of at least 3 releases with traffic.') : table(
      [{ label: 'over' }, { label: 'KPI' }, { label: 'direction' }, { label: 'releases', num: true }, { label: 'Spearman ρ [95% CI]', num: true },
        { label: 'Kendall τ_b [95% CI]', num: true }, { label: 'moves agreeing', num: true }, { label: 'status' }], rows));
    (a.alerts || []).forEach(function (x) { box.appendChild(h('p', null, [badge('alert', 'bad'), ' ' + x])); });
    if (a.convention) { box.appendChild(muted(a.convention)); }

    var w = t.productionWeighted;
    var wt = clear('weighted-table');
    if (!w || !w.releases || w.releases.length === 0) {
      wt.appendChild(muted(w && w.skipped ? 'Not computed: ' + w.skipped : 'Not computed (needs a stored gap result with a topic map).'));
      chart('weighted-chart').setOption({ title: { text: 'no production-weighted score', left: 'center', top: 'middle', textStyle: { color: '#98a2b3' } } });
      return;
    }
    var rel = w.releases.map(function (r) { return r.release; });
    var c = chart('weighted-chart');
    c.setOption({
      animation: false,
      grid: { left: 50, right: 30, top: 40, bottom: 30 },
      legend: { top: 0, data: ['raw offline score', 'production-weighted (' + w.window + ')'] },
      xAxis: { type: 'category', data: rel },
      yAxis: { type: 'value', scale: true },
      tooltip: { trigger: 'axis', formatter: function (ps) {
        var r = w.releases[ps[0].dataIndex];
        return tooltipLines(r.release, ['raw ' + num(r.unweighted), 'weighted ' + num(r.weighted) + ci(r.interval), r.cases + ' cases in ' + r.topicsWithCases + ' topics']);
      } },
      series: [].concat(
        [{ name: 'raw offline score', type: 'line', data: w.releases.map(function (r) { return r.unweighted; }), itemStyle: { color: '#2e5aac' } }],
        banded('production-weighted (' + w.window + ')', '#d92d20', w.releases.map(function (r) { return r.weighted; }), w.releases.map(function (r) { return r.interval; })))
    });
    wt.appendChild(table(
      [{ label: 'release' }, { label: 'raw', num: true }, { label: 'production-weighted [95% CI]', num: true }, { label: 'cases', num: true },
        { label: 'topics with cases', num: true }, { label: 'production represented', num: true }],
      w.releases.map(function (r) {
        return [r.release, num(r.unweighted), num(r.weighted) + ci(r.interval), String(r.cases), String(r.topicsWithCases), pct(r.representedShare)];
      })));
    wt.appendChild(muted(w.method || ''));
  }

  function renderGoodhart(t) {
    var g = t.goodhart;
    var box = clear('goodhart-table');
    if (!g || !g.releases || g.releases.length === 0 || !g.sealedCases) {
      box.appendChild(muted('No sealed split: evalgap seal --set NAME --fraction 0.2 holds out cases nobody tunes on.'));
      chart('goodhart-chart').setOption({ title: { text: 'no sealed cases', left: 'center', top: 'middle', textStyle: { color: '#98a2b3' } } });
      return;
    }
    var rs = g.releases;
    function val(s) { return s && isNum(s.value) ? s.value : null; }
    chart('goodhart-chart').setOption({
      animation: false,
      grid: { left: 50, right: 30, top: 40, bottom: 30 },
      legend: { top: 0, data: ['public cases (' + g.publicCases + ')', 'sealed cases (' + g.sealedCases + ')'] },
      xAxis: { type: 'category', data: rs.map(function (r) { return r.release; }) },
      yAxis: { type: 'value', scale: true },
      tooltip: { trigger: 'axis', formatter: function (ps) {
        var r = rs[ps[0].dataIndex];
        var lines = ['public ' + num(val(r.publicScore)) + ci(r.publicScore && r.publicScore.interval) + ' (n=' + (r.publicScore ? r.publicScore.n : 0) + ')',
          'sealed ' + num(val(r.sealedScore)) + ci(r.sealedScore && r.sealedScore.interval) + ' (n=' + (r.sealedScore ? r.sealedScore.n : 0) + ')'];
        if (r.overfit) { lines.push('overfit index ' + num(r.overfit.value) + ci(r.overfit.interval)); }
        return tooltipLines(r.release, lines);
      } },
      series: [].concat(
        banded('public cases (' + g.publicCases + ')', '#2e5aac', rs.map(function (r) { return val(r.publicScore); }), rs.map(function (r) { return r.publicScore && r.publicScore.interval; })),
        banded('sealed cases (' + g.sealedCases + ')', '#7a5af8', rs.map(function (r) { return val(r.sealedScore); }), rs.map(function (r) { return r.sealedScore && r.sealedScore.interval; })))
    });
    box.appendChild(table(
      [{ label: 'release' }, { label: 'public [95% CI] (n)', num: true }, { label: 'sealed [95% CI] (n)', num: true },
        { label: 'overfit index since ' + g.baseline + ' [95% CI]', num: true }],
      rs.map(function (r) {
        return [r.release, num(val(r.publicScore)) + ci(r.publicScore && r.publicScore.interval) + ' (' + (r.publicScore ? r.publicScore.n : 0) + ')',
          num(val(r.sealedScore)) + ci(r.sealedScore && r.sealedScore.interval) + ' (' + (r.sealedScore ? r.sealedScore.n : 0) + ')',
          r.overfit ? num(r.overfit.value) + ci(r.overfit.interval) : '–'];
      })));
    box.appendChild(muted('Overfit index = public gain − sealed gain since the baseline release: positive and growing means the public cases are being tuned to. Sealed case texts are never shown.'));
  }

  function renderStale(t) {
    var s = t.staleCases;
    var box = clear('stale-table');
    if (!s || !s.cases || s.cases.length === 0) {
      box.appendChild(muted('No stale cases' + (s ? ' (as of ' + s.asOf + ', ' + s.setCases + ' cases checked).' : '.')));
    } else {
      box.appendChild(table([{ label: 'case' }, { label: 'reason', text: true }],
        s.cases.map(function (c) { return [c.caseId, c.reason]; })));
    }
    (t.notes || []).forEach(function (n) { box.appendChild(muted(n)); });
  }

  // ---- raters -----------------------------------------------------------------------------------

  function fig(f, d) { return f && isNum(f.estimate) ? num(f.estimate, d === undefined ? 3 : d) + ci(f.interval, d === undefined ? 3 : d) : '–'; }
  function coef(c) { return c && c.figure ? fig(c.figure) + (c.reading ? ' ' + c.reading : '') : '–'; }
  function rank(r) { return r && isNum(r.estimate) ? num(r.estimate, 2) + ci(r.interval, 2) + ' (n=' + r.n + ')' : '–'; }
  function titled(text, node) { return [h('h3', null, [text]), node]; }

  function renderRaters(r) {
    var box = clear('raters-body');
    if (!r || !r.ratings) { box.appendChild(muted('No ratings in this workspace (evalgap ingest ratings FILE).')); return; }
    box.appendChild(h('p', null, [r.ratings + ' ratings: ' + r.usable + ' usable, ' + r.unusable + ' unusable (kept and counted, never dropped); intervals: '
      + r.bootstrapResamples + ' bootstrap resamples over items, seed ' + r.seed]));
    box.appendChild(table([{ label: 'rater' }, { label: 'kind' }, { label: 'versions' }, { label: 'ratings', num: true }, { label: 'unusable', num: true }, { label: 'items', num: true }],
      (r.raters || []).map(function (x) { return [x.rater, x.kind, (x.versions || []).join(', '), String(x.ratings), String(x.unusable), String(x.items)]; })));
    (r.scales || []).forEach(function (sc, i) {
      var part = h('div', 'scale');
      part.appendChild(h('h3', null, ['Scale ' + sc.scale + ': ' + sc.items + ' items, ' + sc.ratings + ' ratings, ' + sc.unusable + ' unusable']));
      var jh = sc.judgesVsHumans || [];
      if (jh.length) {
        titled('Judge vs human majority', table([{ label: 'judge vs' }, { label: 'rule' }, { label: 'items', num: true }, { label: 'agreement [95% CI]', num: true },
          { label: "Cohen's κ [95% CI]", num: true }, { label: 'weighted κ (quadratic)', num: true }],
          jh.map(function (c) {
            var a = c.agreement || {};
            return [a.first + ' vs ' + c.group, c.rule, String(a.items), fig(a.percentAgreement), coef(a.kappa), coef(a.quadraticKappa)];
          }))).forEach(function (n) { part.appendChild(n); });
      }
      var pairs = sc.raterPairs || [];
      if (pairs.length) {
        titled('Rater pairs', table([{ label: 'pair' }, { label: 'items', num: true }, { label: 'agreement', num: true }, { label: "Cohen's κ", num: true },
          { label: 'linear κ', num: true }, { label: "Krippendorff's α", num: true }, { label: 'Spearman', num: true }, { label: 'Kendall', num: true }],
          pairs.map(function (p) {
            return [p.first + ' vs ' + p.second, String(p.items), fig(p.percentAgreement), coef(p.kappa), coef(p.linearKappa), coef(p.alpha), rank(p.spearman), rank(p.kendall)];
          }))).forEach(function (n) { part.appendChild(n); });
      }
      var multi = sc.multiRater || [];
      if (multi.length) {
        titled('Many raters', table([{ label: 'group' }, { label: 'raters', num: true }, { label: 'items', num: true }, { label: "Krippendorff's α", num: true }, { label: "Fleiss' κ (complete items)", num: true }],
          multi.map(function (m) { return [m.group, String(m.raters), String(m.items), coef(m.alpha), coef(m.fleissKappa) + ' (' + m.fleissItems + ' items × ' + m.fleissRaters + ')']; })))
          .forEach(function (n) { part.appendChild(n); });
      }
      var periods = sc.byPeriod || [];
      if (periods.length > 1) {
        var id = 'raters-chart-' + i;
        part.appendChild(h('h3', null, ['Mean score per period: judges vs humans']));
        var div = h('div', 'chart'); div.id = id; part.appendChild(div);
        part.periods = { id: id, rows: periods };
      }
      var versions = sc.byVersion || [];
      if (versions.length) {
        titled('By period and version', table([{ label: 'scope' }, { label: 'value' }, { label: 'items', num: true }, { label: 'judge mean', num: true }, { label: 'human mean', num: true },
          { label: 'judge vs human majority κ', num: true }, { label: 'Spearman ρ', num: true }, { label: 'humans α', num: true }],
          periods.concat(versions).map(function (v) {
            var jh = (v.judgesVsHumans || [])[0];
            var a = jh ? jh.agreement : null;
            return [v.scope, v.value, String(v.items), fig(v.judgeMean), fig(v.humanMean), a ? coef(a.kappa) : '–', a ? rank(a.spearman) : '–', v.humans ? coef(v.humans.alpha) : '–'];
          })))
          .forEach(function (n) { part.appendChild(n); });
      }
      (sc.changes || []).forEach(function (c) { part.appendChild(h('p', null, [badge('step', 'warn'), ' ' + c])); });
      var drift = sc.drift;
      if (drift && drift.steps && drift.steps.length) {
        titled('Drift attribution on the anchor set', table([{ label: 'from → to' }, { label: 'anchors', num: true }, { label: 'composite', num: true }, { label: 'change [95% CI]', num: true },
          { label: 'system', num: true }, { label: 'judges', num: true }, { label: 'humans', num: true }, { label: 'attributed to' }],
          drift.steps.map(function (d) {
            return [d.from + ' → ' + d.to, String(d.anchorItems), num(d.compositeFrom) + ' → ' + num(d.compositeTo), fig(d.change), fig(d.system), fig(d.judges), fig(d.humans), badge(d.attributedTo || '–', 'warn')];
          }))).forEach(function (n) { part.appendChild(n); });
        (drift.method || []).forEach(function (m) { part.appendChild(muted(m)); });
      }
      var bias = sc.judgeBias;
      if (bias) {
        if ((bias.length || []).length) {
          titled('Length bias', table([{ label: 'judge' }, { label: 'items', num: true }, { label: 'judge score vs length ρ', num: true }, { label: 'judge − human vs length ρ', num: true },
            { label: 'human score vs length ρ', num: true }, { label: 'judge picks longer', num: true }, { label: 'humans pick longer', num: true }],
            bias.length.map(function (b) { return [b.version ? b.judge + ' ' + b.version : b.judge, String(b.items), rank(b.judgeScoreVsLength), rank(b.judgeExcessVsLength), rank(b.humanScoreVsLength), fig(b.judgePicksLonger), fig(b.humansPickLonger)]; })))
            .forEach(function (n) { part.appendChild(n); });
        }
        if ((bias.position || []).length) {
          titled('Position bias', table([{ label: 'judge' }, { label: 'items in both orders', num: true }, { label: 'verdict changes', num: true }, { label: 'first shown wins', num: true }],
            bias.position.map(function (b) { return [b.judge, String(b.itemsBothOrders), fig(b.verdictChanges), fig(b.firstShownWins)]; })))
            .forEach(function (n) { part.appendChild(n); });
        }
        if ((bias.selfPreference || []).length) {
          titled('Self-preference', table([{ label: 'judge' }, { label: 'output family' }, { label: 'own family' }, { label: 'items', num: true }, { label: 'judge', num: true }, { label: 'humans', num: true }, { label: 'difference', num: true }],
            bias.selfPreference.map(function (b) { return [b.judge, b.family, b.ownFamily ? 'yes' : 'no', String(b.items), fig(b.judgeScore), fig(b.humanScore), fig(b.difference)]; })))
            .forEach(function (n) { part.appendChild(n); });
        }
        (bias.notes || []).forEach(function (n) { part.appendChild(muted(n)); });
      }
      var hom = sc.homogenization;
      if (hom && hom.periods && hom.periods.length) {
        titled('Labeler homogenization', table([{ label: 'period' }, { label: 'raters', num: true }, { label: 'items', num: true }, { label: 'agreement', num: true },
          { label: 'score variance', num: true }, { label: 'label entropy (bits)', num: true }, { label: 'discrimination', num: true }],
          hom.periods.map(function (p) { return [p.period, String(p.raters), String(p.items), coef(p.agreement), fig(p.variance), fig(p.entropyBits), fig(p.discrimination) + ' (' + p.contrastPairs + ' pairs)']; })))
          .forEach(function (n) { part.appendChild(n); });
        (hom.flags || []).forEach(function (f) { part.appendChild(h('p', null, [badge('flag', 'bad'), ' ' + f])); });
      }
      box.appendChild(part);
      if (part.periods) {
        var rows = part.periods.rows;
        var mean = function (f) { return f && isNum(f.estimate) ? f.estimate : null; };
        chart(part.periods.id).setOption({
          animation: false, grid: { left: 50, right: 30, top: 40, bottom: 30 },
          legend: { top: 0, data: ['judges', 'humans'] },
          xAxis: { type: 'category', data: rows.map(function (x) { return x.value; }) },
          yAxis: { type: 'value', scale: true },
          tooltip: { trigger: 'axis', formatter: function (ps) {
            var x = rows[ps[0].dataIndex];
            return tooltipLines(x.value, ['judges ' + fig(x.judgeMean), 'humans ' + fig(x.humanMean), x.items + ' items, ' + x.ratings + ' ratings']);
          } },
          series: [].concat(
            banded('judges', '#d92d20', rows.map(function (x) { return mean(x.judgeMean); }), rows.map(function (x) { return x.judgeMean && x.judgeMean.interval; }), true),
            banded('humans', '#2e5aac', rows.map(function (x) { return mean(x.humanMean); }), rows.map(function (x) { return x.humanMean && x.humanMean.interval; }), true))
        });
      }
    });
    (r.notes || []).forEach(function (n) { box.appendChild(muted(n)); });
  }

  // ---- provenance and start ---------------------------------------------------------------------

  function renderProvenance(t) {
    var p = t.provenance || {};
    clear('provenance').appendChild(document.createTextNode('eval set ' + (t.setName || '–') + ' v' + (t.setVersion || '–') + ' (' + (t.setCases || 0)
      + ' cases); intervals: ' + t.bootstrapResamples + ' bootstrap resamples, ' + (100 * t.confidence).toFixed(0) + '% confidence, seed ' + t.seed
      + '; evalgap ' + (p.evalgapVersion || '') + ', computed ' + (p.computedAt || '')));
  }

  function fail(where, e) {
    var box = document.getElementById('verdict-lines');
    box.appendChild(h('p', null, [badge('error', 'bad'), ' ' + where + ': ' + (e && e.message ? e.message : String(e))]));
    if (window.console) { console.error(where, e); }
  }

  function selectWindow(windows, chosen) {
    var sel = document.getElementById('window-select');
    while (sel.firstChild) { sel.removeChild(sel.firstChild); }
    windows.forEach(function (w) {
      var o = document.createElement('option');
      o.value = w; o.textContent = w; if (w === chosen) { o.selected = true; }
      sel.appendChild(o);
    });
    function show(w) {
      return Promise.all([source.gap(w), source.candidates(w)]).then(function (x) {
        renderGap(w, x[0]);
        renderCandidates(w, x[1]);
      });
    }
    sel.addEventListener('change', function () { show(sel.value).catch(function (e) { fail('gap view', e); }); });
    return chosen ? show(chosen) : Promise.resolve(renderGap('(none)', null));
  }

  Promise.all([source.summary(), source.trend(), source.windows()]).then(function (x) {
    var summary = x[0], trend = x[1], windows = x[2] || [];
    renderSummary(summary);
    renderTimeline(trend);
    renderAgreement(trend);
    renderGoodhart(trend);
    renderStale(trend);
    renderProvenance(trend);
    var chosen = summary.window || windows[windows.length - 1];
    return Promise.all([selectWindow(windows, chosen), source.raters().then(renderRaters)]);
  }).then(function () {
    document.body.setAttribute('data-rendered', 'true');
  }).catch(function (e) {
    fail('loading', e);
    document.body.setAttribute('data-rendered', 'error');
  });
}());
