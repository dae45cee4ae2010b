/**
 * A three-host test network in Linux network namespaces (needs root):
 *
 *   [ot] 198.18.1.1 ──veth── 198.18.1.2 [dmz] 198.18.2.1 ──veth── 198.18.2.2 [it]
 *
 * The ot–dmz segment is made one-way as a diode deployment would be: no ARP on
 * the dmz side (ot has a permanent neighbour entry instead), IPv6 off (no
 * router solicitations or MLD reports), and nftables in both namespaces that
 * count and drop anything going the wrong way. Netdev hooks count every frame
 * (ARP included) at both ends of the wire: ingress on the ot end (and drop it),
 * egress on the dmz end (Linux 5.16+). A tcpdump capture on the same link
 * counts packets by direction (capture.ts).
 * The loss (numgen random) and cut rules sit in two chains of the dmz input
 * hook, so a cut can come and go while the loss stays.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface Topology {
  ns: { ot: string; dmz: string; it: string };
  addr: { ot: string; dmzOt: string; dmzIt: string; it: string };
  dev: { ot: string; dmzOt: string; dmzIt: string; it: string };
  exec(ns: string, cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string };
  spawn(ns: string, cmd: string, args: string[], opts?: SpawnOptions): ChildProcess;
  /** frames that arrived in ot from dmz (ARP included), from the netdev ingress counter */
  framesDmzToOt(): number;
  /** packets dropped by the dmz output guard toward ot */
  guardDropsDmz(): number;
  /** packets dropped by the ot input guard from dmz */
  guardDropsOt(): number;
  /** set random loss (percent) on UDP from ot to dmz, 0 to clear */
  setLoss(percent: number): void;
  /** cut (true) or restore (false) everything from ot to dmz; independent of the loss rule */
  setCut(cut: boolean): void;
  /** counters of the dmz side of the ot-dmz segment (see NftCounters) */
  counters(): NftCounters;
  /** MAC addresses of the two ends of the ot-dmz veth pair */
  mac: { ot: string; dmzOt: string };
  /** kill every process left in the three namespaces (SIGKILL) and delete them; synchronous, idempotent */
  teardown(): void;
}

/** Packet counters read from nftables in ot and dmz. */
export interface NftCounters {
  /** frames that arrived in ot from dmz at the netdev ingress hook (ARP included; all dropped there) */
  wireDmzToOt: number;
  /** frames the dmz end put on the ot-dmz wire (netdev egress hook; ARP included); -1 when the kernel lacks the hook */
  wireDmzOut: number;
  /** packets the ot input guard dropped because they came from dmz */
  otGuardDrops: number;
  /** packets the dmz output guard dropped on their way to ot (everything) */
  dmzGuardDrops: number;
  /** of those, ICMP destination-unreachable errors made by the dmz kernel (a closed UDP port) */
  dmzGuardIcmp: number;
  /** UDP packets from ot that reached the dmz input hook (before loss and cut) */
  udpFromOt: number;
  /** of those, dropped by the random-loss (numgen) rule */
  lossDrops: number;
  /** packets from ot dropped by the link-cut rule */
  cutDrops: number;
}

