/**
 * A three-host test network in Linux network namespaces (needs root):
 *
 *   [ot] 198.18.1.1 ──veth── 198.18.1.2 [dmz] 198.18.2.1 ──veth── 198.18.2.2 [it]
 *
 * The ot–dmz segment is made one-way as a diode deployment would be: no ARP on
 * the dmz side (ot has a permanent neighbour entry instead), IPv6 off (no
 * router solicitations or MLD reports), and nftables in both namespaces that
 * count and drop anything going the wrong way. A netdev ingress counter on the
 * ot side counts every frame (ARP included) that arrives from the dmz, and a
 * tcpdump capture on the same link counts packets by direction.
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
  /** cut (true) or restore (false) everything from ot to dmz */
  setCut(cut: boolean): void;
  teardown(): void;
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

export function createTopology(): Topology {
  const tag = `sl${process.pid % 100000}`;
  const ns = { ot: `${tag}ot`, dmz: `${tag}dmz`, it: `${tag}it` };
  const dev = { ot: `${tag}o0`, dmzOt: `${tag}d0`, dmzIt: `${tag}d1`, it: `${tag}i0` };
  const addr = { ot: "198.18.1.1", dmzOt: "198.18.1.2", dmzIt: "198.18.2.1", it: "198.18.2.2" };
  const inNs = (n: string, ...args: string[]) => must("ip", ["netns", "exec", n, ...args]);
  const teardown = () => {
    for (const n of Object.values(ns)) sh("ip", ["netns", "del", n]);
  };
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
    must("ip", ["netns", "exec", ns.dmz, "nft", "-f", "-"], `
table inet guard {
  counter to_ot {}
  chain output { type filter hook output priority 0; policy accept; oifname "${dev.dmzOt}" counter name to_ot drop; ip daddr 198.18.1.0/24 counter name to_ot drop; }
  chain lossy { }
  chain input { type filter hook input priority 0; policy accept; iifname "${dev.dmzOt}" jump lossy; }
}`);
    must("ip", ["netns", "exec", ns.ot, "nft", "-f", "-"], `
table inet guard {
  counter from_dmz {}
  chain input { type filter hook input priority 0; policy accept; iifname "${dev.ot}" ip saddr != 198.18.1.1 counter name from_dmz drop; }
}
table netdev wire {
  counter frames_in {}
  chain ingress { type filter hook ingress device "${dev.ot}" priority 0; policy accept; counter name frames_in; }
}`);
  } catch (e) {
    teardown();
    throw e;
  }
  return {
    ns, addr, dev,
    exec: (n, cmd, args) => sh("ip", ["netns", "exec", n, cmd, ...args]),
    spawn: (n, cmd, args, opts = {}) => spawn("ip", ["netns", "exec", n, cmd, ...args], { stdio: ["ignore", "pipe", "pipe"], ...opts }),
    framesDmzToOt: () => counter(ns.ot, "netdev", "wire", "frames_in"),
    guardDropsDmz: () => counter(ns.dmz, "inet", "guard", "to_ot"),
    guardDropsOt: () => counter(ns.ot, "inet", "guard", "from_dmz"),
    setLoss: (percent) => {
      must("ip", ["netns", "exec", ns.dmz, "nft", "flush", "chain", "inet", "guard", "lossy"]);
      if (percent > 0) must("ip", ["netns", "exec", ns.dmz, "nft", "add", "rule", "inet", "guard", "lossy", "meta", "l4proto", "udp", "numgen", "random", "mod", "100", "<", String(percent), "drop"]);
    },
    setCut: (cut) => {
      must("ip", ["netns", "exec", ns.dmz, "nft", "flush", "chain", "inet", "guard", "lossy"]);
      if (cut) must("ip", ["netns", "exec", ns.dmz, "nft", "add", "rule", "inet", "guard", "lossy", "drop"]);
    },
    teardown,
  };
}
