/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The status page in a real browser (Debian chromium through playwright-core), fed by
 * the demo's plant: the simulators, a reader and a receiver, built from the demo's own
 * configuration code, so this test holds the simulators and can kill one.
 *
 *   sims ──▶ reader ──UDP──▶ receiver ──GET /, SSE, paged tags──▶ chromium
 *   kill the Modbus simulator ──▶ press1 turns red on the open page, without reload
 *
 * SLUICE_SCREENSHOT=docs/status-page.png writes the README's screenshot; otherwise the
 * screenshot lands in the test's own temporary folder (an artifact, kept small).
 */
import t from "tap";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { startOpcuaSim } from "../../../src/demo/sim/opcua.js";
import { startReader } from "../../../src/reader/main.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { demoSources, writeReaderConfig, writeReceiverConfig } from "../../../src/demo/configs.js";
import { extraSims } from "../../../src/demo/extra.js";
import { pollUntil, restSources } from "../../fixtures/pipeline/wait.js";
import { haveChromium, openBrowser } from "../../fixtures/browser.js";
import { makePki } from "../../fixtures/certs.js";
import { hashPassword } from "../../../src/receiver/opcua/index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const POLICY = join(ROOT, "policies", "example.yaml");

// writing the README's screenshot waits for the link chart to fill (about a minute)
if (process.env.SLUICE_SCREENSHOT) t.setTimeout(400_000);
if (!haveChromium()) throw new Error("chromium is not installed: run scripts/test-deps.sh (apt-get install chromium)");

