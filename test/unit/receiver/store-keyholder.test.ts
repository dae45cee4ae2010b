/**
 * Finding 4 (log part): a key holder changing the policy hash in every heartbeat
 * does not flood the log: at most 5 lines a minute (an operator's reloads still log at
 * once), then the state in force once the minute has passed, with the number of changes.
 */
import t from "tap";
import { memoryLogger } from "../../fixtures/ua-client.js";
import { health, makeStore } from "./fakes.js";

void t.test("a policy hash changing per heartbeat logs at most 5 lines a minute", async (t) => {
  const { logger, lines } = memoryLogger();
  const { link, clock, store } = makeStore({ logger });
  const policyLines = () => lines.filter((l) => l.includes("crossing policy"));
  for (let i = 0; i < 10_000; i++) {
    clock.t += 5; // 10,000 heartbeats in 50 s, each with another hash
    link.health(health(`hash-${i}`), clock.t);
  }
  t.equal(policyLines().length, 5, "5 lines for 10,000 changes within a minute");
  t.equal(store.link().policy.remote, "hash-9999", "the state itself follows every heartbeat");
  clock.t += 60_000;
  link.health(health("hash-final"), clock.t);
  t.equal(policyLines().length, 6, "the next change after a minute is logged");
  t.match(JSON.parse(policyLines()[5]!), { reader: "hash-final", changes: 9996 }, "with the number of changes since the last line");
  link.health(health("hash-final"), clock.t + 1);
  t.equal(policyLines().length, 6, "no change, no line");
});
