/**
 * A small catalogue change is patched (catalog-patch.ts), not applied by a full pass;
 * the result must be exactly the full pass's: same records, aliases, denied tags and
 * "catalog" events. Two stores get the same random sequence of catalogues: one gate
 * offers decide() (patches), the other does not (full pass every time).
 */
import t from "tap";
import type { TagDef, TagType } from "../../../src/core/model.js";
import type { TagState } from "../../../src/receiver/store-api.js";
import { FakeGate, makeStore } from "./fakes.js";

class DecidingGate extends FakeGate {
  fullPasses = 0;
  override filterCatalog<T extends { path: string; type: TagType }>(tags: T[]) {
    this.fullPasses++;
    return super.filterCatalog(tags);
  }
  decide(path: string): { allowed: boolean } {
    return { allowed: !this.deny.test(path) };
  }
}

let seed = 7;
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const TYPES: TagType[] = ["float64", "int32", "bool", "string"];

function mutate(prev: TagDef[]): TagDef[] {
  const next = prev.map((d) => d); // unchanged entries stay the same objects, as the replica hands them over
  const n = 1 + rnd(3);
  for (let k = 0; k < n; k++) {
    const i = rnd(next.length);
    const d = next[i] as TagDef;
    switch (rnd(7)) {
      case 0: next[i] = { ...d, description: `d${rnd(1000)}` }; break;
      case 1: next[i] = { ...d, type: TYPES[rnd(TYPES.length)] as TagType }; break;
      case 2: next[i] = { ...d, path: `s${rnd(4)}/n${rnd(100000)}${rnd(5) === 0 ? "secret" : ""}` }; break;
      case 3: next.push({ alias: next.length, path: `new/t${rnd(100000)}`, type: "float64" }); break;
      case 4: if (next.length > 10) next.pop(); break;
      case 5: next[i] = { ...d }; break; // same content, another object
      default: { // two tags swap paths
        const j = rnd(next.length);
        const e = next[j] as TagDef;
        if (i !== j) { next[i] = { ...d, path: e.path }; next[j] = { ...e, path: d.path }; }
      }
    }
  }
  const seen = new Set<string>();
  return next.map((d, alias) => {
    // keep paths unique (as a validated catalogue is)
    const path = seen.has(d.path) ? `${d.path}x${alias}` : d.path;
    seen.add(path);
    return d.path === path ? d : { ...d, path };
  });
}

function snapshot(all: Iterable<TagState>) {
  return [...all].map((s) => `${s.def.path} ${JSON.stringify(s.def)} ${String(s.value)} ${s.status}`).sort();
}

void t.test("patched catalogue changes equal the full pass", async (t) => {
  const gate = new DecidingGate();
  const a = makeStore({ gate });
  const b = makeStore();
  const events = { a: [] as string[], b: [] as string[] };
  const log = (into: string[]) => (added: TagState[], removed: string[], changed: TagState[]) =>
    into.push(JSON.stringify([added.map((s) => s.def.path).sort(), [...removed].sort(), changed.map((s) => s.def.path).sort()]));
  a.store.on("catalog", log(events.a));
  b.store.on("catalog", log(events.b));
  let cat: TagDef[] = Array.from({ length: 200 }, (_, alias) => ({ alias, path: `s${alias % 4}/t${alias}${alias % 17 === 0 ? "secret" : ""}`, type: "float64" }));
  for (let round = 0; round < 300; round++) {
    for (const s of [a, b]) {
      s.link.emit("catalog", cat);
      // values for some aliases (others keep theirs) and for a few past the end (unknown or denied):
      // they land on the record each alias maps to, or are dropped by reason
      const picks = Array.from({ length: cat.length + 8 }, (_, alias) => alias).filter((alias) => (alias * 31 + round) % 3 === 0);
      const value = (alias: number) => {
        const d = cat[alias];
        return d?.type === "bool" ? true : d?.type === "string" ? `v${alias}` : alias;
      };
      s.link.emit("samples", picks.map((alias) => ({ alias, value: value(alias), status: 0, sourceTime: 1_700_000_000_000 + round })), { kind: "delta", frameTime: 0, meta: { sessionId: 1n, seq: 0n, keyId: 1, receivedAt: 0 } });
    }
    t.same(snapshot(a.store.all()), snapshot(b.store.all()), `round ${round}: same records`);
    t.same(a.store.drops(), b.store.drops(), `round ${round}: same drops`);
    cat = mutate(cat);
  }
  t.same(events.a, events.b, "the same catalog events");
  t.ok(events.a.length > 100, "catalogue changes were applied");
  t.ok(gate.fullPasses < 30, `small changes were patched, not passed in full (${gate.fullPasses} full passes of 300)`);
  a.store.close();
  b.store.close();
});

void t.test("a policy reload re-runs the full pass", async (t) => {
  const gate = new DecidingGate();
  const { store, link } = makeStore({ gate });
  link.emit("catalog", [{ alias: 0, path: "a/x", type: "float64" }, { alias: 1, path: "a/y", type: "float64" }]);
  t.equal(store.size, 2);
  gate.deny = /y/;
  store.reapplyPolicy();
  t.equal(store.size, 1, "the newly denied tag is gone");
  t.equal(gate.fullPasses, 2);
  store.close();
});
