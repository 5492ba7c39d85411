// The admin page: reads /api/v1/admin/overview every 5 s, draws the last hour as SVG, looks one submission up
// (/api/v1/admin/submissions?q=), replays dead letters (single, or bulk after a dry run). No external resources.
// Texts and times come from i18n.js (Vietnamese by default, or English); a language switch draws everything again.
'use strict';

const { t, word, time } = I18N;
const ACTION_HEADERS = { 'Content-Type': 'application/json', 'X-Requested-By': 'admin-page' };
const replayed = new Map();
let lastOverview = null;
let lastLookup = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v == null) return;
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  });
  children.forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

/** A status in words, coloured by its value (kept in data-status). */
function badge(prefix, value) {
  return el('span', { class: 'badge ' + value, 'data-status': value }, word(prefix, value));
}

function age(seconds) {
  if (seconds == null) return '';
  if (seconds < 120) return t('age.s', seconds);
  if (seconds < 7200) return t('age.min', Math.round(seconds / 60));
  return t('age.h', Math.round(seconds / 3600));
}

/** Why a document waits or a call failed, in the page's language; the stored text as the tooltip. */
function failure(reason) {
  if (!reason) return '—';
  return el('span', { class: 'failure', 'data-code': reason.code, title: reason.detail || reason.code },
    I18N.lang() === 'vi' ? reason.vietnamese : reason.english);
}

function fill(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 9, class: 'muted' }, t('none')))]));
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) {
    window.location.href = '/admin/login';
    throw new Error('HTTP ' + response.status);
  }
  if (!response.ok) {
    let code = '';
    try { code = (await response.json()).code || ''; } catch (e) { /* no problem document */ }
    throw new Error('HTTP ' + response.status + (code ? ' ' + code : ''));
  }
  return response.json();
}

function chart(svgId, points, value, failed) {
  const svg = document.getElementById(svgId);
  const ns = 'http://www.w3.org/2000/svg';
  const width = 600, height = 140, top = 10, bottom = 20, left = 34;
  const max = Math.max(1, ...points.map(value));
  const step = (width - left) / points.length;
  const y = v => height - bottom - (v / max) * (height - top - bottom);
  const shapes = [];
  const axis = document.createElementNS(ns, 'line');
  [['x1', left], ['y1', height - bottom], ['x2', width], ['y2', height - bottom], ['class', 'axis']].forEach(([k, v]) => axis.setAttribute(k, v));
  shapes.push(axis);
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', 2); label.setAttribute('y', top + 8); label.textContent = Math.round(max);
  shapes.push(label);
  const bar = (i, v, cls) => {
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', left + i * step + 1);
    rect.setAttribute('width', Math.max(1, step - 2));
    rect.setAttribute('y', y(v));
    rect.setAttribute('height', height - bottom - y(v));
    rect.setAttribute('class', cls);
    return rect;
  };
  points.forEach((p, i) => {
    const v = value(p);
    if (!v) return;
    shapes.push(bar(i, v, 'bar'));
    const f = failed ? failed(p) : 0;
    if (f) shapes.push(bar(i, f, 'bar failed'));
  });
  if (points.length) {
    const first = document.createElementNS(ns, 'text');
    first.setAttribute('x', left); first.setAttribute('y', height - 5);
    first.textContent = I18N.clockTime(points[0].minute) + ' (GMT+7)';
    const last = document.createElementNS(ns, 'text');
    last.setAttribute('x', width - 50); last.setAttribute('y', height - 5); last.textContent = t('chart.now');
    shapes.push(first, last);
  }
  svg.replaceChildren(...shapes);
}

/** A button that looks {@code id} up, in a table row. */
function openButton(id) {
  const button = el('button', { type: 'button', class: 'open', 'data-open': id }, id);
  button.addEventListener('click', () => {
    document.getElementById('lookup-q').value = id;
    lookUp(id);
    document.getElementById('lookup').scrollIntoView();
  });
  return button;
}

