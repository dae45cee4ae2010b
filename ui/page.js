// sluice status page: plain ES module, no build step. Everything it shows comes from the
// receiver's own read-only endpoints on this origin; text is set with textContent only.
//   /api/v1/events (server-sent "status") -> link facts, sources, summary
//   /api/v1/tags?q=&quality=&sort=&order=&offset=&limit= -> one page of the tag table
//   /api/v1/sparklines?paths=  -> trends of the visible rows;  /api/v1/link/history -> chart
import { drawLinkChart } from "./chart.js";
import { age, badge, el, sparkline, when } from "./format.js";

const PAGE = 50;
const view = { q: "", quality: "", sort: "path", order: "asc", offset: 0 };
let rows = [];
let total = 0;
let sparks = {};
let sparkAt = 0;
let fetching = false;
let again = false;

const $ = (id) => document.getElementById(id);

function renderLink(s) {
  const l = s.link;
  const rejected = Object.entries(l.rejected).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(", ") || "none";
  const facts = [
    ["Link", badge(l.up ? "good" : "bad", l.up ? "up" : "down")],
    ["Catalogue", l.birth ? "received" : "waiting"],
    ["Session", l.sessionId ?? "none"],
    ["Last frame", when(l.lastFrameTime)],
    ["Frames received", String(l.framesReceived)],
    ["Frames lost", String(l.framesLost)],
    ["Recovered (FEC)", String(l.framesRecovered)],
    ["Rejected", rejected],
    ["Latency", l.latencyMs === null ? "–" : `${l.latencyMs.toFixed(1)} ms`],
    ["Policy", l.policy?.mismatch ? badge("bad", "mismatch") : "matches reader"],
  ];
  $("link").replaceChildren(...facts.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, v))));
}

const STATE = { up: "good", degraded: "uncertain", connecting: "idle", backoff: "bad", down: "bad" };

function renderSources(s) {
  const body = $("sources").tBodies[0];
  if (s.sources.length === 0) {
    body.replaceChildren(el("tr", {}, el("td", { colSpan: 6 }, "No reader heartbeat yet")));
    return;
  }
  body.replaceChildren(...s.sources.map((x) => {
    const q = STATE[x.state] ?? "idle";
    return el("tr", { className: q, dataset: { source: x.name, state: x.state } },
      el("th", { scope: "row" }, x.name), el("td", {}, x.protocol), el("td", {}, badge(q, x.state)),
      el("td", {}, when(x.lastPollTime)), el("td", { className: "num" }, String(x.pollErrors)),
      el("td", { className: "err" }, x.lastError ?? ""));
  }));
}

function renderSummary(s) {
  const down = s.sources.filter((x) => STATE[x.state] === "bad").map((x) => x.name);
  const t = s.tags;
  const parts = [`Link ${s.link.up ? "up" : "DOWN"}`, `${t.total} tags: ${t.good} good, ${t.uncertain} uncertain, ${t.bad} bad`];
  if (down.length) parts.push(`sources down: ${down.join(", ")}`);
  const text = parts.join(" · ");
  if ($("summary").textContent !== text) $("summary").textContent = text;
}

function renderTags() {
  const body = $("tag-table").tBodies[0];
  if (rows.length === 0) {
    body.replaceChildren(el("tr", {}, el("td", { colSpan: 7 }, total === 0 && !view.q && !view.quality ? "No tags yet" : "No tag matches")));
  } else {
    body.replaceChildren(...rows.map((t) => {
      const value = t.value === null ? "–" : `${String(t.value)}${t.unit ? ` ${t.unit}` : ""}`;
      return el("tr", { className: t.quality, dataset: { path: t.path } },
        el("td", { className: "path" }, t.path), el("td", { className: "num" }, value),
        el("td", {}, sparkline(sparks[t.path], t.path)), el("td", {}, badge(t.quality, t.quality)),
        el("td", { className: "wide" }, t.status), el("td", { className: "wide" }, when(t.sourceTime)),
        el("td", { className: "num" }, age(t.sourceTime)));
    }));
  }
  const from = total === 0 ? 0 : view.offset + 1;
  $("tag-count").textContent = `${from}–${view.offset + rows.length} of ${total}`;
  $("prev").disabled = view.offset === 0;
  $("next").disabled = view.offset + rows.length >= total;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { accept: "application/json" } });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

async function loadTags() {
  if (fetching) { again = true; return; }
  fetching = true;
  try {
    const p = new URLSearchParams({ sort: view.sort, order: view.order, offset: String(view.offset), limit: String(PAGE) });
    if (view.q) p.set("q", view.q);
    if (view.quality) p.set("quality", view.quality);
    const r = await getJson(`/api/v1/tags?${p}`);
    rows = r.tags;
    total = r.total;
    if (Date.now() - sparkAt > 10_000 || rows.some((t) => !(t.path in sparks))) await loadSparks();
    renderTags();
  } catch (e) {
    showConn(`Cannot load tags: ${e.message}`);
  } finally {
    fetching = false;
    if (again) { again = false; void loadTags(); }
  }
}

async function loadSparks() {
  if (rows.length === 0) return;
  sparkAt = Date.now();
  const r = await getJson(`/api/v1/sparklines?points=40&paths=${encodeURIComponent(rows.map((t) => t.path).join(","))}`);
  sparks = r.sparklines;
}

async function loadChart() {
  try { drawLinkChart($("link-chart"), await getJson("/api/v1/link/history")); } catch (e) { showConn(`Cannot load link history: ${e.message}`); }
}

function showConn(text) {
  const c = $("conn");
  c.hidden = !text;
  c.textContent = text;
}

function connect() {
  const es = new EventSource("/api/v1/events");
  es.addEventListener("status", (ev) => {
    const s = JSON.parse(ev.data);
    showConn("");
    renderSummary(s);
    renderLink(s);
    renderSources(s);
    void loadTags();
  });
  es.onerror = () => showConn("Live updates interrupted: reconnecting…");
}

function setSort(key) {
  view.order = view.sort === key && view.order === "asc" ? "desc" : "asc";
  view.sort = key;
  view.offset = 0;
  for (const th of document.querySelectorAll("#tag-table th[data-sort]")) {
    if (th.dataset.sort === key) th.setAttribute("aria-sort", view.order === "asc" ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  void loadTags();
}

function init() {
  let debounce = 0;
  $("q").addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => { view.q = $("q").value.trim(); view.offset = 0; void loadTags(); }, 150);
  });
  $("quality").addEventListener("change", () => { view.quality = $("quality").value; view.offset = 0; void loadTags(); });
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  for (const th of document.querySelectorAll("#tag-table th[data-sort]")) th.querySelector("button").addEventListener("click", () => setSort(th.dataset.sort));
  $("prev").addEventListener("click", () => { view.offset = Math.max(0, view.offset - PAGE); void loadTags(); });
  $("next").addEventListener("click", () => { view.offset += PAGE; void loadTags(); });
  connect();
  void loadTags();
  void loadChart();
  setInterval(() => void loadChart(), 10_000);
  let resize = 0;
  window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(() => void loadChart(), 200); });
}

init();
