import t from "tap";
import { Status } from "../../../src/core/status.js";
import { silentLogger } from "../../../src/core/log.js";
import { startRestServer } from "../../../src/receiver/rest/server.js";
import { parseTime } from "../../../src/receiver/rest/routes.js";
import { ReceiverMetrics } from "../../../src/receiver/metrics.js";
import { defs, health, makeStore } from "./fakes.js";
import { http } from "./http.js";

async function setup(t: { teardown(fn: () => unknown): void }) {
  const env = makeStore({ historyDepth: 100 });
  const metrics = new ReceiverMetrics({ store: env.store, link: env.link });
  const { app, url } = await startRestServer({
    store: env.store, metrics, logger: silentLogger, host: "127.0.0.1", port: 0,
    observe: (r, c) => metrics.observeRest(r, c), policyBlocked: () => ({ denied: 3 }),
  });
  t.teardown(() => app.close());
  const get = (path: string) => http(url, "GET", path);
  return { ...env, url, get, metrics };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

void t.test("tags: list, filter by source, one tag, 404", async (t) => {
  const { link, clock, get } = await setup(t);
  t.same((await get("/api/v1/tags")).json, { tags: [] });
  link.catalog(defs(["press1/temp", "float32", "degC"], ["press1/big", "uint64"], ["line1/ok", "bool"], ["line1/small", "int64"]), clock.t);
  link.samples([
    { alias: 0, value: 21.5, status: Status.Good, sourceTime: clock.t - 5 },
    { alias: 1, value: 2n ** 64n - 1n, status: Status.UncertainLastUsableValue, sourceTime: clock.t - 5 },
    { alias: 3, value: -(2n ** 40n), status: Status.Good, sourceTime: clock.t - 5 },
  ], clock.t);
  const all = await get("/api/v1/tags");
  t.equal(all.status, 200);
  t.match(all.headers["content-type"], /^application\/json/);
  t.equal(all.json.tags.length, 4);
  const one = await get("/api/v1/tags/press1/temp");
  t.equal(one.status, 200);
  t.same(Object.keys(one.json), ["path", "source", "name", "value", "type", "unit", "quality", "status", "sourceTime", "receiveTime"]);
  t.match(one.json, { path: "press1/temp", source: "press1", name: "temp", value: 21.5, type: "float32", unit: "degC", quality: "good", status: "Good" });
  t.equal(one.json.sourceTime, new Date(clock.t - 5).toISOString());
  t.match(one.json.receiveTime, ISO);
  const big = (await get("/api/v1/tags/press1/big")).json;
  t.equal(big.value, "18446744073709551615", "unsafe 64-bit integers are strings");
  t.equal(big.quality, "uncertain");
  t.equal(big.status, "UncertainLastUsableValue");
  t.equal((await get("/api/v1/tags/line1/small")).json.value, -(2 ** 40), "safe 64-bit integers are numbers");
  const wait = (await get("/api/v1/tags/line1/ok")).json;
  t.match(wait, { value: null, quality: "bad", status: "BadWaitingForInitialData", sourceTime: null, receiveTime: null, unit: null });
  const line1 = await get("/api/v1/tags?source=line1");
  t.same(line1.json.tags.map((x: { path: string }) => x.path).sort(), ["line1/ok", "line1/small"]);
  t.same((await get("/api/v1/tags?source=nope")).json, { tags: [] });
  const bad = await get("/api/v1/tags?source=a%2Fb");
  t.equal(bad.status, 400);
  t.equal(bad.json.error.code, "BAD_REQUEST");
  const nf = await get("/api/v1/tags/press1/nope");
  t.equal(nf.status, 404);
  t.same(Object.keys(nf.json.error), ["code", "message"]);
  t.equal(nf.json.error.code, "NOT_FOUND");
  t.equal((await get("/api/v1/nothing")).json.error.code, "NOT_FOUND");
  t.equal((await get("/api/v1/tags?bogus=1")).status, 400, "unknown query parameters are an error, not ignored");
});

void t.test("history: from/to/limit and bad queries", async (t) => {
  const { link, clock, get } = await setup(t);
  const t0 = Date.UTC(2024, 4, 1, 12, 0, 0);
  link.catalog(defs(["p/v", "float64"]), clock.t);
  for (let i = 0; i < 10; i++) link.samples([{ alias: 0, value: i, status: Status.Good, sourceTime: t0 + i * 1000 }], clock.t);
  const all = await get("/api/v1/tags/p/v/history");
  t.equal(all.status, 200);
  t.equal(all.json.path, "p/v");
  t.equal(all.json.samples.length, 10);
  t.same(all.json.samples[0], { value: 0, status: "Good", quality: "good", sourceTime: "2024-05-01T12:00:00.000Z" });
  const win = await get("/api/v1/tags/p/v/history?from=2024-05-01T12:00:02Z&to=2024-05-01T12:00:05Z");
  t.same(win.json.samples.map((s: { value: number }) => s.value), [2, 3, 4, 5]);
  const ms = await get(`/api/v1/tags/p/v/history?from=${t0 + 7000}&limit=2`);
  t.same(ms.json.samples.map((s: { value: number }) => s.value), [7, 8]);
  t.equal(ms.json.next, String(t0 + 8000), "more remain: next names where the page ended");
  const pages: number[] = [];
  let after: string | undefined;
  for (let n = 0; n < 10; n++) {
    const p = await get(`/api/v1/tags/p/v/history?from=${t0 + 1000}&to=${t0 + 8000}&limit=3${after ? `&after=${after}` : ""}`);
    pages.push(...p.json.samples.map((s: { value: number }) => s.value));
    after = p.json.next;
    if (!after) break;
  }
  t.same(pages, [1, 2, 3, 4, 5, 6, 7, 8], "paging with after visits every sample of the window once");
  t.equal(all.json.next, undefined, "no next when everything fit");
  const offset = await get("/api/v1/tags/p/v/history?from=2024-05-01T14:00:08%2B02:00");
  t.same(offset.json.samples.map((s: { value: number }) => s.value), [8, 9]);
  for (const q of ["from=yesterday", "to=2024-05-01T12:00:00", "limit=0", "limit=abc", "limit=100001", "from=2024-05-02&to=2024-05-01", "x=1", "after=soon"]) {
    const r = await get(`/api/v1/tags/p/v/history?${q}`);
    t.equal(r.status, 400, q);
    t.equal(r.json?.error?.code, "BAD_REQUEST", q);
    t.type(r.json?.error?.message, "string");
  }
  const nf = await get("/api/v1/tags/p/none/history");
  t.equal(nf.status, 404);
  t.equal(nf.json.error.code, "NOT_FOUND");
});

void t.test("read-only: every other method is 405 with Allow, on every path", async (t) => {
  const { url } = await setup(t);
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "MKCOL", "PURGE", "TRACE", "SEARCH", "LOCK"]) {
    for (const path of ["/api/v1/tags", "/api/v1/tags/a/b", "/metrics", "/no/such/path", "/"]) {
      const r = await http(url, method, path, method === "POST" || method === "PUT" ? '{"value":1}' : undefined);
      t.equal(r.status, 405, `${method} ${path}`);
      t.equal(r.headers.allow, "GET, HEAD", `${method} ${path} Allow`);
      if (method !== "HEAD") t.equal(r.json?.error?.code, "METHOD_NOT_ALLOWED", `${method} ${path} body`);
    }
  }
});