function render(overview) {
  const overall = document.getElementById('overall-status');
  overall.replaceWith(Object.assign(badge('health', overview.health.status), { id: 'overall-status' }));
  document.getElementById('generated-at').textContent = t('asOf', time(overview.generatedAt));
  document.getElementById('components').replaceChildren(...Object.entries(overview.health.components)
    .map(([name, status]) => el('span', { class: 'chip', 'data-component': name }, name + ' ', badge('health', status))));
  fill('routes', overview.routes.map(r => el('tr', { 'data-route': r.id }, el('td', {}, r.id), el('td', {}, badge('route', r.status)),
    el('td', {}, age(r.uptimeSeconds)))));
  fill('portal', overview.portal.map(p => el('tr', { 'data-endpoint': p.endpoint }, el('td', {}, p.endpoint), el('td', {}, badge('breaker', p.breaker)),
    el('td', {}, p.failureRate < 0 ? '—' : p.failureRate.toFixed(0) + ' %'), el('td', { class: 'time' }, time(p.lastSuccess)),
    el('td', { class: 'time' }, p.lastFailure ? time(p.lastFailure) : '—', p.lastFailure ? el('br') : '', p.lastFailure ? failure(p.lastFailureReason) : ''))));
  fill('backlog', overview.backlog.map(b => el('tr', {}, el('td', {}, b.facilityCode), el('td', {}, b.pending),
    el('td', {}, b.pending ? age(b.oldestPendingAgeSeconds) : '—'), el('td', {}, b.deadLetters))));
  fill('certificates', overview.certificates.map(c => el('tr', { 'data-facility': c.facilityCode }, el('td', {}, c.facilityCode),
    el('td', { class: 'time' }, time(c.notAfter)), el('td', {}, c.daysLeft), el('td', {}, badge('certificate', c.status)))));
  document.getElementById('at-risk-threshold').textContent = t('atRisk.threshold', age(overview.atRisk.olderThanSeconds));
  fill('at-risk', overview.atRisk.items.map(d => el('tr', { 'data-id': d.id }, el('td', {}, openButton(d.id)), el('td', {}, word('kind', d.kind)),
    el('td', {}, d.facilityCode), el('td', {}, badge('status', d.status)), el('td', {}, d.attempts), el('td', { class: 'time' }, time(d.createdAt)),
    el('td', {}, failure(d.lastFailure)))));
  const traffic = overview.traffic || {};
  const none = Array.from({ length: 60 }, () => ({ minute: overview.generatedAt, count: 0, failures: 0, p95Ms: 0 }));
  chart('chart-eligibility-count', traffic.eligibility || none, p => p.count, p => p.failures);
  chart('chart-eligibility-latency', traffic.eligibility || none, p => p.p95Ms);
  chart('chart-delivery-count', traffic.delivery || none, p => p.count, p => p.failures);
  chart('chart-delivery-latency', traffic.delivery || none, p => p.p95Ms);
  const select = document.getElementById('bulk-facility');
  const known = new Set([...select.options].map(o => o.value));
  overview.certificates.map(c => c.facilityCode).filter(code => !known.has(code)).forEach(code => select.append(el('option', { value: code }, code)));
  renderDeadLetters(overview.deadLetters);
}

function renderDeadLetters(deadLetters) {
  document.getElementById('dead-letter-total').textContent = t('deadLetters.total', deadLetters.total);
  fill('dead-letters', deadLetters.items.map(d => {
    const button = el('button', { class: 'replay', type: 'button', 'data-id': d.id }, t('replay'));
    button.addEventListener('click', () => replayOne(d.id, button));
    return el('tr', { 'data-id': d.id }, el('td', {}, openButton(d.id)), el('td', {}, word('kind', d.kind)), el('td', {}, d.facilityCode),
      el('td', {}, d.number || d.episodeId), el('td', {}, d.attempts), el('td', {}, failure(d.lastFailure)), el('td', {}, button));
  }));
}

async function renderReplayed() {
  const rows = [];
  for (const id of replayed.keys()) {
    try {
      const s = await getJson('/api/v1/submissions/' + encodeURIComponent(id));
      replayed.set(id, s);
    } catch (e) { /* keep the last known state */ }
    const s = replayed.get(id) || {};
    const receipt = s.portalReceipt ? (s.portalReceipt.uuid || s.portalReceipt.transactionId) : '';
    rows.push(el('tr', { 'data-id': id }, el('td', {}, openButton(id)), el('td', { class: 'replay-status' }, s.status ? badge('status', s.status) : '…'),
      el('td', {}, s.attempts == null ? '' : s.attempts), el('td', {}, receipt)));
  }
  fill('replayed', rows);
}

async function replayOne(id, button) {
  button.disabled = true;
  document.getElementById('bulk-replay').hidden = true;
  document.getElementById('bulk-result').textContent = '';
  const response = await fetch('/api/v1/admin/dead-letters/' + encodeURIComponent(id) + '/replay', { method: 'POST', headers: ACTION_HEADERS });
  if (response.ok) {
    replayed.set(id, await response.json());
  } else {
    button.disabled = false;
    showError(t('replay.refused', id, response.status));
  }
  await refresh();
}

let bulkCount = null;

async function bulk(dryRun) {
  const facilityCode = document.getElementById('bulk-facility').value || undefined;
  const response = await fetch('/api/v1/admin/dead-letters/replay', { method: 'POST', headers: ACTION_HEADERS, body: JSON.stringify({ facilityCode, dryRun }) });
  const result = await response.json();
  const replayButton = document.getElementById('bulk-replay');
  if (dryRun) {
    bulkCount = { dryRun: true, count: result.count };
    replayButton.hidden = result.count === 0;
  } else {
    (result.ids || []).forEach(id => replayed.set(id, null));
    bulkCount = { dryRun: false, count: result.count };
    replayButton.hidden = true;
  }
  renderBulk();
  await refresh();
}

