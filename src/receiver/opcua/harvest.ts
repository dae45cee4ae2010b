/**
 * Publishing that costs what changed, not what is monitored.
 *
 * node-opcua 2.182.2 (pinned: later releases need Node 22) collects a subscription's
 * notifications by walking every one of its monitored items at each publishing
 * interval, and answers "has any item something queued?" with another walk; each
 * collecting walk also hands every item a new empty queue. With one client subscribed
 * to 100,000 tags at 1 s publishing, of which 10,000 change per second, those walks
 * were 12 % of the receiver's time (plant bench, scenario a, --cpu-prof).
 *
 *   item queues a notification ──▶ subscription's "queued" set (its items that may hold one)
 *   publishing interval ──▶ has any? / collect: only the items in the set
 *
 * The set is a superset of the items holding a notification: an item enters it when it
 * queues one (MonitoredItem._enqueue_notification) or is triggered (trigger(), the
 * SetTriggering path), and leaves it only when seen holding nothing. A client receives
 * the same notifications, each item's in the same order; only the order of different
 * items inside one message may change, which the specification leaves open.
 *
 * Process-wide and once: it replaces prototype functions, so it is applied only to the
 * node-opcua release it was written against and whose functions it finds; otherwise
 * node-opcua is left as it is and the caller is told why.
 */
import { MonitoredItem, Subscription } from "node-opcua";
import { notPinned } from "./pinned.js";

/** The node-opcua release whose subscription internals this was written against. */
export const HARVEST_FOR = "2.182.2";

/** The parts of node-opcua's MonitoredItem used here (internal, not in its typings). */
interface Item {
  monitoredItemId: number;
  $subscription?: Sub;
  readonly hasMonitoredItemNotifications: boolean;
  extractMonitoredItemNotifications(): unknown[];
  _enqueue_notification(n: unknown): void;
  trigger(): void;
}

/** The parts of node-opcua's Subscription used here. */
interface Sub {
  monitoredItems: Map<number, Item>;
  _hasUncollectedMonitoredItemNotifications: boolean;
  _addNotificationMessage(chunk: unknown, monitoredItemId: number): void;
  _harvestMonitoredItems(): void;
  [QUEUED]?: Set<Item>;
}

const QUEUED = Symbol("sluice.queued");

let state: { applied: true } | { applied: false; why: string } | null = null;

function queued(sub: Sub): Set<Item> {
  return (sub[QUEUED] ??= new Set());
}

/** The item still belongs to this subscription (not deleted, not disposed). */
function member(sub: Sub, it: Item): boolean {
  return sub.monitoredItems.get(it.monitoredItemId) === it;
}

function mark(it: Item): void {
  const sub = it.$subscription;
  if (sub) queued(sub).add(it);
}

/** Why the change cannot be applied to the node-opcua loaded here, or null when it can. */
function refusal(): string | null {
  const off = notPinned("node-opcua-server", HARVEST_FOR);
  if (off !== null) return off;
  const item = MonitoredItem.prototype as unknown as Partial<Item>;
  const sub = Subscription.prototype as unknown as Partial<Sub>;
  const getter = Object.getOwnPropertyDescriptor(Subscription.prototype, "hasUncollectedMonitoredItemNotifications");
  if (typeof item._enqueue_notification !== "function" || typeof item.trigger !== "function"
    || typeof sub._harvestMonitoredItems !== "function" || typeof sub._addNotificationMessage !== "function"
    || typeof getter?.get !== "function") return "node-opcua's subscription functions are not where they were";
  return null;
}

/**
 * Make subscriptions collect only the items that queued something. Idempotent;
 * returns whether it is in effect, and why not.
 */
export function harvestQueuedOnly(): { applied: true } | { applied: false; why: string } {
  if (state) return state;
  const why = refusal();
  if (why !== null) return (state = { applied: false, why });

  const item = MonitoredItem.prototype as unknown as Item;
  const enqueue = item._enqueue_notification;
  item._enqueue_notification = function (this: Item, n: unknown): void {
    enqueue.call(this, n);
    mark(this);
  };
  const trigger = item.trigger;
  item.trigger = function (this: Item): void {
    trigger.call(this);
    // node-opcua fills the triggered notifications in a setImmediate; this one runs after it
    setImmediate(() => mark(this));
  };

  Object.defineProperty(Subscription.prototype, "hasUncollectedMonitoredItemNotifications", {
    configurable: true,
    get(this: Sub): boolean {
      if (this._hasUncollectedMonitoredItemNotifications) return true;
      const set = queued(this);
      for (const it of set) {
        if (member(this, it) && it.hasMonitoredItemNotifications) {
          this._hasUncollectedMonitoredItemNotifications = true;
          return true;
        }
        set.delete(it);
      }
      return false;
    },
  });

  const sub = Subscription.prototype as unknown as Sub;
  sub._harvestMonitoredItems = function (this: Sub): void {
    const set = queued(this);
    for (const it of set) {
      if (member(this, it)) {
        for (const chunk of it.extractMonitoredItemNotifications()) this._addNotificationMessage(chunk, it.monitoredItemId);
        // a sampling item keeps what it queued until triggered or switched to reporting: it stays
        if (it.hasMonitoredItemNotifications) continue;
      }
      set.delete(it);
    }
    this._hasUncollectedMonitoredItemNotifications = false;
  };
  return (state = { applied: true });
}
