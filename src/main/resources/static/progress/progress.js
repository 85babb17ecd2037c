/*
 * Progress view of the yearly self-training campaign (GET /api/reports/...): province → Phòng GD&ĐT
 * → unit → people, with a stacked bar chart (inline SVG) and a table at each level.
 *
 * The address says what is shown, so that it can be bookmarked and sent:
 *   index.html#year=2026-2027&scope=province|district:CODE|unit:CODE|direct&phase=PLAN&mode=count|percent
 * "direct" is the units directly under the Sở, taken from the province's figures (the API has no
 * scope of its own for them). The server decides who may see what: a refusal (403) shows its message.
 * Every path is relative to this page, so the application also works under a context path.
 */
'use strict';
(function () {
  // el, alertBox, call, problem, formatTime, formatDay: ../js/pages.js, loaded before this file
  const pages = window.selfTrainingPages;
  const {el, alertBox, formatTime, formatDay} = pages;
  const API = '../api/reports';
  const DOSSIERS = '../api/dossiers';
  const COCKPIT = '../camunda/app/cockpit/default/';
  const SVG = 'http://www.w3.org/2000/svg';
  const DIRECT = 'direct';
  const DIRECT_NAME = 'Các đơn vị trực thuộc Sở';
  const PROVINCE_NAME = 'Toàn tỉnh';
  /** Phase states in the order of the bars; Okabe–Ito colours, told apart with colour blindness too. */
  const STATES = [
    {key: 'ON_TIME', prop: 'onTime', color: '#009E73'},
    {key: 'LATE', prop: 'late', color: '#E69F00'},
    {key: 'OVERDUE', prop: 'overdue', color: '#D55E00'},
    {key: 'OPEN', prop: 'open', color: '#56B4E9'},
    {key: 'NOT_STARTED', prop: 'notStarted', color: '#CFCFCF'}];
  /** UnitReportState.Status labels (the API sends the status only). */
  const REPORT_LABELS = {
    REPORTED: 'Đã gửi báo cáo',
    NOT_REPORTED: 'Không gửi báo cáo đúng hạn',
    PENDING: 'Chưa gửi báo cáo'};
  const LOGIN_HINT = 'Bạn chưa đăng nhập. Hãy đăng nhập Camunda Cockpit (hoặc Tasklist) trong trình duyệt này, '
    + 'rồi mở lại trang này.';

  const page = {overview: null, labels: {}, cache: null, token: 0};
  const $ = id => document.getElementById(id);

  // ---------- helpers ----------

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function showMessage(kind, text, link) {
    const box = alertBox(kind, text);
    if (link) {
      box.appendChild(document.createTextNode(' '));
      box.appendChild(el('a', link.label, {href: link.href}));
    }
    $('message').replaceChildren(box);
  }

  /** A GET of our API; no answer at all (the network) is status 0. */
  async function call(path, base = API) {
    try {
      return await pages.call(base + path);
    } catch (e) {
      return {status: 0, body: null};
    }
  }

  const problem = answer => pages.problem(answer, LOGIN_HINT);

  const number = value => (value || 0).toLocaleString('vi-VN');
  const percent = (part, whole) => whole > 0 ? (100 * part / whole).toLocaleString('vi-VN',
    {maximumFractionDigits: 1}) + '%' : '–';

  const label = (kind, key) => (page.labels[kind] && page.labels[kind][key]) || key;

  // ---------- address ----------

  function readRoute() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const overview = page.overview;
    const phases = overview.phases.map(p => p.key);
    return {
      year: params.get('year') || overview.schoolYears[0],
      scope: params.get('scope') || overview.scopes[0].param,
      phase: phases.includes(params.get('phase')) ? params.get('phase') : null,
      mode: params.get('mode') === 'percent' ? 'percent' : 'count'};
  }

  function hrefOf(route) {
    const part = (k, v) => k + '=' + encodeURIComponent(v).replace(/%3A/gi, ':');
    const parts = [part('year', route.year), part('scope', route.scope)];
    if (route.phase) parts.push(part('phase', route.phase));
    if (route.mode === 'percent') parts.push(part('mode', 'percent'));
    return '#' + parts.join('&');
  }

  function go(changes) {
    location.hash = hrefOf(Object.assign(readRoute(), changes));
  }

  function scopeHref(scope) {
    return hrefOf(Object.assign(readRoute(), {scope}));
  }

  /** Whether the user may open the scope, judged like the server does (it has the last word). */
  function mayOpen(param) {
    const own = page.overview.scopes.map(s => s.param);
    return own.includes('province') || own.includes(param);
  }

  // ---------- start ----------

  async function start() {
    const answer = await call('');
    if (answer.status !== 200) {
      $('subtitle').textContent = '';
      showMessage(answer.status === 401 ? 'info' : 'error', problem(answer), answer.status === 401
        ? {label: 'Đăng nhập Cockpit', href: COCKPIT} : null);
      return;
    }
    const overview = answer.body;
    page.overview = overview;
    ['phases', 'phaseStates', 'statuses'].forEach(kind => {
      page.labels[kind] = Object.fromEntries(overview[kind].map(l => [l.key, l.label]));
    });
    if (overview.schoolYears.length === 0) {
      $('subtitle').textContent = '';
      showMessage('info', 'Chưa có đợt tự bồi dưỡng nào. Phòng KHTC của Sở phát động đợt tự bồi dưỡng của năm học '
        + 'trong Tasklist.');
      return;
    }
    $('year').replaceChildren(...overview.schoolYears.map(y => el('option', y, {value: y})));
    $('phase').replaceChildren(...overview.phases.map(p => el('option', p.label, {value: p.key})));
    $('legend').replaceChildren(...STATES.map(s => {
      const item = el('li');
      item.appendChild(el('span', null, {class: 'swatch', style: 'background:' + s.color}));
      item.appendChild(document.createTextNode(label('phaseStates', s.key)));
      return item;
    }));
    $('year').addEventListener('change', () => go({year: $('year').value}));
    $('phase').addEventListener('change', () => go({phase: $('phase').value}));
    $('mode').addEventListener('change', () => go({mode: $('mode').value}));
    $('reload').addEventListener('click', () => { page.cache = null; render(); });
    $('downloads').addEventListener('click', event => {
      const button = event.target.closest('button');
      if (button) download(button);
    });
    $('history-close').addEventListener('click', closeHistory);
    window.addEventListener('hashchange', render);
    $('controls').hidden = false;
    if (!location.hash) history.replaceState(null, '', hrefOf(readRoute()));
    await render();
  }

  // ---------- one view ----------

  async function render() {
    const token = ++page.token;
    const route = readRoute();
    $('year').value = route.year;
    $('mode').value = route.mode;
    $('message').replaceChildren();
    $('download-message').replaceChildren();
    ['chart-section', 'table-section', 'people-section', 'history-section'].forEach(id => { $(id).hidden = true; });
    $('subtitle').textContent = 'Đang tải số liệu…';

    const apiScope = route.scope === DIRECT ? 'province' : route.scope;
    const key = route.year + ' ' + apiScope;
    let answer = page.cache && page.cache.key === key ? page.cache.answer : null;
    if (!answer) {
      answer = await call('/' + encodeURIComponent(route.year) + '?scope=' + encodeURIComponent(apiScope));
      if (token !== page.token) return;
      page.cache = answer.status === 200 ? {key, answer} : null;
    }
    if (answer.status !== 200) {
      $('subtitle').textContent = '';
      showMessage(answer.status === 401 ? 'info' : 'error', problem(answer),
        answer.status === 401 ? {label: 'Đăng nhập Cockpit', href: COCKPIT} : null);
      breadcrumb([]);
      $('downloads').hidden = true;
      return;
    }
    $('downloads').hidden = false;
    offerBundle(route, apiScope, token);
    const report = answer.body.report;
    const level = route.scope === DIRECT ? 'DIRECT' : answer.body.scope.level;
    subtitle(report);
    const phase = route.phase || currentPhase(report.total);
    $('phase').value = phase;

    if (level === 'PROVINCE') {
      breadcrumb([{name: PROVINCE_NAME}]);
      const rows = report.groups.map(g => ({
        code: g.code || DIRECT, name: g.name, tally: g.tally, href: scopeHref(g.code ? 'district:' + g.code : DIRECT),
        unitCount: g.units.length, unitsReported: g.units.filter(u => u.report.status === 'REPORTED').length,
        report: g.report}));
      // the level as the campaign's directory named it ("UBND xã/phường", "Phòng GD&ĐT")
      const levelName = report.levelName || 'cấp trung gian';
      figures(rows, report.total, phase, route.mode, {
        chartTitle: 'Theo ' + levelName, tableTitle: 'Số liệu theo ' + levelName, nameHeader: capitalized(levelName),
        levelName: levelName, rowsAreGroups: true});
      downloadNote('toàn tỉnh');
    } else if (level === 'DIRECT') {
      breadcrumb([{name: PROVINCE_NAME, scope: 'province'}, {name: DIRECT_NAME}]);
      const group = report.groups.find(g => !g.code) || {units: [], tally: null};
      const rows = unitRows(group.units);
      figures(rows, group.tally || report.total, phase, route.mode, {
        chartTitle: DIRECT_NAME, tableTitle: 'Số liệu theo đơn vị – ' + DIRECT_NAME, nameHeader: 'Đơn vị'});
      downloadNote('toàn tỉnh (gồm cả các đơn vị trực thuộc Sở)');
    } else if (level === 'DISTRICT') {
      const group = report.groups[0];
      breadcrumb([{name: PROVINCE_NAME, scope: 'province'}, {name: group.name}]);
      figures(unitRows(group.units), report.total, phase, route.mode, {
        chartTitle: 'Theo đơn vị – ' + group.name, tableTitle: 'Số liệu theo đơn vị – ' + group.name,
        nameHeader: 'Đơn vị', districtReport: group.report});
      downloadNote(group.name);
    } else {
      const group = report.groups[0];
      const unit = group.units[0];
      breadcrumb([{name: PROVINCE_NAME, scope: 'province'},
        group.code ? {name: group.name, scope: 'district:' + group.code} : {name: DIRECT_NAME, scope: DIRECT},
        {name: unit ? unit.name : answer.body.scope.name}]);
      unitView(report, unit, route, token);
      downloadNote(unit ? unit.name : answer.body.scope.name);
    }
  }

  function subtitle(report) {
    const letter = report.letterNumber ? 'Thực hiện Công văn số ' + report.letterNumber
      + (report.letterDate ? ' ngày ' + formatDay(report.letterDate) : '') + ' của ' + report.departmentName + '. '
      : report.departmentName + '. ';
    $('subtitle').textContent = letter + 'Năm học ' + report.schoolYear + '. Số liệu lúc '
      + formatTime(report.generatedAt) + '.';
  }

  /** The phase most people are in: the last one that anybody has started. */
  function currentPhase(total) {
    const keys = page.overview.phases.map(p => p.key);
    let current = keys[0];
    keys.forEach(k => {
      const c = total && total.phases[k];
      if (c && total.participants > 0 && c.notStarted < total.participants) current = k;
    });
    return current;
  }

  function unitRows(units) {
    return units.map(u => ({code: u.code, name: u.name, tally: u.tally, href: scopeHref('unit:' + u.code),
      report: u.report, unitCount: 1, unitsReported: u.report.status === 'REPORTED' ? 1 : 0}));
  }

  /**
   * Toàn tỉnh › Phòng … › Trường …: the levels above the current one that the user may open are links;
   * those out of their reach are left out (a principal sees their school only). Nothing to show
   * (a refusal): a way back to the user's own scope.
   */
  function breadcrumb(items) {
    const nav = $('breadcrumb');
    nav.replaceChildren();
    if (items.length === 0) {
      const home = page.overview.scopes[0];
      nav.appendChild(el('a', 'Về phạm vi của tôi: ' + (home.level === 'PROVINCE' ? PROVINCE_NAME : home.name),
        {href: scopeHref(home.param)}));
      return;
    }
    const shown = items.filter((item, i) => i === items.length - 1
      || mayOpen(item.scope === DIRECT ? 'province' : item.scope));
    shown.forEach((item, i) => {
      if (i > 0) nav.appendChild(el('span', ' › ', {class: 'separator', 'aria-hidden': 'true'}));
      if (i < shown.length - 1) {
        nav.appendChild(el('a', item.name, {href: scopeHref(item.scope)}));
      } else {
        nav.appendChild(el('span', item.name, {'aria-current': 'page'}));
      }
    });
  }

  // ---------- chart and table of a province, a district, the direct units ----------

  function figures(rows, total, phase, mode, options) {
    $('phase-control').hidden = false;
    $('chart-title').textContent = options.chartTitle + ' – ' + label('phases', phase);
    $('chart-note').textContent = (mode === 'percent'
      ? 'Mỗi thanh là 100% số người tham gia của dòng đó.' : 'Độ dài thanh theo số người tham gia.')
      + ' Rê chuột lên thanh để xem số người; bấm vào tên để xem chi tiết.';
    $('chart-section').hidden = false; // shown first: the chart is drawn at its width
    $('chart').replaceChildren(chart(rows.map(r => ({
      key: r.code, name: r.name, href: r.href, total: r.tally.participants,
      counts: r.tally.phases[phase]})), mode, label('phases', phase)));
    $('table-title').textContent = options.tableTitle;
    $('table-note').textContent = options.districtReport
      ? 'Báo cáo tổng hợp gửi Sở: ' + reportLabel(options.districtReport) + '.' : '';
    $('figures').replaceChildren(...figureTable(rows, total, phase, options));
    $('table-section').hidden = false;
  }

  /**
   * A horizontal stacked bar per row: the participants of the row by phase state. Each row is a
   * link when it leads somewhere; every segment carries its count in a <title> (the tooltip).
   */
  function chart(rows, mode, what) {
    // drawn at the width it is shown (no scaling: text keeps the page's size)
    const width = Math.max(700, Math.round($('chart').clientWidth) || 1000);
    const labelWidth = 280, totalWidth = 140, rowHeight = 30, barHeight = 20, top = 24;
    const barWidth = width - labelWidth - totalWidth;
    const max = Math.max(1, ...rows.map(r => r.total));
    const ticks = mode === 'percent' ? [0, 25, 50, 75, 100] : niceTicks(max);
    const scaleMax = mode === 'percent' ? 100 : ticks[ticks.length - 1];
    const height = top + rows.length * rowHeight + 6;
    const root = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'group',
      class: 'progress-chart',
      'aria-label': 'Biểu đồ tiến độ: ' + what});
    const axis = svg('g', {class: 'axis'});
    ticks.forEach(t => {
      const x = labelWidth + barWidth * t / scaleMax;
      axis.appendChild(svg('line', {x1: x, x2: x, y1: top - 6, y2: height - 4}));
      axis.appendChild(svg('text', {x, y: top - 10, 'text-anchor': 'middle'},
        mode === 'percent' ? t + '%' : number(t)));
    });
    root.appendChild(axis);
    rows.forEach((row, i) => {
      const y = top + i * rowHeight;
      const group = row.href ? svg('a', {href: row.href, class: 'bar-row', 'data-code': row.key})
        : svg('g', {class: 'bar-row', 'data-code': row.key});
      const summary = [row.name + ' – ' + what + ': ' + number(row.total) + ' người']
        .concat(STATES.map(s => label('phaseStates', s.key) + ': ' + number(row.counts[s.prop])));
      group.appendChild(svg('title', {}, summary.join('\n')));
      group.appendChild(svg('rect', {class: 'row-background', x: 0, y: y, width, height: rowHeight,
        fill: i % 2 ? '#fafafa' : '#fff'}));
      const name = row.name.length > 42 ? row.name.slice(0, 41) + '…' : row.name;
      group.appendChild(svg('text', {class: 'row-label', x: 6, y: y + rowHeight / 2 + 4}, name));
      const scale = mode === 'percent' ? (row.total > 0 ? 100 / row.total : 0) : 1;
      let x = labelWidth;
      STATES.forEach(s => {
        const count = row.counts[s.prop] || 0;
        if (count <= 0) return;
        const w = barWidth * count * scale / scaleMax;
        const rect = svg('rect', {class: 'segment segment-' + s.key, x, y: y + (rowHeight - barHeight) / 2,
          width: Math.max(w, 1), height: barHeight, fill: s.color, 'data-count': count});
        rect.appendChild(svg('title', {}, row.name + '\n' + label('phaseStates', s.key) + ': ' + number(count)
          + ' người (' + percent(count, row.total) + ')'));
        group.appendChild(rect);
        x += w;
      });
      if (row.total === 0) {
        group.appendChild(svg('rect', {x: labelWidth, y: y + (rowHeight - barHeight) / 2, width: 2,
          height: barHeight, fill: '#ccc'}));
      }
      const done = (row.counts.onTime || 0) + (row.counts.late || 0);
      group.appendChild(svg('text', {class: 'row-total', x: x + 6, y: y + rowHeight / 2 + 4},
        number(row.total) + (row.total > 0 ? ' · xong ' + percent(done, row.total) : '')));
      root.appendChild(group);
    });
    return root;
  }

  function niceTicks(max) {
    const rough = max / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= rough) || power * 10;
    const stepInt = Math.max(1, Math.round(step));
    const ticks = [];
    for (let t = 0; t < max + stepInt; t += stepInt) {
      ticks.push(t);
      if (t >= max) break;
    }
    return ticks;
  }

  function figureTable(rows, total, phase, options) {
    const phases = page.overview.phases;
    const head = el('thead');
    const first = el('tr');
    first.appendChild(el('th', options.nameHeader, {rowspan: 2, scope: 'col'}));
    first.appendChild(el('th', 'Số người tham gia', {rowspan: 2, class: 'number', scope: 'col'}));
    phases.forEach(p => first.appendChild(el('th', p.label, {colspan: 5, scope: 'colgroup',
      class: 'phase-start' + (p.key === phase ? ' selected-phase' : '')})));
    first.appendChild(el('th', 'Đã nộp thu hoạch', {rowspan: 2, class: 'number', scope: 'col'}));
    first.appendChild(el('th', options.rowsAreGroups ? 'Đơn vị đã báo cáo' : 'Báo cáo của đơn vị',
      {rowspan: 2, scope: 'col'}));
    if (options.rowsAreGroups) {
      first.appendChild(el('th', 'Báo cáo của ' + (options.levelName || 'cấp trung gian'), {rowspan: 2, scope: 'col'}));
    }
    const second = el('tr');
    phases.forEach(p => ['Hoàn thành', 'trong đó trễ hạn', 'Quá hạn', 'Đang thực hiện', 'Chưa bắt đầu'].forEach((h, i) =>
      second.appendChild(el('th', h, {scope: 'col', class: 'number' + (i === 0 ? ' phase-start' : '')
        + (p.key === phase ? ' selected-phase' : '')}))));
    head.append(first, second);

    const body = el('tbody');
    rows.forEach(row => body.appendChild(figureRow(row, phases, phase, options, false)));
    const foot = el('tfoot');
    if (total) {
      const unitCount = rows.reduce((n, r) => n + r.unitCount, 0);
      const unitsReported = rows.reduce((n, r) => n + r.unitsReported, 0);
      foot.appendChild(figureRow({code: 'total', name: 'Tổng cộng', tally: total, unitCount, unitsReported},
        phases, phase, options, true));
    }
    return [head, body, foot];
  }

  function figureRow(row, phases, phase, options, isTotal) {
    const tr = el('tr', null, {'data-code': row.code});
    const name = el('td');
    if (row.href) name.appendChild(el('a', row.name, {href: row.href}));
    else name.textContent = row.name;
    tr.appendChild(name);
    tr.appendChild(numberCell(row.tally.participants, 'participants'));
    phases.forEach(p => {
      const c = row.tally.phases[p.key];
      const selected = p.key === phase ? ' selected-phase' : '';
      tr.appendChild(numberCell(c.onTime + c.late, p.key + '.done', 'phase-start' + selected));
      tr.appendChild(numberCell(c.late, p.key + '.late', 'late' + selected));
      tr.appendChild(numberCell(c.overdue, p.key + '.overdue', 'overdue' + selected));
      tr.appendChild(numberCell(c.open, p.key + '.open', selected.trim()));
      tr.appendChild(numberCell(c.notStarted, p.key + '.notStarted', selected.trim()));
    });
    tr.appendChild(numberCell(row.tally.reportSubmitted, 'reportSubmitted'));
    if (options.rowsAreGroups || isTotal) {
      tr.appendChild(el('td', number(row.unitsReported) + '/' + number(row.unitCount),
        {class: 'number', 'data-col': 'unitsReported'}));
    } else {
      tr.appendChild(el('td', reportLabel(row.report), {'data-col': 'unitsReported'}));
    }
    if (options.rowsAreGroups) {
      tr.appendChild(el('td', isTotal || !row.report ? '' : reportLabel(row.report), {'data-col': 'districtReport'}));
    }
    return tr;
  }

  function numberCell(value, column, extra) {
    const td = el('td', number(value), {class: 'number ' + (extra || '') + (value ? '' : ' zero'),
      'data-col': column});
    return td;
  }

  function capitalized(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function reportLabel(report) {
    if (!report) return '';
    let text = REPORT_LABELS[report.status] || report.status;
    if (report.status === 'REPORTED') {
      if (report.onTime !== null && report.onTime !== undefined) text += report.onTime ? ' (đúng hạn)' : ' (trễ hạn)';
      if (report.reportedAt) text += ' ngày ' + formatDay(report.reportedAt);
    }
    return text;
  }

  // ---------- one unit: its phases and its people ----------

  async function unitView(report, unit, route, token) {
    $('phase-control').hidden = true;
    const tally = unit ? unit.tally : report.total;
    const name = unit ? unit.name : report.scope.name;
    $('chart-title').textContent = 'Theo giai đoạn – ' + name;
    $('chart-note').textContent = (route.mode === 'percent'
      ? 'Mỗi thanh là 100% số người tham gia của đơn vị.' : 'Độ dài thanh theo số người tham gia.')
      + ' Rê chuột lên thanh để xem số người.';
    $('chart-section').hidden = false;
    $('chart').replaceChildren(chart(page.overview.phases.map(p => ({key: p.key, name: p.label,
      total: tally.participants, counts: tally.phases[p.key]})), route.mode, name));

    $('people-title').textContent = 'Danh sách cá nhân – ' + name;
    $('people-note').textContent = unit ? 'Báo cáo tổng hợp của đơn vị: ' + reportLabel(unit.report) + '.' : '';
    const answer = await call('/' + encodeURIComponent(route.year) + '/people?scope='
      + encodeURIComponent(route.scope));
    if (token !== page.token) return;
    $('people-section').hidden = false;
    if (answer.status !== 200) {
      $('people').replaceChildren();
      $('people-empty').hidden = false;
      $('people-empty').textContent = problem(answer);
      return;
    }
    $('people-empty').hidden = answer.body.length > 0;
    $('people-empty').textContent = 'Đơn vị chưa có người tham gia.';
    $('people').replaceChildren(...peopleTable(answer.body, route));
  }

  function peopleTable(people, route) {
    const phases = page.overview.phases;
    const head = el('thead');
    const tr = el('tr');
    ['Họ và tên', 'Mã người', 'Email', 'Thao tác'].concat(phases.map(p => p.label),
      ['Chủ đề tự chọn', 'Điểm', 'Xếp loại', 'Trạng thái'])
      .forEach(h => tr.appendChild(el('th', h, {scope: 'col'})));
    head.appendChild(tr);
    const body = el('tbody');
    people.forEach(person => {
      const row = el('tr', null, {'data-record': person.recordId, 'data-person': person.personId});
      const name = el('td');
      name.appendChild(el('strong', person.fullName));
      row.appendChild(name);
      row.appendChild(el('td', person.personId, {class: 'person-code'}));
      row.appendChild(el('td', person.email || '', {class: 'person-email'}));
      const actions = el('div', null, {class: 'actions'});
      if (person.processInstanceId) {
        actions.appendChild(el('a', 'Mở trong Cockpit', {class: 'cockpit-link', target: '_blank', rel: 'noopener',
          href: new URL(COCKPIT + '#/process-instance/' + encodeURIComponent(person.processInstanceId) + '/runtime',
            location.href).href}));
      }
      const dossier = el('a', 'Hồ sơ (PDF)', {class: 'dossier-link', target: '_blank', rel: 'noopener',
        href: DOSSIERS + '/' + encodeURIComponent(person.recordId) + '/ho-so.pdf', 'data-dossier-unit': person.unitCode});
      showDossierLink(dossier);
      actions.appendChild(dossier);
      const historyButton = el('button', 'Lịch sử', {type: 'button', class: 'secondary history-button'});
      historyButton.addEventListener('click', () => showHistory(person, route, row));
      actions.appendChild(historyButton);
      const cell = el('td');
      cell.appendChild(actions);
      row.appendChild(cell);
      phases.forEach(p => row.appendChild(phaseCell(person.phases[p.key])));
      row.appendChild(el('td', person.topic || '', {class: 'wrap'}));
      row.appendChild(el('td', person.score === null || person.score === undefined ? ''
        : Number(person.score).toLocaleString('vi-VN', {maximumFractionDigits: 2})));
      row.appendChild(el('td', person.classification || ''));
      const status = el('td', null, {class: 'wrap'});
      status.appendChild(document.createTextNode(label('statuses', person.status)));
      if (person.revisionCount > 0) {
        status.appendChild(el('br'));
        status.appendChild(el('span', 'Đã chỉnh sửa ' + person.revisionCount + ' lần', {class: 'muted small'}));
      }
      row.appendChild(status);
      body.appendChild(row);
    });
    return [head, body];
  }

  function phaseCell(cell) {
    const td = el('td');
    if (!cell) return td;
    td.setAttribute('data-state', cell.state);
    td.appendChild(el('span', label('phaseStates', cell.state), {class: 'state state-' + cell.state}));
    const when = cell.completedAt ? 'Ngày ' + formatDay(cell.completedAt)
      : cell.dueAt ? 'Hạn ' + formatDay(cell.dueAt) : '';
    if (when) {
      td.appendChild(el('br'));
      td.appendChild(el('span', when, {class: 'muted small'}));
    }
    return td;
  }

  async function showHistory(person, route, row) {
    const section = $('history-section');
    document.querySelectorAll('#people tr.selected').forEach(r => r.classList.remove('selected'));
    row.classList.add('selected');
    $('history-title').textContent = 'Lịch sử hồ sơ – ' + person.fullName + ' (' + person.personId + ')';
    $('history-message').replaceChildren(alertBox('info', 'Đang tải…'));
    const body = $('history').querySelector('tbody');
    body.replaceChildren();
    $('history').hidden = true;
    section.hidden = false;
    section.scrollIntoView({behavior: 'smooth', block: 'start'});
    const answer = await call('/' + encodeURIComponent(route.year) + '/people/' + person.recordId + '/history');
    if (answer.status !== 200) {
      $('history-message').replaceChildren(alertBox('error', problem(answer)));
      return;
    }
    $('history-message').replaceChildren();
    if (answer.body.length === 0) {
      $('history-message').replaceChildren(alertBox('info', 'Chưa có sự kiện nào.'));
      return;
    }
    answer.body.forEach(entry => {
      const tr = el('tr', null, {'data-kind': entry.kind});
      tr.appendChild(el('td', formatTime(entry.at)));
      tr.appendChild(el('td', entry.label));
      tr.appendChild(el('td', entry.actor || 'Hệ thống', entry.actor ? {} : {class: 'muted'}));
      tr.appendChild(el('td', entry.detail || ''));
      body.appendChild(tr);
    });
    $('history').hidden = false;
  }

  function closeHistory() {
    $('history-section').hidden = true;
    document.querySelectorAll('#people tr.selected').forEach(r => r.classList.remove('selected'));
  }

  // ---------- downloads ----------

  /**
   * The archive of the scope's dossiers and essays, offered once the server says which units it
   * holds: the intermediate level receives a unit's essays only after the unit's report. A plain
   * link, so that the browser writes the (possibly large) archive straight to disk.
   */
  async function offerBundle(route, apiScope, token) {
    $('bundle').hidden = true;
    page.bundle = null;
    const base = DOSSIERS + '/bundles/' + encodeURIComponent(route.year);
    const answer = await call('?scope=' + encodeURIComponent(apiScope), base);
    if (token !== page.token) return;
    const note = $('bundle-note');
    const link = $('bundle-link');
    $('bundle').hidden = false;
    if (answer.status !== 200) {
      link.hidden = true;
      note.textContent = answer.status === 403 && answer.body && answer.body.message ? answer.body.message
        : 'Chưa tải được thông tin hồ sơ và bài thu hoạch.';
      return;
    }
    page.bundle = answer.body;
    link.hidden = false;
    link.href = base + '/ho-so.zip?scope=' + encodeURIComponent(answer.body.scope);
    const held = answer.body.units.length;
    const waiting = answer.body.notYet.length;
    note.textContent = 'Hồ sơ tự bồi dưỡng (PDF), bài thu hoạch và bảng đánh giá của ' + number(held) + ' đơn vị'
      + (waiting > 0 ? '; ' + number(waiting) + ' đơn vị chưa gửi báo cáo nên chưa có trong tệp.' : '.');
    document.querySelectorAll('[data-dossier-unit]').forEach(showDossierLink);
  }

  /** A person's dossier link is shown when the unit's essays have reached the viewer. */
  function showDossierLink(link) {
    link.hidden = !(page.bundle && page.bundle.units.some(u => u.code === link.dataset.dossierUnit));
  }

  function downloadNote(what) {
    $('download-note').textContent = 'Tệp tải về gồm số liệu của ' + what + '.';
  }

  /** Fetched first, so that a refusal or a failure shows its message instead of a broken file. */
  async function download(button) {
    const route = readRoute();
    const scope = route.scope === DIRECT ? 'province' : route.scope;
    const base = API + '/' + encodeURIComponent(route.year);
    const url = {
      'xlsx': base + '/bao-cao.xlsx?scope=' + encodeURIComponent(scope),
      'csv-units': base + '/bao-cao.csv?scope=' + encodeURIComponent(scope) + '&table=units',
      'csv-people': base + '/bao-cao.csv?scope=' + encodeURIComponent(scope) + '&table=people'}[button.dataset.format];
    const box = $('download-message');
    box.replaceChildren(alertBox('info', 'Đang tạo tệp…'));
    button.disabled = true;
    try {
      const response = await fetch(url, {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}});
      if (!response.ok) {
        let body = null;
        try { body = await response.json(); } catch (e) { /* not JSON */ }
        box.replaceChildren(alertBox('error', response.status === 401 || (body && body.message)
          ? problem({status: response.status, body})
          : 'Không tạo được tệp báo cáo (máy chủ trả lời mã ' + response.status + '). Vui lòng thử lại sau.'));
        return;
      }
      const blob = await response.blob();
      const link = el('a', null, {href: URL.createObjectURL(blob), download: fileName(response, url)});
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      box.replaceChildren();
    } catch (e) {
      box.replaceChildren(alertBox('error', 'Không tải được tệp. Vui lòng kiểm tra mạng và thử lại.'));
    } finally {
      button.disabled = false;
    }
  }

  function fileName(response, url) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : url.split('/').pop().split('?')[0];
  }

  start();
})();
