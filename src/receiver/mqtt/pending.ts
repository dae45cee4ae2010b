/**
 * Values copied from the store's events, waiting for the broker: a FIFO of rows that
 * never blocks the store and never grows without bound.
 *
 *   push(rows) ──▶ [ taken | waiting ........ ] ──take(n)──▶ publisher
 *                        head ▲   beyond `coalesceAt`: newest value per tag wins
 *
 * A broker slower than the link (or none at all) makes the queue longer; beyond
 * maxPending it is coalesced to the newest value per tag (counted in `coalesced`), and
 * the next coalescing waits until it has doubled again, so the cost per value stays
 * constant while memory stays within twice the tag count (or maxPending). take() moves a
 * head index instead of copying the rest of the queue.
 */
import type { Row } from "./buffer.js";

export class Pending {
  private rows: Row[] = [];
  private head = 0;
  private coalesceAt: number;
  /** values replaced by a newer value of the same tag before they were published */
  coalesced = 0;

  constructor(private readonly maxPending: number) {
    this.coalesceAt = maxPending;
  }

  get size(): number {
    return this.rows.length - this.head;
  }

  push(row: Row): void {
    this.rows.push(row);
  }

  /** After a batch of push(): coalesce if the queue is over its bound. */
  bound(): void {
    if (this.size <= this.coalesceAt) return;
    const last = new Map<string, Row>();
    for (let i = this.head; i < this.rows.length; i++) last.set(this.rows[i]![0], this.rows[i]!);
    this.coalesced += this.size - last.size;
    this.rows = [...last.values()];
    this.head = 0;
    this.coalesceAt = Math.max(this.maxPending, 2 * this.rows.length);
  }

  /** The oldest `n` rows (all when n >= size), removed from the queue. */
  take(n: number): Row[] {
    if (n >= this.size) return this.takeAll();
    const out = this.rows.slice(this.head, this.head + n);
    this.head += n;
    if (this.head > 65_536 && this.head * 2 > this.rows.length) {
      this.rows = this.rows.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  takeAll(): Row[] {
    const out = this.head === 0 ? this.rows : this.rows.slice(this.head);
    this.rows = [];
    this.head = 0;
    this.coalesceAt = this.maxPending;
    return out;
  }
}
