/**
 * Security invariant 1, proven end to end: sluice moves data one way only, and
 * survives every fault of a one-way deployment without losing more than the outage.
 * Linux network namespaces (root; CI runs it), see lib/world.ts for the topology:
 *
 *   [ot] PLC sims ◀─Modbus─ reader ──UDP──▶ [dmz] receiver ──REST / OPC UA──▶ [it] clients
 *                                                    └──MQTT──▶ [dmz] mosquitto ◀── [it] subscribers, "writes"
 *            netdev counter, tcpdump ▲   nft: 5 % random loss (numgen), cut; guard: nothing to ot
 *
 * Prints (lines "e2e: ...") and asserts: data end to end with the PLC's values;
 * packets dmz->ot = 0 (netdev counter, both guards, capture by source MAC);
 * no listening socket in the reader; convergence after receiver restarts at 5 %
 * loss; recovery and status sequences of a reader restart, a PLC down/up, a link
 * cut and a key rollover; no gap in the history beyond the outages.
 *
 * Run: sudo npx tap test/e2e   (needs ip, nft, tcpdump; builds dist/ first if stale)
 */
import t from "tap";
import { copyFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { keygen } from "../../src/link/keys.js";
import { ensureDist } from "./lib/build.js";
import { allStatus, converged, counterDeviation, counterMatchesPlc, goodGaps, historyStatuses, inOrder, secs, seqText } from "./lib/checks.js";
import { canUseNetns, sweepStale, type NftCounters } from "./lib/netns.js";
import { DENIED, LINK, LINK_PORT, MQTT_PORT, PATHS, PLC_PORTS, SOURCES, STATIC } from "./lib/plant.js";
import { Scenario, holdUntil, seqSummary, sourceStates, type Fault } from "./lib/scenario.js";
import { createWorld, type World } from "./lib/world.js";

t.setTimeout(240_000);

const LOSS = 5;
const RESTARTS = 3;
const CUT_MS = 5000;
const PLC_DOWN_MS = 3000;
/**
 * A longer silence between two Good samples of a counter is a gap: 10 polls (they run every
 * 200 ms). Every outage lasts 3 s or more; a shorter hiccup (a process starved of CPU on a
 * busy 2-core machine for a second) is printed but is not a loss.
 */
const GAP_MS = 2000;
const HICCUP_MS = 1000;
const GOOD = "Good";
const UNCERTAIN = "UncertainNoCommunicationLastUsableValue";
const BAD = "BadNoCommunication";

const missing = canUseNetns();
if (missing) {
  t.fail(`the one-way e2e suite ${missing}: run it as root with iproute2, nftables and tcpdump installed (CI does: apt-get install -y iproute2 nftables tcpdump)`);
} else {
  await suite();
}

async function suite(): Promise<void> {
  let world: World | null = null;
  let closed = false;
  await t.test("setup: dist/ fresh, namespaces, capture, processes", async (tt) => {
    const swept = sweepStale();
    const build = ensureDist();
    tt.comment(`e2e: dist/ ${build.built ? `was stale (${build.stale} files): rebuilt in ${secs(build.ms)}` : "up to date"}${swept.length ? `; removed stale namespaces ${swept.join(" ")}` : ""}`);
    const made = await createWorld();
    world = made;
    if (process.env.SLUICE_E2E_KEEP) tt.comment(`e2e: run directory kept (SLUICE_E2E_KEEP): ${made.dir} (configs, logs, ot-dmz.pcap)`);
    process.once("SIGALRM", () => { made.destroy(); process.exit(1); }); // tap's timeout: teardowns do not run
    t.teardown(async () => {
      try { if (!closed) await made.close(); } finally { made.destroy(); }
    });
    tt.ok(made.plc.alive() && made.reader.alive() && made.receiver.alive() && made.it.alive(), `PLCs, reader, receiver and IT clients running in ${made.topo.ns.ot}, ${made.topo.ns.dmz}, ${made.topo.ns.it}`);
  });
  if (!world) return;
  const w: World = world;
  const sc = new Scenario(t, w);
  const say = sc.say.bind(sc);
  const phase = sc.phase.bind(sc);
  const fault = sc.fault.bind(sc);
  let lossFrom: NftCounters | null = null;

  await phase("data flows end to end from the PLCs to the IT clients", async (tt) => {
    const s = await w.obs.until((x) => converged(x, w.epoch), 150_000, "every tag Good with the PLC's values at REST in it");
    say(tt, `first data end to end: every tag Good in it ${secs(s.at - w.startedAt)} after all processes started at once`, true);
    for (const p of PATHS) {
      const v = s.tags.get(p)!;
      const name = p.split("/")[1]!;
      tt.equal(v.status, GOOD, `REST ${p} is Good`);
      if (name in STATIC) tt.equal(v.value, STATIC[name], `REST ${p} = ${JSON.stringify(STATIC[name])}, the PLC's static register`);
      if (name === "counter") tt.ok(counterMatchesPlc(v, w.epoch), `REST ${p} = ${String(v.value)} is the PLC's counter at its source time (off by ${counterDeviation(v, w.epoch)} counts)`);
    }
    tt.equal((await w.client.rest(`/api/v1/tags/plc1/${DENIED}`)).status, 404, "the tag the policy denies is not in dmz");
    const ua = await w.client.ua([...PATHS, `plc1/${DENIED}`]);
    PATHS.forEach((p, i) => {
      const v = ua[i]!;
      const name = p.split("/")[1]!;
      tt.equal(v.status, GOOD, `OPC UA ${p} is Good`);
      if (name in STATIC) tt.equal(v.value, STATIC[name], `OPC UA ${p} = ${JSON.stringify(STATIC[name])}`);
      if (name === "counter") tt.ok(counterMatchesPlc(v, w.epoch), `OPC UA ${p} = ${String(v.value)} is the PLC's counter at its source time`);
    });
    tt.equal(ua[PATHS.length]!.status, "BadNodeIdUnknown", "OPC UA has no node for the denied tag");
    tt.same(sourceStates(await sc.sources()), SOURCES.map((x) => `${x}:up`), "both PLCs are up, as the reader reports");
    say(tt, `IT reads over REST and OPC UA: ${PATHS.map((p, i) => `${p}=${JSON.stringify(ua[i]!.value)}`).join(" ")}`);
  });

  await phase("the reader has no listening socket (ss in ot)", async (tt) => {
    const { listening, reader } = sc.readerSockets();
    say(tt, `listening sockets in ot (ss -lntupH): ${listening.length}`);
    for (const l of listening) say(tt, `  ${l}`);
    say(tt, `reader (pid ${w.reader.pid}) sockets (ss -ntupaH):`);
    for (const l of reader) say(tt, `  ${l}`);
    const mine = listening.filter((l) => l.includes(`pid=${w.reader.pid},`));
    say(tt, `listening sockets of the reader (pid ${w.reader.pid}) in ot: ${mine.length}; its sockets: ${reader.map((l) => l.split(" ").slice(0, 2).concat(l.split(" ").slice(4, 6)).join(" ")).join(", ")}`, true);
    tt.same(mine, [], "no listening socket of the reader");
    tt.equal(listening.filter((l) => l.includes(`pid=${w.plc.pid},`)).length, SOURCES.length, "the PLC simulators' listeners are seen (ss sees the namespace's processes)");
    tt.ok(reader.some((l) => l.startsWith("udp ESTAB") && l.includes(`${w.topo.addr.dmzOt}:${LINK_PORT}`)), "the reader's link socket is a connected UDP socket toward dmz");
    for (const port of Object.values(PLC_PORTS)) tt.ok(reader.some((l) => l.startsWith("tcp ESTAB") && l.includes(`:${port} `)), `the reader is a TCP client of the PLC on :${port}`);
    const rx = w.topo.exec(w.topo.ns.dmz, "ss", ["-lntupH"]).stdout.split("\n").filter((l) => l.includes(`pid=${w.receiver.pid},`));
    say(tt, `receiver listening sockets in dmz: ${rx.map((l) => l.replace(/\s+/g, " ").split(" ").slice(0, 5).join(" ")).join("; ")}`);
    tt.ok(rx.filter((l) => l.startsWith("tcp")).every((l) => l.includes(`${w.topo.addr.dmzIt}:`)), "the receiver's TCP services listen on the it side only");
  });

  await phase("MQTT: the receiver publishes into the broker in dmz; writes sent to it change nothing and reach nothing", async (tt) => {
    const { ns, addr } = w.topo;
    const sub = w.topo.exec(ns.it, "mosquitto_sub", ["-h", addr.dmzIt, "-p", String(MQTT_PORT), "-t", "e2e/plc1/#", "-C", "1", "-W", "20", "-v"]);
    say(tt, `it subscribes to the unified namespace in dmz: ${sub.stdout.trim().slice(0, 160)}`, true);
    tt.match(sub.stdout, /^e2e\/plc1\/\S+ \{"value":/, "a retained UNS message per tag");
    tt.notMatch(sub.stdout, new RegExp(DENIED), "never the denied tag");
    for (const topic of ["spBv1.0/e2e/NCMD/dmz", "spBv1.0/e2e/DCMD/dmz/plc1", "e2e/plc1/counter"]) {
      const pub = w.topo.exec(ns.it, "mosquitto_pub", ["-h", addr.dmzIt, "-p", String(MQTT_PORT), "-q", "1", "-t", topic, "-m", "write 4711"]);
      tt.equal(pub.status, 0, `it publishes a "write" to ${topic}`);
    }
    let r: { commandsIgnored: number; connected: boolean } | null = null;
    for (const t0 = Date.now(); Date.now() - t0 < 10_000; await new Promise((res) => setTimeout(res, 200))) {
      const m = await w.client.rest<{ commandsIgnored: number; connected: boolean }>("/api/v1/mqtt");
      if (m.status === 200 && m.body.commandsIgnored >= 1) { r = m.body; break; }
    }
    tt.ok(r && r.connected, "the receiver is connected to the broker");
    say(tt, `the receiver ignored ${r?.commandsIgnored ?? 0} inbound command(s); packets dmz->ot are checked at the end of the run`);
  });

  await phase(`fault: receiver restart, and convergence at ${LOSS} % loss`, async (tt) => {
    w.topo.setLoss(LOSS);
    lossFrom = w.topo.counters();
    const f = await fault(tt, `receiver restart at ${LOSS} % loss`, async () => {
      tt.equal(await w.receiver.stop(), 0, "the receiver exits 0 on SIGTERM");
    }, async () => { w.startReceiver(); });
    for (const p of PATHS) tt.ok(f.seq[p]!.includes("unreachable") && f.seq[p]!.at(-1) === GOOD, `${p}: unreachable while restarting, Good after`);
    // Convergence proper: a receiver that is up and serving joins the stream mid-carousel. It starts
    // behind a cut link (so its start-up time is not counted), then the link comes back.
    const times: number[] = [];
    for (let k = 1; k <= RESTARTS; k++) {
      const before = sc.counters();
      const p = w.obs.begin(`convergence ${k}`);
      w.topo.setCut(true);
      tt.equal(await w.receiver.stop(), 0, "the receiver exits 0 on SIGTERM");
      w.startReceiver();
      await w.obs.until((s) => s.ok, 120_000, "REST answering after the receiver restart");
      w.topo.setCut(false);
      const open = Date.now();
      const done = await w.obs.until((s) => converged(s, w.epoch, before), 60_000, "every tag Good once the link is back");
      times.push(done.at - open);
      say(tt, `convergence ${k}/${RESTARTS} at ${LOSS} % loss: every tag Good in it ${secs(done.at - open)} after frames reach a fresh receiver (birth every ${secs(LINK.birthMs)}, keyframe every ${secs(LINK.keyframeMs)}); seen: ${seqSummary(Object.fromEntries(p.seq))}`);
      for (const path of PATHS) tt.ok(p.seq.get(path)!.at(-1) === GOOD, `${path} converged to Good`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    say(tt, `convergence at ${LOSS} % loss after a receiver restart (${RESTARTS} trials): min ${secs(sorted[0]!)}, median ${secs(sorted[Math.floor(sorted.length / 2)]!)}, max ${secs(sorted.at(-1)!)}`, true);
  });

  await phase("fault: reader restart", async (tt) => {
    const sessions = (await sc.link()).sessions;
    const f = await fault(tt, "reader restart", async () => {
      tt.equal(await w.reader.stop(), 0, "the reader exits 0 on SIGTERM");
      await w.obs.until((s) => allStatus(s, BAD), 60_000, "every tag BadNoCommunication while the reader is away");
    }, async () => { w.startReader(); });
    for (const p of PATHS) tt.ok(inOrder(f.seq[p]!, [GOOD, UNCERTAIN, BAD, GOOD]), `${p}: Good > Uncertain > Bad > Good`);
    tt.equal((await sc.link()).sessions, sessions + 1, "the receiver saw one new reader session");
    tt.same(sc.readerSockets().listening.filter((l) => l.includes(`pid=${w.reader.pid},`)), [], "the restarted reader listens on nothing either");
  });

  await phase("fault: PLC down and up", async (tt) => {
    const plc1 = PATHS.filter((p) => p.startsWith("plc1/"));
    const plc2 = PATHS.filter((p) => p.startsWith("plc2/"));
    const f = await fault(tt, "PLC plc1 down and up", async () => {
      const t0 = Date.now();
      w.plc.send(`down ${PLC_PORTS.plc1}`);
      await w.plc.waitLine(/"down"/, 10_000, t0);
      await w.obs.until((s) => allStatus(s, BAD, plc1), 60_000, "plc1's tags BadNoCommunication");
      await holdUntil(t0 + PLC_DOWN_MS); // the reader keeps reconnecting with backoff meanwhile
      // Source health travels in heartbeats (every 500 ms), a little behind the tags' statuses.
      const b = await sc.restUntil("/api/v1/sources", (x: Parameters<typeof sourceStates>[0]) => sourceStates(x).join() === "plc1:down,plc2:up", 10_000, "plc1 down in the reader's heartbeat");
      tt.same(sourceStates(b), ["plc1:down", "plc2:up"], "the reader reports plc1 down, plc2 up (/api/v1/sources)");
    }, async () => {
      const t0 = Date.now();
      w.plc.send(`up ${PLC_PORTS.plc1}`);
      await w.plc.waitLine(/"up"/, 10_000, t0);
    });
    for (const p of plc1) tt.ok(inOrder(f.seq[p]!, [GOOD, BAD, GOOD]), `IT saw ${p}: Good > ... > Bad > Good`);
    for (const p of plc2) tt.same(f.seq[p], [GOOD], `${p} stayed Good: the other PLC is not affected`);
    const h = historyStatuses(await sc.history("plc1/counter"), f.start - GAP_MS, f.recovered);
    say(tt, `  plc1/counter statuses in the receiver's history: ${seqText(h)}`);
    tt.ok(inOrder(h, [GOOD, UNCERTAIN, BAD, GOOD]), "the history holds Good > UncertainNoCommunication > BadNoCommunication > Good");
  });

  await phase("fault: link cut", async (tt) => {
    const f = await fault(tt, `link cut ${secs(CUT_MS)}`, async () => {
      w.topo.setCut(true);
      const t0 = Date.now();
      await w.obs.until((s) => allStatus(s, BAD), 60_000, "every tag BadNoCommunication during the cut");
      const ua = await w.client.ua(PATHS);
      tt.same(ua.map((v) => v.status), PATHS.map(() => BAD), "OPC UA shows BadNoCommunication during the cut");
      tt.same(ua.filter((_v, i) => PATHS[i]!.split("/")[1]! in STATIC).map((v) => v.value), PATHS.filter((p) => p.split("/")[1]! in STATIC).map((p) => STATIC[p.split("/")[1]!]), "with the last values kept");
      await holdUntil(t0 + CUT_MS);
    }, async () => { w.topo.setCut(false); });
    for (const p of PATHS) tt.ok(inOrder(f.seq[p]!, [GOOD, UNCERTAIN, BAD, GOOD]), `${p}: Good > Uncertain > Bad > Good`);
    tt.ok(w.topo.counters().cutDrops > 0, "the cut rule dropped the reader's datagrams");
  });

  await phase("fault: key rollover", async (tt) => {
    const auth = (await sc.link()).rejected.auth ?? 0;
    const p = w.obs.begin("key rollover");
    const t0 = Date.now();
    const fresh = join(w.dir, "new.key");
    const key = keygen(fresh);
    // Each key file is replaced whole (copy, then rename over it): a reader of the file never sees half a key.
    const install = (to: string) => { copyFileSync(fresh, `${to}.tmp`); renameSync(`${to}.tmp`, to); };
    const hup = async (proc: typeof w.reader, re: RegExp) => { const at = Date.now(); process.kill(proc.pid, "SIGHUP"); await proc.waitLine(re, 15_000, at); };
    install(w.files.receiverNextKey);
    await hup(w.receiver, /intake keys changed/);
    install(w.files.readerKey);
    await hup(w.reader, /SIGHUP/);
    const sent = Date.now();
    await w.obs.until((s) => converged(s, w.epoch) && SOURCES.every((x) => Date.parse(s.tags.get(`${x}/counter`)!.sourceTime!) > sent + 1000), 60_000, "data under the new key");
    install(w.files.receiverKey); // the old key is retired: only the new one opens datagrams now
    await hup(w.receiver, /intake keys changed/);
    const retired = Date.now();
    const done = await w.obs.until((s) => converged(s, w.epoch) && SOURCES.every((x) => Date.parse(s.tags.get(`${x}/counter`)!.sourceTime!) > retired + 2000), 60_000, "data after the old key is retired");
    const f: Fault = { name: "key rollover", start: t0, restored: t0, recovered: t0, seq: Object.fromEntries(p.seq) };
    sc.faults.push(f);
    const good = (await sc.history("plc1/counter")).filter((s) => s.status === GOOD && Date.parse(s.sourceTime) >= t0 && Date.parse(s.sourceTime) <= done.at);
    const longest = Math.max(...good.slice(1).map((s, i) => Date.parse(s.sourceTime) - Date.parse(good[i]!.sourceTime)));
    say(tt, `fault key rollover (to key id ${key.id.toString(16)}; receiver nextKey + SIGHUP, reader key + SIGHUP, old key retired + SIGHUP): no outage, longest gap between plc1/counter samples ${longest} ms; statuses seen in it: ${seqSummary(f.seq)}`, true);
    for (const path of PATHS) tt.same(f.seq[path], [GOOD], `${path} stayed Good through the rollover`);
    tt.equal((await sc.link()).rejected.auth ?? 0, auth, "no datagram was rejected as unauthenticated: the reader sends under the new key");
    tt.ok(longest < GAP_MS, "no gap in the data during the rollover");
  });

  await phase("nothing lost beyond the outages", async (tt) => {
    const polls = await sc.sources() as unknown as { sources: { name: string; pollsOk: number; pollErrors: number; overruns: number }[] };
    say(tt, `reader polls: ${polls.sources.map((x) => `${x.name} ok ${x.pollsOk}, errors ${x.pollErrors}, overruns ${x.overruns}`).join("; ")}`);
    const l = await sc.link();
    say(tt, `link since the last receiver restart: ${l.framesReceived} frames received, ${l.framesRecovered} rebuilt by FEC, ${l.framesLost} lost (the link cut's included); rejected ${JSON.stringify(l.rejected)}`, true);
    // The history restarts with the last receiver restart; the later faults are judged on it.
    const windows = sc.faults.filter((f) => !f.name.startsWith("receiver") && f.recovered > f.start);
    for (const src of SOURCES) {
      const samples = await sc.history(`${src}/counter`);
      const good = samples.filter((s) => s.status === GOOD);
      const devs = good.map((s) => counterDeviation(s, w.epoch));
      const gaps = goodGaps(samples, GAP_MS);
      const hiccups = goodGaps(samples, HICCUP_MS).filter((g) => g.ms <= GAP_MS);
      // A link cut leaves no gap: the reader's journal re-sends it (the history carousel), so
      // only outages where nothing was read (a reader restart, a PLC down) may leave one.
      const mine = windows.filter((f) => (src === "plc1" || !f.name.startsWith("PLC")) && !f.name.startsWith("link cut"));
      const explained = (g: (typeof gaps)[number]) => mine.some((f) => g.from >= f.start - GAP_MS && g.to <= f.recovered);
      say(tt, `${src}/counter history: ${good.length} Good samples over ${secs(Date.parse(good.at(-1)!.sourceTime) - Date.parse(good[0]!.sourceTime))}, value - PLC in [${Math.min(...devs)}, ${Math.max(...devs)}] counts; gaps > ${GAP_MS} ms: ${gaps.map((g) => `${secs(g.ms)} (${mine.find((f) => g.from >= f.start - GAP_MS && g.to <= f.recovered)?.name ?? "UNEXPLAINED"})`).join(", ") || "none"}` +
        `${hiccups.length ? `; shorter silences ${hiccups.map((g) => secs(g.ms)).join(", ")}` : ""}`, true);
      tt.ok(good.every((s) => counterMatchesPlc(s, w.epoch)), `every Good ${src}/counter sample is the PLC's value at its source time`);
      tt.ok(good.every((s, i) => i === 0 || (s.value as number) >= (good[i - 1]!.value as number)), `${src}/counter never goes back`);
      const odd = gaps.filter((g) => !explained(g));
      for (const g of odd) {
        // Enough to tell a stalled reader from lost frames: the samples around the gap and the fault windows.
        const near = samples.filter((x) => Math.abs(Date.parse(x.sourceTime) - g.from) < 3000 || Math.abs(Date.parse(x.sourceTime) - g.to) < 3000);
        tt.comment(`unexplained gap in ${src}/counter ${new Date(g.from).toISOString()} +${g.ms} ms; samples near it: ${near.map((x) => `${x.sourceTime.slice(11)} ${String(x.value)} ${x.status}`).join(", ")}`);
        tt.comment(`fault windows: ${sc.faults.map((f) => `${f.name} ${new Date(f.start).toISOString().slice(11)}..${new Date(f.recovered).toISOString().slice(11)}`).join("; ")}`);
      }
      tt.same(odd.map((g) => `${new Date(g.from).toISOString()} +${g.ms} ms`), [], `every gap in ${src}/counter lies within an outage`);
      tt.equal(gaps.length, mine.length, `${src}/counter has one gap per outage it went through (${mine.map((f) => f.name).join(", ")}), and none for the link cut, which the journal backfilled`);
    }
  });

  await phase("one way: zero packets from dmz to ot", async (tt) => {
    const codes = await w.close();
    closed = true;
    const c = w.topo.counters();
    // Everything has stopped; give tcpdump a moment to write what it has seen so far.
    for (const end = Date.now() + 5000; w.capture!.peek().otToDmz < c.udpFromOt && Date.now() < end;) await holdUntil(Date.now() + 100);
    const cap = await w.capture!.stop();
    const from = lossFrom ?? c;
    const offered = c.udpFromOt - from.udpFromOt - (c.cutDrops - from.cutDrops);
    const lossPct = offered > 0 ? (100 * (c.lossDrops - from.lossDrops)) / offered : Number.NaN;
    // A few hundred datagrams cross during the run: judge the drop rate against its binomial spread
    // (4.5 standard deviations: a correct rule fails this about once in 150,000 runs).
    const spread = 4.5 * 100 * Math.sqrt((LOSS / 100) * (1 - LOSS / 100) / Math.max(1, offered));
    const egress = c.wireDmzOut < 0 ? "n/a (kernel without the netdev egress hook)" : String(c.wireDmzOut);
    say(tt, `packets dmz->ot = ${cap.dmzToOt + c.wireDmzToOt + c.otGuardDrops + Math.max(0, c.wireDmzOut)}: capture on the ot end ${cap.dmzToOt} (of ${cap.total} frames, other MACs ${cap.other}, kernel drops ${cap.kernelDrops}), netdev ingress in ot ${c.wireDmzToOt}, netdev egress in dmz ${egress}, ot guard ${c.otGuardDrops}`, true);
    say(tt, `packets ot->dmz: capture ${cap.otToDmz}, UDP at the dmz input ${c.udpFromOt}`, true);
    say(tt, `dmz output guard toward ot: ${c.dmzGuardDrops} dropped = ${c.dmzGuardIcmp} ICMP port-unreachable from the dmz kernel (datagrams meeting a restarting receiver) + ${c.dmzGuardDrops - c.dmzGuardIcmp} other`, true);
    say(tt, `loss injected: ${LOSS} % (nft numgen random) on ot->dmz UDP: ${c.lossDrops - from.lossDrops} of ${offered} datagrams dropped = ${lossPct.toFixed(2)} %; link cuts dropped ${c.cutDrops}`, true);
    say(tt, `exit codes on SIGTERM: ${Object.entries(codes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    tt.equal(c.wireDmzToOt, 0, "no frame arrived in ot from dmz (netdev ingress counter)");
    tt.equal(c.otGuardDrops, 0, "the ot guard had nothing from dmz to drop");
    if (c.wireDmzOut >= 0) tt.equal(c.wireDmzOut, 0, "the dmz end put no frame on the wire toward ot (netdev egress counter)");
    else tt.comment("e2e: this kernel has no netdev egress hook: the dmz-end frame counter is not available (capture, ingress counter and guards still are)");
    tt.equal(cap.dmzToOt, 0, "the capture on the ot-dmz link holds no frame from the dmz end");
    tt.equal(cap.other, 0, "and no frame from any other address");
    tt.equal(cap.kernelDrops, 0, "tcpdump dropped nothing (the capture is complete)");
    tt.ok(cap.otToDmz > 0 && cap.otToDmz >= c.udpFromOt, "ot->dmz traffic was captured (at least every datagram that reached dmz)");
    tt.equal(c.dmzGuardDrops - c.dmzGuardIcmp, 0, "nothing but kernel ICMP errors tried to leave dmz toward ot");
    tt.ok(c.lossDrops - from.lossDrops > 0 && Math.abs(lossPct - LOSS) <= spread, `the numgen rule dropped ${LOSS} % give or take ${spread.toFixed(1)} (${lossPct.toFixed(2)} % of ${offered})`);
    tt.same(codes, { it: 0, reader: 0, receiver: 0, plc: 0 }, "every process exits 0 on SIGTERM");
  }, true);

  t.comment(`e2e: SUMMARY (${secs(Date.now() - w.startedAt)} from process start to the end)\n${sc.summary.map((l) => `e2e: ${l}`).join("\n")}`);
}
