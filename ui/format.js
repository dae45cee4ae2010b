// Small DOM and text helpers of the status page.

/** An element with properties (className, dataset, colSpan, ...) and children (nodes or text). */
export function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(e.dataset, v);
    else e[k] = v;
  }
  e.append(...children);
  return e;
}

const MARK = { good: "✓", uncertain: "▲", bad: "✕", idle: "○" };

/** Quality or state as a badge: a shape and a word, so it does not rely on colour. */
export function badge(kind, text) {
  const b = el("span", { className: `badge ${kind}` });
  b.append(el("span", { ariaHidden: "true" }, `${MARK[kind] ?? ""} `), text);
  return b;
}

/** ISO time as local 24-hour time of day (with the date when not today); "–" for none. */
export function when(isoTime) {
  if (!isoTime) return "–";
  const d = new Date(isoTime);
  const time = d.toTimeString().slice(0, 8);
  return new Date().toDateString() === d.toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}

/** Time since an ISO time, short: 850 ms, 12 s, 3 min, 2 h, 4 d. */
export function age(isoTime) {
  if (!isoTime) return "–";
  const ms = Math.max(0, Date.now() - Date.parse(isoTime));
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * A trend line of [time, value] points as a small inline SVG (a few dozen points per row:
 * a chart library instance per table row would cost more than it draws). Labelled with
 * the range for screen readers.
 */
export function sparkline(points, path) {
  if (!points || points.length < 2) return "";
  const vs = points.map((p) => p[1]);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const t0 = points[0][0];
  const dt = points[points.length - 1][0] - t0 || 1;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", "0 0 96 24");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${path} trend, ${points.length} samples from ${lo} to ${hi}`);
  const line = document.createElementNS(SVG, "polyline");
  const y = (v) => (hi === lo ? 12 : 22 - ((v - lo) / (hi - lo)) * 20);
  line.setAttribute("points", points.map(([t, v]) => `${(((t - t0) / dt) * 94 + 1).toFixed(1)},${y(v).toFixed(1)}`).join(" "));
  svg.append(line);
  return svg;
}
