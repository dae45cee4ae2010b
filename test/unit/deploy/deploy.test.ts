/**
 * The deployment material is checked by the real tools an operator would use:
 * promtool for the alert rules, nft for the rulesets, systemd-analyze for the
 * units. A missing tool fails the test with its name (CI installs them).
 */
import t from "tap";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadReceiverConfig } from "../../../src/config/receiver.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: "utf8" });

function tool(name: string): boolean {
  return run("sh", ["-c", `command -v ${name}`]).status === 0;
}

void t.test("promtool accepts the alert rules and the scrape config", async (t) => {
  t.ok(tool("promtool"), "promtool is installed (Debian package prometheus)");
  const rules = run("promtool", ["check", "rules", "deploy/prometheus/sluice-alerts.yml"]);
  t.equal(rules.status, 0, rules.stdout + rules.stderr);
  t.match(rules.stdout, /SUCCESS: \d+ rules found/);
  const cfg = run("promtool", ["check", "config", "--syntax-only", "deploy/prometheus/prometheus.yml"]);
  t.equal(cfg.status, 0, cfg.stdout + cfg.stderr);
});

void t.test("every alert expression names only metrics the receiver serves", async (t) => {
  const text = readFileSync(`${root}deploy/prometheus/sluice-alerts.yml`, "utf8");
  const known = new Set([
    "sluice_link_up", "sluice_link_datagrams_received_total", "sluice_link_datagrams_rejected_total",
    "sluice_link_frames_lost_total", "sluice_link_frames_recovered_total", "sluice_link_last_frame_timestamp_seconds",
    "sluice_link_latency_seconds", "sluice_link_sessions_total", "sluice_tags", "sluice_source_up", "sluice_source_polls_total",
  ]);
  const used = new Set(text.match(/sluice_[a-z_]+/g) ?? []);
  t.ok(used.size >= 8, "the rules use the link and source metrics");
  for (const m of used) t.ok(known.has(m), `${m} is a metric the receiver serves`);
});

void t.test("nft accepts both host rulesets", async (t) => {
  t.ok(tool("nft"), "nft is installed (Debian package nftables)");
  for (const f of ["deploy/nftables/reader.nft", "deploy/nftables/receiver.nft"]) {
    const r = run("nft", ["-c", "-f", f]);
    t.equal(r.status, 0, `${f}: ${r.stderr}`);
  }
});

void t.test("the receiver ruleset drops and counts everything toward the diode interface", async (t) => {
  const text = readFileSync(`${root}deploy/nftables/receiver.nft`, "utf8");
  t.match(text, /chain output \{[^}]*policy drop;/s);
  t.match(text, /oifname "diode0" counter name to_ot drop/);
});

void t.test("systemd-analyze verifies both units", async (t) => {
  t.ok(tool("systemd-analyze"), "systemd-analyze is installed (Debian package systemd)");
  const r = run("systemd-analyze", ["verify", "--man=no", "deploy/systemd/sluice-reader.service", "deploy/systemd/sluice-receiver.service"]);
  t.equal(r.status, 0, r.stdout + r.stderr);
  t.equal(r.stderr.trim(), "", "no warnings");
});

void t.test("the units carry the hardening SECURITY.md promises", async (t) => {
  for (const unit of ["sluice-reader", "sluice-receiver"]) {
    const text = readFileSync(`${root}deploy/systemd/${unit}.service`, "utf8");
    for (const line of ["User=sluice", "NoNewPrivileges=yes", "CapabilityBoundingSet=\n", "ProtectSystem=strict", "PrivateTmp=yes", "RestrictAddressFamilies=AF_INET AF_INET6", "SystemCallFilter=@system-service", "IPAddressDeny=any", "SocketBindDeny=any"]) {
      t.ok(text.includes(line), `${unit} has ${line.trim()}`);
    }
  }
  const reader = readFileSync(`${root}deploy/systemd/sluice-reader.service`, "utf8");
  t.notMatch(reader, /SocketBindAllow/, "the reader may bind nothing");
});

void t.test("the Grafana dashboard is valid JSON over our metrics", async (t) => {
  const d = JSON.parse(readFileSync(`${root}deploy/grafana/sluice-dashboard.json`, "utf8")) as { panels: { targets: { expr: string }[] }[] };
  t.ok(d.panels.length >= 8);
  for (const p of d.panels) for (const q of p.targets) t.match(q.expr, /sluice_/);
});

void t.test("Prometheus scrapes the receiver over HTTPS with the CA and a bearer token file", async (t) => {
  const cfg = parse(readFileSync(`${root}deploy/prometheus/prometheus.yml`, "utf8")) as { scrape_configs: Record<string, unknown>[] };
  const job = cfg.scrape_configs.find((j) => j.job_name === "sluice-receiver");
  t.match(job, { scheme: "https", tls_config: { ca_file: /\.pem$/ }, authorization: { type: "Bearer", credentials_file: /\.token$/ } });
  t.notMatch(JSON.stringify(job), /"credentials":/, "the token is in a file, not in the config");
});

void t.test("the receiver example serves HTTPS with credentials beyond loopback, and the host allows only that port", async (t) => {
  const rx = loadReceiverConfig(`${root}deploy/examples/receiver.yaml`);
  t.notMatch(rx.rest.listen, /^127\./, "the example listens on the IT side");
  t.ok(rx.rest.tls && rx.rest.users.length > 0 && rx.rest.tokens.length > 0, "with TLS, users and a token");
  t.equal(rx.rest.insecure, false);
  t.same(rx.rest.access, { api: "any", page: "users", metrics: "tokens" });
  const port = rx.rest.listen.split(":").pop();
  t.match(readFileSync(`${root}deploy/nftables/receiver.nft`, "utf8"), new RegExp(`tcp dport \\{ 4840, ${port} \\}`), `nftables lets IT reach ${port}`);
  t.match(readFileSync(`${root}deploy/systemd/sluice-receiver.service`, "utf8"), new RegExp(`SocketBindAllow=tcp:${port}\\n`), `the unit may bind ${port}`);
  t.match(readFileSync(`${root}deploy/prometheus/prometheus.yml`, "utf8"), new RegExp(`:${port}"`), `Prometheus scrapes ${port}`);
});
