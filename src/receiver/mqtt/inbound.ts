/**
 * What an inbound MQTT message can mean: the only two things the receiver acts on are
 * a Sparkplug rebirth request on its own NCMD topic and the primary host's STATE.
 * Anything else (an NCMD metric that would write, a DCMD, any other topic, a payload
 * that does not decode) is classified "ignored" and only counted: there is no path
 * from here to the link, and nothing here can change a value.
 */
import { REBIRTH } from "./edge.js";
import { decode, nodeTopic, stateTopic } from "./sparkplug.js";

export type Inbound =
  | { kind: "rebirth"; ignored: number }
  | { kind: "state"; online: boolean; timestamp: number }
  | { kind: "ignored"; ignored: number; what: string };

export function classify(topic: string, payload: Buffer, sp: { group: string; node: string; primaryHost?: string | undefined } | undefined): Inbound {
  if (sp?.primaryHost && topic === stateTopic(sp.primaryHost)) {
    try {
      const s = JSON.parse(payload.toString("utf8")) as { online?: unknown; timestamp?: unknown };
      if (typeof s.online === "boolean" && typeof s.timestamp === "number") return { kind: "state", online: s.online, timestamp: s.timestamp };
    } catch { /* below */ }
    return { kind: "ignored", ignored: 1, what: "malformed STATE" };
  }
  if (sp && topic === nodeTopic(sp.group, "NCMD", sp.node)) {
    let rebirth = false;
    let other = 0;
    try {
      for (const m of decode(payload).metrics) {
        if (m.name === REBIRTH && m.booleanValue === true) rebirth = true;
        else other++;
      }
    } catch {
      other++;
    }
    return rebirth ? { kind: "rebirth", ignored: other } : { kind: "ignored", ignored: Math.max(1, other), what: "NCMD write" };
  }
  return { kind: "ignored", ignored: 1, what: "unexpected topic" };
}
