/**
 * The status page's server side on a real listener: the paged, filtered, sorted tag
 * query, sparklines, the link-history ring, the event stream, what is served from ui/
 * and the package (and nothing else), and read-only on every new path.
 */
import t from "tap";
import { request } from "node:http";
import { Status } from "../../../src/core/status.js";
import { silentLogger } from "../../../src/core/log.js";
import { registerPage } from "../../../src/receiver/page/index.js";
import { LinkRing, POINTS } from "../../../src/receiver/page/link-ring.js";
import { startRestServer } from "../../../src/receiver/rest/server.js";
import { defs, health, makeStore } from "./fakes.js";
import { http } from "./http.js";

/** A reference that would make the browser load something from another origin. */
const EXTERNAL = /(from\s*["']|import\s*\(\s*["']|url\(\s*["']?|src=["']|href=["']|fetch\(\s*["']|EventSource\(\s*["'])(https?:)?\/\/[a-z]/i;

async function setup(t: { teardown(fn: () => unknown): void }) {
  const env = makeStore({ historyDepth: 100, maxTags: 200_000, now: () => Date.now() });
  const { app, url } = await startRestServer({
    store: env.store, logger: silentLogger, host: "127.0.0.1", port: 0,
    extra: (a) => registerPage(a, { store: env.store, link: env.link, tickMs: 100 }),
  });
  t.teardown(() => app.close());
  return { ...env, url, get: (p: string) => http(url, "GET", p) };
}

void t.test("paged tag query: filter, sort, offset, limit, total", async (t) => {
  const { link, get } = await setup(t);
  const now = Date.now();
  link.catalog(defs(["press1/temp", "float32", "degC"], ["press1/flow", "float32", "l/min"], ["line1/temp", "float64", "degC"], ["line1/run", "bool"]), now);
  link.samples([
    { alias: 0, value: 14.369774818420410, status: Status.Good, sourceTime: now - 3 },
    { alias: 1, value: 3.5, status: Status.UncertainLastUsableValue, sourceTime: now - 2 },
    { alias: 2, value: -7, status: Status.Good, sourceTime: now - 1 },
  ], now);
  const q = async (qs: string) => (await get(`/api/v1/tags?${qs}`)).json;
  t.same((await get("/api/v1/tags")).json.total, undefined, "the plain list is unchanged (no total)");
  const temp = await q("q=TEMP");
  t.equal(temp.total, 2, "q is a case-insensitive substring of the path");
  t.same(temp.tags.map((x: { path: string }) => x.path), ["press1/temp", "line1/temp"], "catalogue order without sort");
  t.equal(temp.tags[0].value, 14.369775, "float32 as its shortest decimal");
  t.same((await q("q=l/min")).tags.map((x: { path: string }) => x.path), ["press1/flow"], "q matches the unit too");
  t.same((await q("sort=value&order=desc")).tags.map((x: { path: string }) => x.path), ["press1/temp", "press1/flow", "line1/temp", "line1/run"], "by value, null last when descending");
  t.same((await q("sort=path")).tags.map((x: { path: string }) => x.path), ["line1/run", "line1/temp", "press1/flow", "press1/temp"]);
  t.same((await q("sort=quality")).tags.map((x: { quality: string }) => x.quality), ["bad", "uncertain", "good", "good"], "worst first");
  t.same((await q("quality=good")).tags.map((x: { path: string }) => x.path), ["press1/temp", "line1/temp"]);
  const page = await q("sort=path&offset=1&limit=2");
  t.same({ total: page.total, paths: page.tags.map((x: { path: string }) => x.path) }, { total: 4, paths: ["line1/temp", "press1/flow"] });
  t.same((await q("offset=10&limit=2")).tags, [], "past the end: empty page, same total");
  t.equal((await get("/api/v1/tags?limit=1001")).status, 400, "limit over 1000 is refused");
  t.equal((await get("/api/v1/tags?sort=secret")).status, 400, "unknown sort key is refused");
});

void t.test("100,000 tags: one page of a filtered, sorted query", async (t) => {
  const { link, get } = await setup(t);
  const many = Array.from({ length: 100_000 }, (_, i) => [`s${i % 10}/t${i}`, "float64"] as [string, "float64"]);
  link.catalog(defs(...many), Date.now());
  const t0 = Date.now();
  const r = await get("/api/v1/tags?q=t9999&sort=path&order=desc&limit=50");
  t.comment(`filtered + sorted page of 100k tags in ${Date.now() - t0} ms`);
  t.equal(r.json.total, 11, "t9999 and t99990..t99999");
  t.equal(r.json.tags.length, 11);
  const all = await get("/api/v1/tags?sort=value&offset=99990&limit=50");
  t.equal(all.json.total, 100_000);
  t.equal(all.json.tags.length, 10, "the last page");
});

void t.test("sparklines and link history", async (t) => {
  const { link, get } = await setup(t);
  const now = Date.now();
  link.catalog(defs(["a/x", "float32"], ["a/on", "bool"], ["a/s", "string"]), now);
  for (let i = 0; i < 10; i++) {
    link.samples([{ alias: 0, value: i + 0.1, status: Status.Good, sourceTime: now - 1000 + i * 10 }, { alias: 1, value: i % 3 === 0, status: Status.Good, sourceTime: now - 1000 + i * 10 }, { alias: 2, value: "z", status: Status.Good, sourceTime: now - 1000 + i * 10 }], now);
  }
  const s = (await get("/api/v1/sparklines?paths=a/x,a/on,a/s,a/nope&points=5")).json.sparklines;
  t.equal(s["a/x"].length, 5, "at most `points` points");
  t.same(s["a/x"].at(-1), [now - 1000 + 90, 9.1], "ends at the newest sample, float32 shortest");
  const on = s["a/on"].map((p: number[]) => p[1]);
  t.ok(on.length === 5 && on.every((v: number) => v === 0 || v === 1) && on.includes(0) && on.includes(1), `booleans as 0/1 (${on.join(",")})`);
  t.same(s["a/s"], [], "strings have no trend");
  t.notOk("a/nope" in s, "unknown paths are left out");
  t.equal((await get(`/api/v1/sparklines?paths=${Array.from({ length: 201 }, (_, i) => `a/${i}`).join(",")}`)).status, 400, "at most 200 paths");
  t.equal((await get("/api/v1/sparklines")).status, 400, "paths is required");
  const h = (await get("/api/v1/link/history")).json;
  t.equal(h.stepMs, 10_000);
  t.type(h.points, Array);
});

void t.test("link ring: deltas per step, counter restarts, bounded to an hour", async (t) => {
  const view = { framesReceived: 0, framesLost: 0, framesRecovered: 0, rejected: { auth: 0 } as Record<string, number>, up: true };
  const ring = new LinkRing(() => view as never, undefined, 1_000_000);
  t.teardown(() => ring.close());
  view.framesReceived = 50; view.framesLost = 2; view.rejected.auth = 3;
  ring.sample(1000);
  t.match(ring.series()[0], { t: 1000, frames: 50, lost: 2, recovered: 0, rejected: 3, latencyMs: null, up: true });
  view.framesReceived = 5;
  ring.sample(2000);
  t.equal(ring.series()[1]!.frames, 5, "a counter that went back restarted: counts from zero");
  for (let i = 0; i < POINTS + 10; i++) ring.sample(3000 + i);
  t.equal(ring.series().length, POINTS, `at most ${POINTS} points`);
});

void t.test("event stream: a status at once and every tick; a heartbeat is pushed", async (t) => {
  const { link, url } = await setup(t);
  link.catalog(defs(["press1/temp", "float32"]), Date.now());
  const events: { link: { up: boolean }; sources: { name: string; state: string }[]; tags: { total: number; bad: number } }[] = [];
  let contentType = "";
  const req = request(`${url}/api/v1/events`, (res) => {
    contentType = String(res.headers["content-type"]);
    let buf = "";
    res.on("data", (c: Buffer) => {
      buf += c.toString();
      let i;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (data) events.push(JSON.parse(data.slice(6)));
      }
    });
  });
  req.end();
  t.teardown(() => req.destroy());
  const until = async (ok: () => boolean) => { for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20)); };
  await until(() => events.length >= 2);
  t.match(contentType, /^text\/event-stream/);
  t.ok(events.length >= 2, "the first status at once, then ticks");
  t.match(events[0], { tags: { total: 1, bad: 1 } });
  link.health(health("h"), Date.now());
  await until(() => events.some((e) => e.sources.length === 1));
  t.match(events.at(-1)!.sources, [{ name: "press1", state: "up" }], "sources from the heartbeat");
});

