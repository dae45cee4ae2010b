/**
 * Work around a serialport bug that Node >= 26.4 exposes: @serialport/bindings-cpp
 * 13 delivers its poller's "readable" event from native code without
 * MakeCallback, so the read that awaits it (a promise continuation) runs only
 * at the next unrelated event-loop turn. On a Modbus line that is the next
 * request, or never: every reply after the first arrives late or times out.
 * (Upstream: serialport/bindings-cpp pull request 239, "deliver poller events
 * with MakeCallback"; the trigger is nodejs/node pull request 62969.)
 *
 * The cure is to give the event loop a turn right after each poller event:
 * an empty setImmediate, after which Node drains the microtask queue and the
 * read goes on at once. Harmless on Node versions without the bug; a no-op
 * when the binding has no poller (other platforms, mock bindings).
 */
import type { SerialPort } from "serialport";

interface PollerLike { emit(event: string, ...args: unknown[]): boolean }

export function drainAfterPoll(port: SerialPort): void {
  const poller = (port.port as { poller?: PollerLike } | undefined)?.poller;
  if (!poller || typeof poller.emit !== "function") return;
  const emit = poller.emit.bind(poller);
  poller.emit = (event, ...args) => {
    const handled = emit(event, ...args);
    setImmediate(() => undefined);
    return handled;
  };
}
