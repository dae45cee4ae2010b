// Preloaded into the reader and receiver by the plant bench (NODE_OPTIONS=--import):
// appends "unixMs p99Ms maxMs" of the event-loop delay every second to $SLUICE_BENCH_ELD.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setInterval } from "node:timers";

const file = process.env.SLUICE_BENCH_ELD;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  setInterval(() => {
    appendFileSync(file, `${Date.now()} ${(h.percentile(99) / 1e6).toFixed(1)} ${(h.max / 1e6).toFixed(1)}\n`);
    h.reset();
  }, 1000).unref();
}
