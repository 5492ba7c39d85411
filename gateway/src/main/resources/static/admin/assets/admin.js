// The admin page: reads /api/v1/admin/overview and /api/v1/admin/dead-letters every 5 s, draws the
// last hour as SVG, replays dead letters (single, or bulk after a dry run). No external resources.
'use strict';

const ACTION_HEADERS = { 'Content-Type': 'application/json', 'X-Requested-By': 'admin-page' };
const replayed = new Map();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
  children.forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function badge(text) {
  return el('span', { class: 'badge ' + text }, text);
}

function age(seconds) {
  if (seconds == null) return '';
  if (seconds < 120) return seconds + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return Math.round(seconds / 3600) + ' h';
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function fill(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 9, class: 'muted' }, 'none'))]));
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) {
    window.location.href = '/admin/login';
    throw new Error('not signed in');
  }
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
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
    first.textContent = new Date(points[0].minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const last = document.createElementNS(ns, 'text');
    last.setAttribute('x', width - 40); last.setAttribute('y', height - 5); last.textContent = 'now';
    shapes.push(first, last);
  }
  svg.replaceChildren(...shapes);
}

function render(overview) {
  const overall = document.getElementById('overall-status');
  overall.textContent = overview.health.status;
  overall.className = 'badge ' + overview.health.status;
  document.getElementById('generated-at').textContent = 'as of ' + time(overview.generatedAt);
  document.getElementById('components').replaceChildren(...Object.entries(overview.health.components)
    .map(([name, status]) => el('span', { class: 'chip', 'data-component': name }, name + ' ', badge(status))));
  fill('routes', overview.routes.map(r => el('tr', { 'data-route': r.id }, el('td', {}, r.id), el('td', {}, badge(r.status)), el('td', {}, age(r.uptimeSeconds)))));
  fill('portal', overview.portal.map(p => el('tr', {}, el('td', {}, p.endpoint), el('td', {}, badge(p.breaker)),
    el('td', {}, p.failureRate < 0 ? '—' : p.failureRate.toFixed(0) + ' %'), el('td', {}, time(p.lastSuccess)),
    el('td', {}, p.lastFailure ? time(p.lastFailure) + ' (' + p.lastFailureType + ')' : '—'))));
  fill('backlog', overview.backlog.map(b => el('tr', {}, el('td', {}, b.facilityCode), el('td', {}, b.pending),
    el('td', {}, b.pending ? age(b.oldestPendingAgeSeconds) : '—'), el('td', {}, b.deadLetters))));
  fill('certificates', overview.certificates.map(c => el('tr', {}, el('td', {}, c.facilityCode), el('td', {}, time(c.notAfter)),
    el('td', {}, c.daysLeft), el('td', {}, badge(c.status)))));
  document.getElementById('at-risk-threshold').textContent = '(pending longer than ' + age(overview.atRisk.olderThanSeconds) + ')';
  fill('at-risk', overview.atRisk.items.map(d => el('tr', {}, el('td', {}, d.id), el('td', {}, d.kind), el('td', {}, d.facilityCode),
    el('td', {}, badge(d.status)), el('td', {}, d.attempts), el('td', {}, time(d.createdAt)), el('td', {}, d.lastError))));
  const traffic = overview.traffic || {};
  const none = Array.from({ length: 60 }, () => ({ minute: overview.generatedAt, count: 0, failures: 0, p95Ms: 0 }));
  chart('chart-eligibility-count', traffic.eligibility || none, p => p.count, p => p.failures);
  chart('chart-eligibility-latency', traffic.eligibility || none, p => p.p95Ms);
  chart('chart-delivery-count', traffic.delivery || none, p => p.count, p => p.failures);
  chart('chart-delivery-latency', traffic.delivery || none, p => p.p95Ms);
  const select = document.getElementById('bulk-facility');
  const known = new Set([...select.options].map(o => o.value));
  overview.certificates.map(c => c.facilityCode).filter(code => !known.has(code)).forEach(code => select.append(el('option', { value: code }, code)));
}

function renderDeadLetters(list) {
  fill('dead-letters', list.items.map(d => {
    const button = el('button', { class: 'replay', type: 'button', 'data-id': d.id }, 'Replay');
    button.addEventListener('click', () => replayOne(d.id, button));
    return el('tr', { 'data-id': d.id }, el('td', {}, d.id), el('td', {}, d.kind), el('td', {}, d.facilityCode), el('td', {}, d.number || d.episodeId),
      el('td', {}, d.attempts), el('td', {}, d.lastError), el('td', {}, button));
  }));
}

async function renderReplayed() {
  const rows = [];
  for (const id of replayed.keys()) {
    try {
      const s = await getJson('/api/v1/submissions/' + id);
      replayed.set(id, s);
    } catch (e) { /* keep the last known state */ }
    const s = replayed.get(id) || {};
    const receipt = s.portalReceipt ? (s.portalReceipt.uuid || s.portalReceipt.transactionId) : '';
    rows.push(el('tr', { 'data-id': id }, el('td', {}, id), el('td', { class: 'replay-status' }, s.status ? badge(s.status) : '…'),
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
    showError('Replay of ' + id + ' refused: HTTP ' + response.status);
  }
  await refresh();
}

async function bulk(dryRun) {
  const facilityCode = document.getElementById('bulk-facility').value || undefined;
  const response = await fetch('/api/v1/admin/dead-letters/replay', { method: 'POST', headers: ACTION_HEADERS, body: JSON.stringify({ facilityCode, dryRun }) });
  const result = await response.json();
  const replayButton = document.getElementById('bulk-replay');
  if (dryRun) {
    document.getElementById('bulk-result').textContent = result.count + ' dead letter(s) would be replayed';
    replayButton.textContent = 'Replay ' + result.count;
    replayButton.hidden = result.count === 0;
  } else {
    (result.ids || []).forEach(id => replayed.set(id, null));
    document.getElementById('bulk-result').textContent = result.count + ' replayed';
    replayButton.hidden = true;
  }
  await refresh();
}

function showError(text) {
  const box = document.getElementById('load-error');
  box.textContent = text;
  box.hidden = !text;
}

async function refresh() {
  try {
    const [overview, deadLetters] = await Promise.all([getJson('/api/v1/admin/overview'), getJson('/api/v1/admin/dead-letters')]);
    render(overview);
    renderDeadLetters(deadLetters);
    await renderReplayed();
    showError('');
  } catch (e) {
    showError('Could not load: ' + e.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('bulk-dry-run').addEventListener('click', () => bulk(true));
  document.getElementById('bulk-replay').addEventListener('click', () => bulk(false));
  refresh();
  setInterval(refresh, 5000);
});
