import t from "tap";
import { ReplayWindow } from "../../../src/link/transport/replay.js";
import { KEY_B, drain, frameBytes, outbox, receiver } from "../../fixtures/link-transport.js";

void t.test("replay window: duplicates, the edge, jumps", async (t) => {
  const w = new ReplayWindow(1024);
  t.ok(w.check(5));
  w.mark(5);
  t.notOk(w.check(5), "duplicate");
  t.ok(w.check(4), "older but unseen, inside the window");
  w.mark(2000);
  t.ok(w.check(2000 - 1023), "oldest sequence inside the window");
  t.notOk(w.check(2000 - 1024), "just outside the window");
  t.notOk(w.check(5), "far too old");
  w.mark(2000 - 1023);
  t.notOk(w.check(2000 - 1023));
  w.mark(2001);
  t.notOk(w.check(2001 - 1024), "window slid by one");
  t.ok(w.check(1999), "unseen inside");
  w.mark(1_000_000);
  t.ok(w.check(1_000_000 - 1), "a jump clears the bitmap");
  t.notOk(w.check(1_000_000));
  t.equal(w.highest, 1_000_000);
});

void t.test("duplicated datagrams are rejected as replay", async (t) => {
  const o = outbox({ repair: 0 });
  o.push(frameBytes(1, 50));
  o.push(frameBytes(2, 50));
  const ds = drain(o);
  const c = receiver();
  for (const d of [...ds, ...ds, ds[0]!]) c.rx.handle(d, 1);
  t.equal(c.frames.length, 2);
  t.equal(c.rejected.replay, 3);
});

void t.test("a datagram older than the window is a replay even if never seen", async (t) => {
  const o = outbox({ repair: 0 });
  for (let i = 0; i < 1100; i++) o.push(frameBytes(i, 20));
  const ds = drain(o);
  const c = receiver();
  c.rx.handle(ds[1099]!, 1);
  c.rx.handle(ds[1099 - 1023]!, 1);
  t.equal(c.rejects.length, 0, "oldest in the window accepted");
  c.rx.handle(ds[1099 - 1024]!, 1);
  t.same(c.rejects, ["replay"]);
});

void t.test("sessions: restart supersedes, old session refused, forgeries change nothing", async (t) => {
  const c = receiver();
  const old = outbox({ hi: 1_700_000_000, lo: 1, repair: 0 });
  old.push(frameBytes(1, 40));
  old.push(frameBytes(2, 40));
  const [o1, o2] = drain(old);
  c.rx.handle(o1!, 1);
  t.equal(c.sessions.length, 1);

  // a forged datagram of a new session (wrong key) must not reset anything
  const forged = outbox({ hi: 1_700_000_100, lo: 2, key: KEY_B, repair: 0 });
  forged.push(frameBytes(9, 40));
  const f = drain(forged)[0]!;
  f.writeUInt32BE(c.frames[0]!.meta.keyId, 2);
  c.rx.handle(f, 2);
  t.equal(c.rejected.auth, 1);
  t.equal(c.sessions.length, 1, "still the first session");
  c.rx.handle(o2!, 3);
  t.equal(c.frames.length, 2, "old session still current after the forgery");

  // the reader restarts: a newer session authenticates and takes over
  const next = outbox({ hi: 1_700_000_100, lo: 3, repair: 0 });
  next.push(frameBytes(3, 40));
  next.push(frameBytes(4, 40));
  const [n1, n2] = drain(next);
  c.rx.handle(n1!, 4);
  t.equal(c.sessions.length, 2);
  t.equal(c.rx.sessionId, (1_700_000_100n << 32n) | 3n);

  // replaying the old session now fails, whatever its sequence numbers
  c.rx.handle(o1!, 5);
  c.rx.handle(o2!, 5);
  t.equal(c.rejected.session, 2);

  // an even older recorded session, never seen by this receiver, is refused too
  const ancient = outbox({ hi: 1_600_000_000, lo: 7, repair: 0 });
  ancient.push(frameBytes(5, 40));
  c.rx.handle(drain(ancient)[0]!, 6);
  t.equal(c.rejected.session, 3);

  // a session started in the same second but retired stays retired
  const sameSecond = outbox({ hi: 1_700_000_100, lo: 4, repair: 0 });
  sameSecond.push(frameBytes(6, 40));
  c.rx.handle(drain(sameSecond)[0]!, 7);
  t.equal(c.sessions.length, 3, "a second restart within the same second is accepted");
  c.rx.handle(n2!, 8);
  t.equal(c.rejected.session, 4, "and the one it replaced is retired");
  t.equal(c.frames.length, 4);
});
