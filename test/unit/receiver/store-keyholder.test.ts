/**
 * Finding 4 (log part): a key holder changing the policy hash in every heartbeat
 * does not flood the log: at most one line a minute, with the number of changes,
 * and the state in force is logged once the minute has passed.
 */
import t from "tap";
import { memoryLogger } from "../../fixtures/ua-client.js";
import { health, makeStore } from "./fakes.js";

void t.test("a policy hash changing per heartbeat logs at most once a minute", async (t) => {
  const { logger, lines } = memoryLogger();
  const { link, clock, store } = makeStore({ logger });
  const policyLines = () => lines.filter((l) => l.includes("crossing policy"));
  for (let i = 0; i < 10_000; i++) {
    clock.t += 5; // 10,000 heartbeats in 50 s, each with another hash
    link.health(health(`hash-${i}`), clock.t);
  }
  t.equal(policyLines().length, 1, "one line for 10,000 changes within a minute");
  t.equal(store.link().policy.remote, "hash-9999", "the state itself follows every heartbeat");
  clock.t += 60_000;
  link.health(health("hash-final"), clock.t);
  t.equal(policyLines().length, 2, "the next change after a minute is logged");
  t.match(JSON.parse(policyLines()[1]!), { reader: "hash-final", changes: 10_000 }, "with the number of changes since the last line");
  link.health(health("hash-final"), clock.t + 1);
  t.equal(policyLines().length, 2, "no change, no line");
});
