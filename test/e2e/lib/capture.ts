/**
 * A tcpdump capture on the ot end of the ot-dmz veth, counted by direction:
 *
 *   tcpdump -i OT_DEV -w FILE (in ot) ──stop (SIGINT)──▶ pcap ──source MAC──▶ otToDmz | dmzToOt | other
 *
 * Classified by the Ethernet source address, so ARP, IPv6 and anything else the
 * dmz end might emit counts as well as IP. tcpdump's own "dropped by kernel"
 * figure is returned too: a capture that dropped packets proves nothing.
 */
import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import type { Topology } from "./netns.js";

export interface CaptureResult {
  file: string;
  otToDmz: number;
  dmzToOt: number;
  /** frames whose source MAC is neither end (there should be none) */
  other: number;
  total: number;
  /** tcpdump's "packets dropped by kernel" (must be 0 for the counts to mean anything) */
  kernelDrops: number;
}

export interface Capture {
  /** counts so far (the file as written up to now) */
  peek(): Omit<CaptureResult, "kernelDrops" | "file">;
  stop(): Promise<CaptureResult>;
  /** kill tcpdump without reading anything (teardown) */
  kill(): void;
}

const mac = (b: Buffer, at: number) => [...b.subarray(at, at + 6)].map((x) => x.toString(16).padStart(2, "0")).join(":");

/** Count the frames of a pcap file (Ethernet link type) by source MAC. */
export function countPcap(file: string, macs: { ot: string; dmzOt: string }): Omit<CaptureResult, "kernelDrops" | "file"> {
  const b = readFileSync(file);
  if (b.length < 24) throw new Error(`${file}: not a pcap file (${b.length} bytes)`);
  const magic = b.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!le && b.readUInt32BE(0) !== 0xa1b2c3d4 && b.readUInt32BE(0) !== 0xa1b23c4d) throw new Error(`${file}: bad pcap magic`);
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  if (u32(20) !== 1) throw new Error(`${file}: link type ${u32(20)}, expected Ethernet (1)`);
  const out = { otToDmz: 0, dmzToOt: 0, other: 0, total: 0 };
  // A record torn by the stop signal at the very end is ignored.
  for (let at = 24; at + 16 <= b.length;) {
    const incl = u32(at + 8);
    if (at + 16 + incl > b.length) break;
    const src = incl >= 12 ? mac(b, at + 16 + 6) : "";
    if (src === macs.ot) out.otToDmz++;
    else if (src === macs.dmzOt) out.dmzToOt++;
    else out.other++;
    out.total++;
    at += 16 + incl;
  }
  return out;
}

/** Start tcpdump in ot on the ot-dmz veth; resolves once it is capturing. */
export async function startCapture(topo: Topology, file: string): Promise<Capture> {
  // --immediate-mode: no kernel block buffering (a stop would discard the last block); -U: write each
  // packet at once; -s 128: headers are enough; -Z root: write the file as root.
  const p: ChildProcess = topo.spawn(topo.ns.ot, "tcpdump", ["-i", topo.dev.ot, "--immediate-mode", "-nn", "-U", "-s", "128", "-Z", "root", "-w", file]);
  let err = "";
  p.stdout?.resume();
  const exited = new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tcpdump did not start: ${err}`)), 15_000);
    p.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      if (/listening on/.test(err)) { clearTimeout(timer); resolve(); }
    });
    p.once("exit", (code) => { clearTimeout(timer); reject(new Error(`tcpdump exited (${code}): ${err}`)); });
  });
  return {
    peek: () => countPcap(file, topo.mac),
    async stop() {
      p.kill("SIGINT");
      const code = await exited;
      if (code !== 0) throw new Error(`tcpdump exited with ${code}: ${err}`);
      const kernelDrops = Number(/(\d+) packets? dropped by kernel/.exec(err)?.[1] ?? Number.NaN);
      return { file, kernelDrops, ...countPcap(file, topo.mac) };
    },
    kill() {
      if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
    },
  };
}