void t.test("HEAD mirrors GET without a body", async (t) => {
  const { url, link, clock } = await setup(t);
  t.equal((await http(url, "HEAD", "/readyz")).status, 503);
  link.catalog(defs(["p/v", "float64"]), clock.t);
  t.equal((await http(url, "HEAD", "/readyz")).status, 200);
  for (const path of ["/api/v1/tags", "/api/v1/tags/p/v", "/api/v1/tags/p/v/history", "/api/v1/link", "/api/v1/sources", "/healthz", "/metrics"]) {
    const g = await http(url, "GET", path);
    const h = await http(url, "HEAD", path);
    t.equal(h.status, g.status, path);
    t.equal(h.text, "", path);
    t.equal(h.headers["content-type"], g.headers["content-type"], path);
  }
  t.equal((await http(url, "HEAD", "/api/v1/tags/p/x")).status, 404);
});

void t.test("sources, link, healthz, readyz before and after birth", async (t) => {
  const { link, clock, get, store } = await setup(t);
  t.same((await get("/api/v1/sources")).json, { sources: [], reader: null });
  t.equal((await get("/healthz")).status, 200);
  const r0 = await get("/readyz");
  t.equal(r0.status, 503);
  t.equal(r0.json.ready, false);
  const l0 = (await get("/api/v1/link")).json;
  t.match(l0, { up: false, birth: false, sessionId: null, lastFrameTime: null, framesReceived: 0, framesLost: 0, framesRecovered: 0 });
  t.same(Object.keys(l0.rejected).sort(), ["auth", "malformed", "oversize", "replay", "session", "version"]);
  t.same(l0.policy, { local: "local-hash", remote: null, mismatch: false, blocked: { denied: 3 } });
  link.sessionId = 0x1234n;
  link.health(health("reader-hash", clock.t - 1000), clock.t);
  t.equal((await get("/readyz")).status, 503, "link up but no birth yet");
  const src = (await get("/api/v1/sources")).json;
  t.same(src.sources, [{ name: "press1", protocol: "modbus", state: "up", lastPollTime: new Date(clock.t - 1000).toISOString(), pollErrors: 2, pollsOk: 10, overruns: 0 }]);
  t.equal(src.reader.policyHash, "reader-hash");
  link.catalog(defs(["p/v", "float64"]), clock.t);
  const r1 = await get("/readyz");
  t.equal(r1.status, 200);
  t.same(r1.json, { status: "ready", ready: true, up: true, birth: true });
  const l1 = (await get("/api/v1/link")).json;
  t.match(l1, { up: true, birth: true, sessionId: "0000000000001234", policy: { remote: "reader-hash", mismatch: true } });
  t.match(l1.lastFrameTime, ISO);
  clock.t += 5000;
  store.sweep();
  t.equal((await get("/readyz")).status, 503, "silent link is not ready");
  t.equal((await get("/api/v1/link")).json.up, false);
});

