// The link health chart (uPlot, served from the installed package): the last hour of
// frames accepted, lost after FEC and rejected, per second, one point per server step.
import uPlot from "/ui/vendor/uPlot.esm.js";

let plot = null;
let shownWidth = 0;

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export function drawLinkChart(host, history) {
  const perSec = history.stepMs / 1000;
  const pts = history.points;
  const data = [
    pts.map((p) => p.t / 1000),
    pts.map((p) => p.frames / perSec),
    pts.map((p) => p.lost / perSec),
    pts.map((p) => p.rejected / perSec),
  ];
  const width = Math.max(240, host.clientWidth || 600);
  if (plot && width === shownWidth) {
    plot.setData(data);
    return;
  }
  plot?.destroy();
  shownWidth = width;
  const axis = { stroke: css("--muted"), grid: { stroke: css("--line"), width: 1 }, ticks: { stroke: css("--line") } };
  plot = new uPlot({
    width, height: 160,
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    axes: [axis, { ...axis, size: 48 }],
    series: [
      {},
      { label: "frames/s", stroke: css("--good-fg"), width: 2 },
      { label: "lost/s", stroke: css("--bad-fg"), width: 2, dash: [6, 3] },
      { label: "rejected/s", stroke: css("--unc-fg"), width: 2, dash: [2, 3] },
    ],
  }, data, host);
}