function sh(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...(input !== undefined ? { input } : {}) });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function must(cmd: string, args: string[], input?: string): string {
  const r = sh(cmd, args, input);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export function canUseNetns(): string | null {
  if (process.getuid?.() !== 0) return "needs root";
  if (sh("sh", ["-c", "command -v ip && command -v nft && command -v tcpdump"]).status !== 0) return "needs ip (iproute2), nft (nftables) and tcpdump";
  return null;
}

function counter(ns: string, family: string, table: string, name: string): number {
  const out = must("ip", ["netns", "exec", ns, "nft", "-j", "list", "counter", family, table, name]);
  const j = JSON.parse(out) as { nftables: { counter?: { packets: number } }[] };
  return j.nftables.find((e) => e.counter)?.counter?.packets ?? -1;
}

/** Kill (SIGKILL) every process inside a namespace, then delete it: nothing of a run survives it. */
function removeNamespace(n: string): void {
  for (const pid of sh("ip", ["netns", "pids", n]).stdout.split(/\s+/).filter(Boolean).map(Number)) {
    try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
  }
  sh("ip", ["netns", "del", n]);
}

const NAME = /^sl(\d+)(ot|dmz|it)$/;

/**
 * Remove the namespaces (and their processes) of earlier runs whose test process
 * is gone (killed on a timeout before its teardown ran). Returns their names.
 */
export function sweepStale(): string[] {
  const gone: string[] = [];
  for (const line of sh("ip", ["netns", "list"]).stdout.split("\n")) {
    const name = line.split(" ")[0] ?? "";
    const m = NAME.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") continue;
      removeNamespace(name);
      gone.push(name);
    }
  }
  return gone;
}

