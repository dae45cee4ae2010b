import t from "tap";
import { join } from "node:path";
import { validate } from "../../../src/config/load.js";
import { ReaderLink, ReceiverLink } from "../../../src/config/link.js";
import { keygen } from "../../../src/link/keys.js";
import { splitHostPort } from "../../../src/config/common.js";
import { intakeOptionsFrom, senderOptionsFrom } from "../../../src/link/transport/options.js";

void t.test("defaults live in the schema", async (t) => {
  const r = validate(ReaderLink, { to: "10.0.0.2:47100", key: "a.key" }, "reader.yaml");
  t.match(r, { auth: "aes-256-gcm", mtu: 1400, rate: 12_500_000, fec: { repair: 0.3, group: 16, timeout: "10ms" }, queue: 8 << 20,
    keyframe: "2s", birth: "10s", carouselShare: 0.25, heartbeat: "1s", flush: "5ms" });
  const v = validate(ReceiverLink, { listen: "0.0.0.0:47100", key: "a.key" }, "receiver.yaml");
  t.match(v, { auth: "aes-256-gcm", mtu: 1400, recvBuffer: 4_194_304, timeout: "3s", stale: "10s", reassembly: { frames: 256, timeout: "2s" } });
  t.throws(() => validate(ReaderLink, { to: "x:1", key: "k", fec: { repair: 1.5 } }, "r.yaml"), /fec\.repair/);
  t.throws(() => validate(ReaderLink, { to: "x:1", key: "k", mtu: 100 }, "r.yaml"), /mtu/);
  t.throws(() => validate(ReceiverLink, { listen: "x:1", key: "k", auth: "none" }, "r.yaml"), /auth: must be one of/);
  t.throws(() => validate(ReceiverLink, { listen: "x:1", key: "k", typo: 1 }, "r.yaml"), /typo: unknown key/);
});

void t.test("every key has a description", async (t) => {
  const missing: string[] = [];
  const walk = (s: Record<string, unknown>, path: string) => {
    const props = s.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) {
      if (typeof v.description !== "string") missing.push(`${path}${k}`);
      walk(v, `${path}${k}.`);
    }
  };
  walk(ReaderLink as never, "reader.");
  walk(ReceiverLink as never, "receiver.");
  t.same(missing, []);
});

void t.test("options from config load keys relative to the config folder", async (t) => {
  const dir = t.testdir();
  const a = keygen(join(dir, "a.key"));
  const b = keygen(join(dir, "b.key"));
  const r = validate(ReaderLink, { to: "[::1]:47100", key: "a.key", fec: { timeout: "20ms" } }, "r.yaml");
  const so = senderOptionsFrom(r, dir);
  t.match(so, { host: "::1", port: 47100, auth: "aes-256-gcm", mtu: 1400, fec: { repair: 0.3, group: 16, timeoutMs: 20 } });
  t.equal(so.key.id, a.id);
  const v = validate(ReceiverLink, { listen: "127.0.0.1:0", key: "a.key", nextKey: "b.key" }, "v.yaml");
  const io = intakeOptionsFrom(v, dir);
  t.same(io.keys.map((k) => k.id), [a.id, b.id]);
  t.match(io, { host: "127.0.0.1", port: 0, recvBufferSize: 4_194_304, reassembly: { frames: 256, timeoutMs: 2000 } });
  t.throws(() => intakeOptionsFrom({ ...v, key: "nope.key" }, dir), { code: "SLUICE_ERR_KEY" });
  t.same(splitHostPort("plc.example:502"), { host: "plc.example", port: 502 });
  t.throws(() => splitHostPort("no-port"), { code: "SLUICE_ERR_CONFIG" });
});