void t.test("served files: the page with a strict CSP, its modules, uPlot and nothing else; GET only", async (t) => {
  const { url, get } = await setup(t);
  const page = await get("/");
  t.equal(page.status, 200);
  t.match(page.headers["content-type"], /^text\/html/);
  t.match(page.headers["content-security-policy"], /default-src 'none'; script-src 'self'/);
  t.match(page.text, /<script type="module" src="\/ui\/page\.js">/);
  t.notMatch(page.text, EXTERNAL, "no external resource in the page");
  for (const f of ["/ui/page.js", "/ui/format.js", "/ui/chart.js", "/ui/page.css", "/ui/vendor/uPlot.esm.js", "/ui/vendor/uPlot.min.css"]) {
    const r = await get(f);
    t.equal(r.status, 200, `${f} is served`);
    t.notMatch(r.text, EXTERNAL, `${f} loads nothing from elsewhere`);
  }
  for (const f of ["/ui/vendor/uPlot.cjs.js", "/ui/vendor/../package.json", "/ui/../package.json", "/ui/index.html/../../package.json"]) {
    t.not((await get(f)).status, 200, `${f} is not served`);
  }
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    for (const path of ["/", "/ui/page.js", "/ui/vendor/uPlot.esm.js", "/api/v1/events", "/api/v1/sparklines?paths=a/b", "/api/v1/link/history"]) {
      const r = await http(url, method, path, method === "POST" ? "{}" : undefined);
      t.equal(r.status, 405, `${method} ${path}`);
    }
  }
});