export function createTopology(): Topology {
  // The whole pid (at most 7 digits) keeps names unique per run and interface names within 15 bytes.
  const tag = `sl${process.pid}`;
  const ns = { ot: `${tag}ot`, dmz: `${tag}dmz`, it: `${tag}it` };
  const dev = { ot: `${tag}o0`, dmzOt: `${tag}d0`, dmzIt: `${tag}d1`, it: `${tag}i0` };
  const addr = { ot: "198.18.1.1", dmzOt: "198.18.1.2", dmzIt: "198.18.2.1", it: "198.18.2.2" };
  const inNs = (n: string, ...args: string[]) => must("ip", ["netns", "exec", n, ...args]);
  const teardown = () => {
    for (const n of Object.values(ns)) removeNamespace(n);
  };
  let egress = false;
  teardown();
  try {
    for (const n of Object.values(ns)) {
      must("ip", ["netns", "add", n]);
      inNs(n, "ip", "link", "set", "lo", "up");
      inNs(n, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
    }
    must("ip", ["link", "add", dev.ot, "netns", ns.ot, "type", "veth", "peer", "name", dev.dmzOt, "netns", ns.dmz]);
    must("ip", ["link", "add", dev.dmzIt, "netns", ns.dmz, "type", "veth", "peer", "name", dev.it, "netns", ns.it]);
    const up = (n: string, d: string, a: string) => {
      inNs(n, "sysctl", "-qw", `net.ipv6.conf.${d}.disable_ipv6=1`);
      inNs(n, "ip", "addr", "add", `${a}/24`, "dev", d);
      inNs(n, "ip", "link", "set", d, "up");
    };
    // The dmz side of the diode segment answers no ARP: ot knows its MAC statically.
    inNs(ns.dmz, "ip", "link", "set", dev.dmzOt, "arp", "off");
    up(ns.ot, dev.ot, addr.ot);
    up(ns.dmz, dev.dmzOt, addr.dmzOt);
    up(ns.dmz, dev.dmzIt, addr.dmzIt);
    up(ns.it, dev.it, addr.it);
    const dmzMac = inNs(ns.dmz, "cat", `/sys/class/net/${dev.dmzOt}/address`).trim();
    inNs(ns.ot, "ip", "neigh", "replace", addr.dmzOt, "lladdr", dmzMac, "dev", dev.ot, "nud", "permanent");
    // Guards: dmz may send nothing toward ot; ot accepts nothing from dmz. Loss and cut rules live in dmz input.
    // The ICMP rule only counts (no verdict): a UDP datagram that meets a closed port (receiver restarting)
    // makes the dmz kernel answer "port unreachable"; the next rule drops it with everything else.
    must("ip", ["netns", "exec", ns.dmz, "nft", "-f", "-"], `
table inet guard {
  counter to_ot {}
  counter to_ot_icmp {}
  counter udp_from_ot {}
  counter loss_drops {}
  counter cut_drops {}
  chain output {
    type filter hook output priority 0; policy accept;
    oifname "${dev.dmzOt}" icmp type destination-unreachable counter name to_ot_icmp;
    oifname "${dev.dmzOt}" counter name to_ot drop;
    ip daddr 198.18.1.0/24 counter name to_ot drop;
  }
  chain cut { }
  chain lossy { }
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "${dev.dmzOt}" meta l4proto udp counter name udp_from_ot;
    iifname "${dev.dmzOt}" jump cut;
    iifname "${dev.dmzOt}" jump lossy;
  }
}`);
    must("ip", ["netns", "exec", ns.ot, "nft", "-f", "-"], `
table inet guard {
  counter from_dmz {}
  chain input { type filter hook input priority 0; policy accept; iifname "${dev.ot}" counter name from_dmz drop; }
}
table netdev wire {
  counter frames_in {}
  chain ingress { type filter hook ingress device "${dev.ot}" priority 0; policy accept; counter name frames_in drop; }
}`);
    // Layer 2 on the dmz end too: count (only, so the capture on the ot end stays an independent
    // witness) every frame put on the wire toward ot, ARP included. The netdev egress hook needs
    // Linux 5.16+; without it the inet output guard above still drops and counts.
    egress = sh("ip", ["netns", "exec", ns.dmz, "nft", "-f", "-"], `
table netdev wire {
  counter frames_out {}
  chain egress { type filter hook egress device "${dev.dmzOt}" priority 0; policy accept; counter name frames_out; }
}`).status === 0;
  } catch (e) {
    teardown();
    throw e;
  }
  const mac = {
    ot: inNs(ns.ot, "cat", `/sys/class/net/${dev.ot}/address`).trim(),
    dmzOt: inNs(ns.dmz, "cat", `/sys/class/net/${dev.dmzOt}/address`).trim(),
  };
  return {
    ns, addr, dev, mac,
    exec: (n, cmd, args) => sh("ip", ["netns", "exec", n, cmd, ...args]),
    spawn: (n, cmd, args, opts = {}) => spawn("ip", ["netns", "exec", n, cmd, ...args], { stdio: ["ignore", "pipe", "pipe"], ...opts }),
    framesDmzToOt: () => counter(ns.ot, "netdev", "wire", "frames_in"),
    guardDropsDmz: () => counter(ns.dmz, "inet", "guard", "to_ot"),
    guardDropsOt: () => counter(ns.ot, "inet", "guard", "from_dmz"),
    setLoss: (percent) => {
      if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new Error(`loss must be an integer percent, got ${percent}`);
      must("ip", ["netns", "exec", ns.dmz, "nft", "flush", "chain", "inet", "guard", "lossy"]);
      if (percent > 0) must("ip", ["netns", "exec", ns.dmz, "nft", "add", "rule", "inet", "guard", "lossy", "meta", "l4proto", "udp", "numgen", "random", "mod", "100", "<", String(percent), "counter", "name", "loss_drops", "drop"]);
    },
    setCut: (cut) => {
      must("ip", ["netns", "exec", ns.dmz, "nft", "flush", "chain", "inet", "guard", "cut"]);
      if (cut) must("ip", ["netns", "exec", ns.dmz, "nft", "add", "rule", "inet", "guard", "cut", "counter", "name", "cut_drops", "drop"]);
    },
    counters: () => ({
      wireDmzToOt: counter(ns.ot, "netdev", "wire", "frames_in"),
      wireDmzOut: egress ? counter(ns.dmz, "netdev", "wire", "frames_out") : -1,
      otGuardDrops: counter(ns.ot, "inet", "guard", "from_dmz"),
      dmzGuardDrops: counter(ns.dmz, "inet", "guard", "to_ot"),
      dmzGuardIcmp: counter(ns.dmz, "inet", "guard", "to_ot_icmp"),
      udpFromOt: counter(ns.dmz, "inet", "guard", "udp_from_ot"),
      lossDrops: counter(ns.dmz, "inet", "guard", "loss_drops"),
      cutDrops: counter(ns.dmz, "inet", "guard", "cut_drops"),
    }),
    teardown,
  };
}
