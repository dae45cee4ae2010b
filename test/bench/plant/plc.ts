/**
 * One simulated Modbus PLC of the plant bench, in its own process (forked by
 * plant.ts): the project's Modbus simulator with `size` extra holding registers at
 * BASE.. that change every `tickMs`. Register i changes at tick k when
 * (i * 7919 + k) mod 100 < changePct, and then holds k (mod 65536), so a client can
 * tell which tick a value came from.
 *
 *   parent ──fork(size, tickMs, changePct)──▶ this ──{port}──▶ parent
 *                                                 ──{tick, changed, t}── every tick
 *   parent ──"stop"──▶ this stops changing ──{final: number[]}──▶ parent
 *
 * After "stop" it keeps answering polls (until the parent ends it), so the reader
 * still reads the final registers: a PLC that closed its server at once would
 * leave the last tick unread whenever the stop fell between that tick and the
 * reader's next poll, and the client would hold the previous tick's values.
 */
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { BASE } from "./proc.js";

const [sizeArg, tickArg, pctArg] = process.argv.slice(2);
const size = Number(sizeArg);
const tickMs = Number(tickArg);
const changePct = Number(pctArg);

let pollAt = 0; // when the reader last read BASE (the start of its poll)
const sim = await startModbusSim({ size: BASE + size, tickMs: 60_000, onHoldingRead: (addr) => { if (addr === BASE) pollAt = Date.now(); } });
const regs = sim.holding;
process.send?.({ port: sim.port });

let k = 0;
let timer: NodeJS.Timeout | null = null;
const tick = (): void => {
  k++;
  let changed = 0;
  const v = k & 0xffff;
  for (let i = 0; i < size; i++) {
    if ((i * 7919 + k) % 100 < changePct) {
      regs[BASE + i] = v;
      changed++;
    }
  }
  process.send?.({ tick: k, changed, t: Date.now() });
};
// the next tick: half an interval after the last poll's start, or the next wall-clock multiple before any poll
const arm = (): void => {
  const now = Date.now();
  let at = pollAt > 0 ? pollAt + tickMs / 2 : now + tickMs - (now % tickMs);
  while (at <= now + tickMs / 4) at += tickMs; // never two ticks within a quarter interval
  timer = setTimeout(() => { tick(); arm(); }, at - now);
};
arm();

process.on("message", (m: unknown) => {
  if (m !== "stop") return;
  if (timer) clearTimeout(timer);
  timer = null;
  process.send?.({ final: Array.from(regs.subarray(BASE, BASE + size)) });
});
process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
