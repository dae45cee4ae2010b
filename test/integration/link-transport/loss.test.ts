/**
 * The FEC goal: at 5 % random loss with the default repair ratio, at least
 * 99.9 % of frames arrive, over 100,000 delta-sized frames (one datagram each).
 * Expected from the binomial model with groups of 16 + 5 repair: about 0.013 %
 * of frames lost. Runs about 10-20 s.
 */
import t from "tap";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { KEY_A } from "../../fixtures/link-transport.js";
import { LossyProxy } from "../../fixtures/lossy-proxy.js";

void t.test("5 % random loss, default repair ratio: >= 99.9 % of 100,000 frames arrive", async (t) => {
  const N = 100_000;
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  const proxy = await LossyProxy.open({ host: "127.0.0.1", port: intake.address().port }, { drop: 0.05 }, 2024);
  const sender = await TransportSender.open({ ...proxy.address(), key: KEY_A, rate: 25_000_000 }); // default fec
  t.teardown(async () => {
    await sender.close();
    await proxy.close();
    await intake.close();
  });
  let got = 0;
  let corrupt = 0;
  intake.on("frame", (p: Uint8Array) => {
    got++;
    if (p.length < 4 || p[p.length - 1] !== p[0]) corrupt++;
  });
  const t0 = performance.now();
  for (let i = 0; i < N;) {
    const size = 120 + ((i * 7919) % 600); // delta frames: 120..719 bytes, one datagram each
    const f = Buffer.alloc(size, i & 0xff);
    if (sender.send(f)) i++;
    else await new Promise((r) => setTimeout(r, 1));
  }
  const end = Date.now() + 60_000;
  while (Date.now() < end && (sender.stats().queueBytes > 0 || got + intake.stats().framesLost < N)) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 100));
  const secs = (performance.now() - t0) / 1000;
  const st = intake.stats();
  const ss = sender.stats();
  const kernelDrops = ss.datagramsSent - proxy.stats.in + (proxy.stats.out - st.datagramsReceived);
  t.comment(`${N} frames, ${ss.datagramsSent} datagrams (${((ss.datagramsSent / N - 1) * 100).toFixed(1)} % repair) in ${secs.toFixed(1)} s;`
    + ` proxy dropped ${proxy.stats.dropped} (${((proxy.stats.dropped / proxy.stats.in) * 100).toFixed(2)} %), kernel drops ${kernelDrops};`
    + ` received ${got}, recovered by FEC ${st.framesRecovered}, lost ${st.framesLost} (${((1 - got / N) * 100).toFixed(3)} %)`);
  t.equal(corrupt, 0);
  t.ok(got / N >= 0.999, `${((got / N) * 100).toFixed(3)} % arrived`);
  t.ok(st.framesRecovered > 0.04 * N, "FEC rebuilt the dropped frames");
  t.equal(got + st.framesLost, N, "every frame received or counted lost");
});