function renderBulk() {
  const replayButton = document.getElementById('bulk-replay');
  if (!bulkCount) return;
  document.getElementById('bulk-result').textContent = t(bulkCount.dryRun ? 'bulk.wouldReplay' : 'bulk.replayed', bulkCount.count);
  replayButton.textContent = t('bulk.replay', bulkCount.count);
}

function dl(rows) {
  const list = el('dl');
  rows.filter(([, value]) => value != null && value !== '').forEach(([key, value, attrs]) => list.append(el('dt', {}, t(key)), el('dd', attrs || {}, value)));
  return list;
}

/** One submission found by the lookup: its state, why it waits, the portal's receipt, the evidence, its history. */
function foundArticle(s) {
  const receipt = s.portalReceipt || {};
  const evidence = s.evidence || {};
  const link = evidence.signedDocument ? el('a', { href: evidence.signedDocument, class: 'signed-document' }, t('field.signedDocumentLink')) : null;
  const history = el('table', { class: 'history' },
    el('thead', {}, el('tr', {}, ...['col.at', 'col.event', 'col.actor', 'col.action', 'col.result', 'col.correlation'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...(s.history || []).map(e => el('tr', { 'data-event': e.type }, el('td', { class: 'time' }, time(e.at)), el('td', {}, word('event', e.type)),
      el('td', {}, e.actor || ''), el('td', {}, e.action || ''),
      el('td', {}, e.type === 'LAST_CHANGE' && e.result ? badge('status', e.result) : e.type === 'STORED' && e.result ? word('operation', e.result) : (e.result || '')),
      el('td', { class: 'hash' }, e.correlationId || '')))));
  return el('article', { class: 'found', 'data-id': s.id },
    dl([
      ['field.id', s.id, { class: 'hash' }],
      ['field.kind', word('kind', s.kind)],
      ['field.facility', s.facilityCode, { class: 'facility' }],
      ['field.episodeId', s.episodeId],
      ['field.number', s.number],
      ['field.operation', word('operation', s.operation)],
      ['field.status', badge('status', s.status), { class: 'status' }],
      ['field.attempts', s.attempts],
      ['field.nextAttempt', s.nextAttemptAt ? time(s.nextAttemptAt) : null, { class: 'time' }],
      ['field.lastFailure', s.lastFailure ? failure(s.lastFailure) : null, { class: 'last-failure' }],
      ['field.detail', s.lastError, { class: 'detail' }],
      ['field.transactionId', receipt.transactionId, { class: 'hash receipt' }],
      ['field.uuid', receipt.uuid, { class: 'hash receipt' }],
      ['field.receivedAt', receipt.receivedAt ? time(receipt.receivedAt) : null, { class: 'time' }],
      ['field.payloadSha256', evidence.payloadSha256, { class: 'hash' }],
      ['field.signedSha256', evidence.signedDocumentSha256, { class: 'hash' }],
      ['field.signedDocument', link],
      ['field.purgedAt', evidence.bodiesPurgedAt ? time(evidence.bodiesPurgedAt) : null, { class: 'time' }],
      ['field.warnings', (s.warnings || []).join('; ')],
      ['field.createdAt', time(s.createdAt), { class: 'time created-at' }],
      ['field.updatedAt', time(s.updatedAt), { class: 'time' }],
    ]),
    el('h3', {}, t('field.history')), history);
}

function renderLookup() {
  const summary = document.getElementById('lookup-summary');
  const result = document.getElementById('lookup-result');
  if (!lastLookup) return;
  summary.hidden = false;
  if (lastLookup.error) {
    summary.textContent = t('lookup.failed', lastLookup.error);
    result.replaceChildren();
    return;
  }
  const items = lastLookup.body.items;
  summary.textContent = items.length ? t('lookup.found', items.length, lastLookup.body.query) : t('lookup.none', lastLookup.body.query);
  summary.className = items.length ? 'muted' : 'not-found';
  result.replaceChildren(...items.map(foundArticle));
}

async function lookUp(q) {
  const query = (q || '').trim();
  if (!query) return;
  try {
    lastLookup = { body: await getJson('/api/v1/admin/submissions?q=' + encodeURIComponent(query)) };
  } catch (e) {
    lastLookup = { error: e.message };
  }
  renderLookup();
}

function showError(text) {
  const box = document.getElementById('load-error');
  box.textContent = text;
  box.hidden = !text;
}

async function refresh() {
  try {
    lastOverview = await getJson('/api/v1/admin/overview');
    render(lastOverview);
    await renderReplayed();
    showError('');
  } catch (e) {
    showError(t('loadError', e.message));
  }
}

I18N.onChange(() => {
  if (lastOverview) render(lastOverview);
  renderReplayed();
  renderBulk();
  renderLookup();
});

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('bulk-dry-run').addEventListener('click', () => bulk(true));
  document.getElementById('bulk-replay').addEventListener('click', () => bulk(false));
  document.getElementById('lookup-form').addEventListener('submit', event => {
    event.preventDefault();
    lookUp(document.getElementById('lookup-q').value);
  });
  refresh();
  setInterval(refresh, 5000);
});
