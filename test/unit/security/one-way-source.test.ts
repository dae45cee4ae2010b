/**
 * Security invariant 1 at the source level, for the whole tree (the transport's own
 * files are covered by test/unit/link-transport/invariants.test.ts):
 *
 *   reader + drivers: clients only: no server, no listen, no bind, no UDP socket of their own
 *   receiver + policy: no UDP socket of their own; the link only through LinkReceiver
 *   link facade: LinkSender wraps only the sending transport, LinkReceiver only the intake
 *   sender: a connect()ed socket, never bound to a chosen port, no 'message' handler
 */
import t from "tap";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL("../../../src/", import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // without comments
const tree = (...dirs: string[]) => dirs.flatMap((d) => files(join(src, d))).map((f) => [f.slice(src.length), code(f)] as const);
const offenders = (set: ReturnType<typeof tree>, re: RegExp) => set.filter(([, text]) => re.test(text)).map(([f]) => f);

void t.test("reader and drivers are clients only: no server, listen, bind or UDP socket", async (t) => {
  const set = tree("reader", "drivers");
  t.ok(set.length > 30, `${set.length} files`);
  t.same(offenders(set, /createServer|\.listen\s*\(|(?:socket|sock|server|udp)\w*\.bind\s*\(|node:dgram|from "dgram"|createSocket/i), [], "none opens a server or a socket it could receive on");
  t.same(offenders(set, /receiver\//), [], "none imports receiver code");
  t.ok(offenders(set, /from "\.\.\/link\/index\.js"/).includes("reader/main.ts"), "the reader reaches the link through the link facade");
});

void t.test("receiver and policy have no UDP socket of their own and never reach the sending side", async (t) => {
  const set = tree("receiver", "policy");
  t.ok(set.length > 20, `${set.length} files`);
  t.same(offenders(set, /node:dgram|from "dgram"|createSocket/), [], "no UDP socket outside the link intake");
  t.same(offenders(set, /LinkSender|TransportSender|transport\/sender|transport\/outbox|drivers\//), [], "no sender, no driver");
  t.same(offenders(set, /from "\.\.\/link\/transport/), [], "the link only through its facade");
});

void t.test("the link facade: the receiving side holds only the intake; the sender's socket is connected, never bound, never read", async (t) => {
  const facade = code(join(src, "link/index.ts"));
  const rxClass = facade.slice(facade.indexOf("export class LinkReceiver"));
  t.ok(rxClass.length > 500, "LinkReceiver found");
  t.notMatch(rxClass, /TransportSender|\.send\s*\(/, "LinkReceiver has no sender and sends nothing");
  const sender = code(join(src, "link/transport/sender.ts"));
  t.match(sender, /socket\.connect\(/, "the sender connects its socket (the kernel then drops anything not from the receiver)");
  t.notMatch(sender, /\.bind\s*\(|\.on\(\s*"message"|addMembership|setBroadcast/, "and never binds a chosen port or reads it");
});
