/**
 * Summary of a V8 CPU profile (.cpuprofile, from --cpu-prof): self time by
 * package (node_modules/NAME, node: internals, this project's src/ files, GC,
 * idle) and the heaviest functions, as plain text.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import \
 *     test/bench/plant/profile.ts FILE.cpuprofile [top=25] [skip=0]
 *
 * `skip`: seconds at the start of the profile left out (start-up, warm-up).
 */
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file = "", topArg, skipArg] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const skipUs = Number(skipArg ?? 0) * 1e6;
let at = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  at += dt;
  if (at >= skipUs) self.set(id, (self.get(id) ?? 0) + dt);
});

function group(url: string, name: string): string {
  if (name === "(garbage collector)" || name === "(idle)" || name === "(program)") return name;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] as string;
  if (url.startsWith("node:") || url === "") return "node internals";
  const s = /\/(src|dist)\/(.+)$/.exec(url);
  return s ? `sluice ${s[2]}` : url;
}
const groups = new Map<string, number>();
const funcs = new Map<string, number>();
let total = 0;
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const { functionName, url, lineNumber } = n.callFrame;
  const g = group(url, functionName);
  groups.set(g, (groups.get(g) ?? 0) + us);
  const f = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^.*\/(src|dist)\//, "")}:${lineNumber + 1}`;
  funcs.set(f, (funcs.get(f) ?? 0) + us);
  total += us;
}
const busy = total - (groups.get("(idle)") ?? 0);
const top = Number(topArg ?? 25);
const show = (m: Map<string, number>, n: number) =>
  [...m].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(6)} s  ${k}`).join("\n");
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n\nby package (self time, share of busy):\n${show(groups, 20)}\n\nheaviest functions (self):\n${show(funcs, top)}`);