const dir = mkdtempSync(join(tmpdir(), "sluice-page-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
keygen(join(dir, "demo.key"));
const modbus = await startModbusSim({ host: "127.0.0.1", port: 0 });
let modbusOpen = true;
t.teardown(async () => { if (modbusOpen) await modbus.close(); });
const opcua = await startOpcuaSim({ port: 0 });
t.teardown(() => opcua.close());
const notes: string[] = [];
const extra = await extraSims((s) => notes.push(s));
for (const s of extra) t.teardown(() => s.close());
for (const n of notes) t.comment(n);

const base = { dir, policy: POLICY, modbus: `127.0.0.1:${modbus.port}`, opcua: opcua.endpointUrl, linkPort: 0, restPort: 0, opcuaPort: 0 };
const receiver = await startReceiver(writeReceiverConfig(base), { logger: silentLogger });
t.teardown(() => receiver.close());
const sources = demoSources({ ...base, linkPort: receiver.link.port }, extra.map((s) => s.source));
// Short timeouts so a dead PLC shows quickly; everything else as the demo writes it.
for (const s of sources) Object.assign(s, { timeout: "500ms", failuresToDown: 1, backoff: { min: "500ms", max: "1s" } });
const reader = await startReader(writeReaderConfig({ ...base, linkPort: receiver.link.port }, sources), { logger: silentLogger });
t.teardown(() => reader.close());
const expectTags = sources.reduce((n, s) => n + s.tags.length, 0) - 1; // press1/secret is denied by the policy

const browser = await openBrowser({ width: 1100, height: 1000 });
t.teardown(() => browser.close());
const { page, errors } = browser;

void t.test("the page shows every source and tag, live, searchable, accessible", async (t) => {
  await page.goto(`${receiver.rest}/`);
  await page.waitForFunction((n) => document.querySelectorAll("#sources tbody tr[data-source]").length === n, sources.length, { timeout: 20_000 });
  const names = await page.$$eval("#sources tbody tr[data-source]", (rs) => rs.map((r) => `${(r as HTMLElement).dataset.source}:${r.children[1]?.textContent}`));
  t.same(names.sort(), sources.map((s) => `${s.name}:${s.protocol}`).sort(), "every source with its protocol");
  if (sources.length === 4) t.equal(expectTags, 13, "the demo's thirteen tags");
  await page.waitForFunction((n) => document.querySelectorAll("#tag-table tbody tr[data-path]").length === n, expectTags, { timeout: 20_000 });
  const paths = await page.$$eval("#tag-table tbody tr[data-path]", (rs) => rs.map((r) => (r as HTMLElement).dataset.path));
  t.notOk(paths.includes("press1/secret"), "the denied tag is not on the page");
  await page.waitForFunction(() => [...document.querySelectorAll("#tag-table tbody tr[data-path]")].every((r) => r.classList.contains("good")), null, { timeout: 30_000 });
  const flow = await page.$eval('#tag-table tr[data-path="press1/flow"] td:nth-child(2)', (e) => e.textContent ?? "");
  t.match(flow, /^-?\d+(\.\d{1,9})? l\/min$/, `float32 shown as its shortest decimal with the unit (${flow})`);
  await page.waitForFunction(() => document.querySelectorAll("#tag-table svg.spark").length > 0, null, { timeout: 20_000 });
  const shot = process.env.SLUICE_SCREENSHOT ? resolve(ROOT, process.env.SLUICE_SCREENSHOT) : join(dir, "status-page.png");
  if (process.env.SLUICE_SCREENSHOT) {
    // for the README: let the link chart gather a few 10 s points first
    await pollUntil(async () => ((await (await fetch(`${receiver.rest}/api/v1/link/history`)).json()) as { points: unknown[] }).points.length >= 5, 90_000, 1000);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#tag-table svg.spark").length > 0 && document.querySelector("#link-chart canvas") !== null, null, { timeout: 20_000 });
    // a moment when every tag is Good, so the picture is not of a hiccup of a loaded machine
    await page.waitForFunction(() => [...document.querySelectorAll("#tag-table tbody tr[data-path]")].every((r) => r.classList.contains("good")), null, { timeout: 30_000 }).catch(() => undefined);
  }
  await page.screenshot({ path: shot });
  const size = statSync(shot).size;
  t.ok(size > 10_000 && size < 400_000, `screenshot ${shot}: ${Math.round(size / 1024)} KiB`);

  // search filters on the server; the count follows
  await page.fill("#q", "temp");
  await page.waitForFunction(() => {
    const rs = [...document.querySelectorAll("#tag-table tbody tr[data-path]")] as HTMLElement[];
    return rs.length > 0 && rs.every((r) => r.dataset.path!.includes("temp"));
  }, null, { timeout: 5000 });
  const shown = await page.$$eval("#tag-table tbody tr[data-path]", (rs) => rs.map((r) => (r as HTMLElement).dataset.path));
  t.same(shown.sort(), paths.filter((p) => p!.includes("temp")).sort(), "search shows exactly the matching tags");
  t.match(await page.textContent("#tag-count"), new RegExp(`of ${shown.length}$`));
  await page.fill("#q", "");
  // sort by value, descending, with the keyboard
  await page.focus('#tag-table th[data-sort="value"] button');
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  t.equal(await page.getAttribute('#tag-table th[data-sort="value"]', "aria-sort"), "descending", "sorting is announced (aria-sort)");
  await page.waitForFunction((n) => document.querySelectorAll("#tag-table tbody tr[data-path]").length === n, expectTags, { timeout: 5000 });

  // a phone: nothing wider than the screen but the tables' own scroll regions
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(600); // the chart is redrawn 200 ms after a resize
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.ok(overflow <= 1, `at 390 px the page does not scroll sideways (${overflow} px)`);
  await page.setViewportSize({ width: 1100, height: 1000 });

  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  t.same(serious, [], `axe-core: no serious or critical violations (all: ${JSON.stringify(violations)})`);

});

void t.test("a source killed turns red on the open page within 2 s of the receiver knowing, without reload", async (t) => {
  const navigations: string[] = [];
  page.on("framenavigated", (f) => navigations.push(f.url()));
  const tKill = Date.now();
  await modbus.close();
  modbusOpen = false;
  const restDown = pollUntil(async () => {
    const s = (await restSources(receiver.rest)).find((x) => x.name === "press1");
    return s && s.state !== "up" && s.state !== "degraded" ? Date.now() : null;
  }, 20_000, 50);
  const pageDown = page.waitForFunction(() => {
    const r = document.querySelector('#sources tr[data-source="press1"]') as HTMLElement | null;
    return r !== null && r.classList.contains("bad") && /backoff|down/.test(r.textContent ?? "");
  }, null, { timeout: 25_000, polling: 50 }).then(() => Date.now());
  const [atRest, atPage] = await Promise.all([restDown, pageDown]);
  t.ok(atRest, "REST reports press1 not up");
  t.comment(`press1 killed: REST shows it after ${atRest! - tKill} ms, the page after ${atPage - tKill} ms`);
  t.ok(atPage - atRest! <= 2000, `the page shows it ${atPage - atRest!} ms after REST (at most 2000)`);
  const state = await page.$eval('#sources tr[data-source="press1"]', (r) => (r as HTMLElement).dataset.state);
  t.match(state, /backoff|down/, `the state is shown in words (${state})`);
  t.same(navigations, [], "no reload");
  t.same(errors, [], `no console errors (${errors.join(" | ")})`);
});

void t.test("behind HTTPS and a password the page works the same: events, tags, no console errors", async (t) => {
  const pki = makePki(dir);
  const file = join(dir, "secure-receiver.yaml");
  writeFileSync(file, stringify({
    link: { listen: "127.0.0.1:0", key: "./demo.key" }, policy: "allow-all", opcua: { enabled: false },
    rest: { listen: "127.0.0.1:0", tls: { cert: pki.cert, key: pki.key }, users: [{ name: "operator", passwordHash: hashPassword("operator password") }] },
  }));
  const rx = await startReceiver(file, { logger: silentLogger });
  t.teardown(() => rx.close());
  const b = await openBrowser({ httpCredentials: { username: "operator", password: "operator password" }, ignoreHTTPSErrors: true });
  t.teardown(() => b.close());
  const res = await b.page.goto(`${rx.rest}/`);
  t.equal(res?.status(), 200, "the page loads with the password");
  await b.page.waitForFunction(() => /Link DOWN · 0 tags/.test(document.getElementById("summary")?.textContent ?? ""), null, { timeout: 10_000 });
  await b.page.waitForFunction(() => /0–0 of 0/.test(document.getElementById("tag-count")?.textContent ?? ""), null, { timeout: 10_000 });
  t.same(b.errors, [], `no console errors (${b.errors.join(" | ")})`);
  const anon = await openBrowser({ ignoreHTTPSErrors: true });
  t.teardown(() => anon.close());
  // headless chromium turns an unanswered Basic challenge into a navigation error
  const refused = await anon.page.goto(`${rx.rest}/`).then((r) => String(r?.status()), (e: unknown) => String(e));
  t.match(refused, /^401$|ERR_INVALID_AUTH_CREDENTIALS/, `without the password the page is refused (${refused.split("\n")[0]})`);
});
