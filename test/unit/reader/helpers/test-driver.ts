/**
 * A tiny in-test device and driver that implement the driver contract, for
 * scheduler tests only (real drivers are tested against real simulators).
 * Addresses are plain register names; reads take `readMs` of fake time.
 */
import { SluiceError } from "../../../../src/core/errors.js";
import type { Driver, DriverFactory, DriverSource, Point, PointResult, ReadPlan } from "../../../../src/drivers/contract.js";
import { Status } from "../../../../src/core/status.js";
import type { FakeClock } from "./fake-clock.js";

export type Failure = "none" | "timeout" | "disconnect" | "hang";

export class TestDevice {
  up = true;
  /** how the next reads fail while the device is up */
  failReads: Failure = "none";
  /** how many of the next reads fail (Infinity: all) */
  failCount = Infinity;
  readMs = 0;
  values = new Map<string, number>();
  /** addresses the device refuses at plan time */
  unplannable = new Set<string>();
  /** addresses answered with a point-level Bad status */
  badPoints = new Set<string>();
  reads: { at: number; points: number }[] = [];
  connects: number[] = [];
  created = 0;
  destroyed = 0;
  inFlight = 0;
  maxInFlight = 0;
  hangConnect = false;
  constructor(readonly clock: FakeClock) {}
}

class TestDriver implements Driver {
  readonly protocol = "modbus" as const;
  private connected = false;
  private dead = false;
  constructor(private readonly dev: TestDevice) {}

  connect(): Promise<void> {
    const dev = this.dev;
    dev.connects.push(dev.clock.now());
    if (dev.hangConnect) return new Promise(() => undefined);
    if (this.dead || !dev.up) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", "connect ECONNREFUSED"));
    this.connected = true;
    return Promise.resolve();
  }

  plan(points: readonly Point[]): ReadPlan {
    for (const p of points) if (this.dev.unplannable.has(String(p.address))) throw new SluiceError("SLUICE_ERR_ADDRESS", `no such register ${String(p.address)}`);
    return { points, requests: 1 };
  }

  read(plan: ReadPlan): Promise<PointResult[]> {
    const dev = this.dev;
    dev.reads.push({ at: dev.clock.now(), points: plan.points.length });
    if (!this.connected || !dev.up) {
      this.connected = false;
      return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", "socket closed"));
    }
    let fail: Failure = "none";
    if (dev.failReads !== "none" && dev.failCount > 0) {
      fail = dev.failReads;
      dev.failCount--;
    }
    if (fail === "hang") return new Promise(() => undefined);
    dev.inFlight++;
    dev.maxInFlight = Math.max(dev.maxInFlight, dev.inFlight);
    return new Promise((resolve, reject) => {
      const done = () => {
        dev.inFlight--;
        if (fail === "timeout") return reject(new SluiceError("SLUICE_ERR_TIMEOUT", "no answer in 1000ms"));
        if (fail === "disconnect" || !dev.up) { this.connected = false; return reject(new SluiceError("SLUICE_ERR_DISCONNECTED", "socket closed")); }
        resolve(plan.points.map((p) => {
          const a = String(p.address);
          if (dev.badPoints.has(a)) return { value: null, status: Status.BadNodeIdUnknown, sourceTime: dev.clock.now() };
          return { value: dev.values.get(a) ?? 0, status: Status.Good, sourceTime: dev.clock.now() };
        }));
      };
      if (dev.readMs > 0) dev.clock.setTimeout(done, dev.readMs);
      else queueMicrotask(done);
    });
  }

  close(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  destroy(): void {
    if (!this.dead) this.dev.destroyed++;
    this.dead = true;
    this.connected = false;
  }
}

export function testFactory(devices: Record<string, TestDevice>): DriverFactory {
  return {
    protocol: "modbus",
    parseAddress: (address: string) => ({ address, type: undefined }),
    create(src: DriverSource): Driver {
      const dev = devices[src.endpoint];
      if (!dev) throw new Error(`no test device at ${src.endpoint}`);
      dev.created++;
      return new TestDriver(dev);
    },
  };
}