void t.test("no secrets and no internals in answers", async (t) => {
  const { get } = await setup(t);
  const r = await get("/api/v1/tags/x/y");
  t.notMatch(r.text, /stack|at \w+ \(/);
  t.equal(r.headers["cache-control"], "no-store");
  t.equal(r.headers["x-content-type-options"], "nosniff");
});

void t.test("OpenAPI document lists every route", async (t) => {
  const { get } = await setup(t);
  const r = await get("/api/v1/openapi.json");
  t.equal(r.status, 200);
  t.equal(r.json.openapi.slice(0, 2), "3.");
  const paths = Object.keys(r.json.paths).sort();
  t.same(paths, ["/api/v1/link", "/api/v1/mqtt", "/api/v1/sources", "/api/v1/tags", "/api/v1/tags/{source}/{tag}", "/api/v1/tags/{source}/{tag}/history", "/healthz", "/metrics", "/readyz"]);
  t.same(Object.keys(r.json.paths["/api/v1/tags"]), ["get"], "only GET documented");
  t.ok(r.json.components.schemas.Tag, "Tag schema shared");
  const mqtt = await get("/api/v1/mqtt");
  t.equal(mqtt.status, 404, "/api/v1/mqtt is 404 when mqtt is not configured");
  t.equal(mqtt.json.error.code, "NOT_FOUND");
});

void t.test("time parsing", async (t) => {
  t.equal(parseTime(undefined, "from"), undefined);
  t.equal(parseTime("0", "from"), 0);
  t.equal(parseTime("2024-05-01", "from"), Date.UTC(2024, 4, 1));
  t.equal(parseTime("2024-05-01T00:00:00.5Z", "from"), Date.UTC(2024, 4, 1) + 500);
  t.throws(() => parseTime("2024-05-01T00:00", "from"));
  t.throws(() => parseTime("2024-13-45T00:00:00Z", "to"));
});

void t.test("iso() matches Date#toISOString", async (t) => {
  const { iso } = await import("../../../src/receiver/json.js");
  for (const ms of [0, 1, 59_999, 60_000, 1_700_000_000_123, 1_700_000_059_999, 1_700_000_060_000, 1.5, -1, 253_402_300_800_000, 951_782_400_000]) {
    t.equal(iso(ms), new Date(ms).toISOString(), String(ms));
  }
  t.equal(iso(null), null);
});
