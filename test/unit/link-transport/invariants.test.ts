import t from "tap";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import dgram from "node:dgram";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { KEY_A, frameBytes } from "../../fixtures/link-transport.js";

const root = new URL("../../../src/link/transport/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // without comments

void t.test("invariant 1 (source): the receive path has no send or connect", async (t) => {
  const intake = code(join(root, "intake.ts"));
  t.notMatch(intake, /\.send\s*\(/, "intake.ts never calls send");
  t.notMatch(intake, /\.connect\s*\(/, "intake.ts never calls connect");
  t.notMatch(intake, /sendto|setBroadcast|addMembership|setMulticast/, "nor anything that could emit");
  const socketUsers = files(root).filter((f) => /node:dgram|node:net"|from "dgram"/.test(code(f)));
  t.same(socketUsers.map((f) => f.slice(root.length)).sort(), ["intake.ts", "sender.ts"], "only the two ends touch sockets");
  for (const f of files(root).filter((f) => !f.endsWith("sender.ts") && !f.endsWith("index.ts"))) {
    t.notMatch(code(f), /from "\.\/sender\.js"|from "\.\/outbox\.js"|from "\.\/pacer\.js"/, `${f.slice(root.length)} does not import the sending side`);
  }
});

void t.test("invariant 1 (runtime): the intake socket never sends or connects", async (t) => {
  const calls: string[] = [];
  const proto = dgram.Socket.prototype;
  const orig = { send: proto.send, connect: proto.connect };
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  let spied = 0;
  // the intake's socket is the one bound to its port
  proto.send = function (this: dgram.Socket, ...args: unknown[]) {
    spied++;
    try { if (this.address().port === intake.address().port) calls.push("send"); } catch { /* unbound */ }
    return (orig.send as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.send;
  proto.connect = function (this: dgram.Socket, ...args: unknown[]) {
    try { if (this.address().port === intake.address().port) calls.push("connect"); } catch { /* unbound */ }
    return (orig.connect as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.connect;
  t.teardown(() => { proto.send = orig.send; proto.connect = orig.connect; });
  const sender = await TransportSender.open({ host: "127.0.0.1", port: intake.address().port, key: KEY_A });
  let got = 0;
  intake.on("frame", () => got++);
  for (let i = 0; i < 50; i++) sender.send(frameBytes(i, 3000));
  const deadline = Date.now() + 10_000;
  while (got < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await sender.close();
  await intake.close();
  t.equal(got, 50);
  t.ok(spied > 50, "the spy saw the sender's datagrams");
  t.same(calls, [], "no send/connect on the intake socket");
});
