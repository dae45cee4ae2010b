/**
 * Link and source health as variables under Objects/Sluice (namespace
 * urn:sluice:diagnostics, so no source name can collide with them):
 *
 *   Objects/Sluice/Link/{up, sessionId, lastFrameTime, framesReceived, framesLost,
 *                        framesRecovered, datagramsReceived, sessions, birth, policyMismatch}
 *   Objects/Sluice/Sources/SOURCE/{protocol, state, lastPollTime, pollsOk, pollsError}
 *
 * Refreshed from store.link() and store.health() on a timer (about 1 s); a
 * variable is only touched when its value changed. Source folders follow the
 * sources the reader reports.
 */
import {
  AccessLevelFlag, DataType, type Namespace, PermissionType, StatusCodes, type UAObject, type UAVariable,
  Variant, VariantArrayType, WellKnownRoles,
} from "node-opcua";
import { PATH_SEGMENT, type SourceHealth } from "../../core/model.js";
import type { TagStoreView } from "../store-api.js";
import { int64Words } from "./variant.js";

export const DIAGNOSTICS_NAMESPACE = "urn:sluice:diagnostics";
/** Bound on source folders (security invariant 5): health comes from the far side. */
const MAX_SOURCES = 1000;

type Kind = "bool" | "string" | "time" | "count";
type Primitive = boolean | string | number | null;

const TYPES: Record<Kind, DataType> = { bool: DataType.Boolean, string: DataType.String, time: DataType.DateTime, count: DataType.UInt64 };
const ROLES = [
  { roleId: WellKnownRoles.Anonymous, permissions: PermissionType.Browse | PermissionType.Read },
  { roleId: WellKnownRoles.AuthenticatedUser, permissions: PermissionType.Browse | PermissionType.Read },
];

const LINK: ReadonlyArray<[string, Kind, string]> = [
  ["up", "bool", "frames are arriving within the link timeout"],
  ["sessionId", "string", "random id of the current reader session (hex)"],
  ["lastFrameTime", "time", "when the last accepted frame arrived"],
  ["framesReceived", "count", "frames accepted"],
  ["framesLost", "count", "frames missing after forward error correction"],
  ["framesRecovered", "count", "frames rebuilt by forward error correction"],
  ["datagramsReceived", "count", "datagrams received, accepted or not"],
  ["sessions", "count", "reader (re)starts seen"],
  ["birth", "bool", "a complete tag catalogue arrived in this session"],
  ["policyMismatch", "bool", "the reader's crossing policy differs from this receiver's"],
];
const SOURCE: ReadonlyArray<[keyof SourceHealth & string, Kind, string]> = [
  ["protocol", "string", "protocol of the source"],
  ["state", "string", "connecting, up, degraded, backoff or down, as reported by the reader"],
  ["lastPollTime", "time", "last completed poll (ok or error) at the reader"],
  ["pollsOk", "count", "successful polls"],
  ["pollsError", "count", "failed polls"],
];

interface Slot {
  v: UAVariable;
  kind: Kind;
  last: Primitive | undefined;
}

function variant(kind: Kind, value: Primitive): Variant {
  if (value === null) return new Variant({ dataType: TYPES[kind], value: null });
  if (kind === "time") return new Variant({ dataType: DataType.DateTime, value: new Date(value as number) });
  if (kind === "count") {
    const words = int64Words(BigInt(Math.max(0, Math.trunc(value as number))));
    return new Variant({ dataType: DataType.UInt64, arrayType: VariantArrayType.Scalar, value: words });
  }
  return new Variant({ dataType: TYPES[kind], value });
}

export class HealthSpace {
  private readonly link = new Map<string, Slot>();
  private readonly sources = new Map<string, { folder: UAObject; slots: Map<string, Slot> }>();
  private readonly sourcesFolder: UAObject;
  private readonly root: UAObject;

  constructor(private readonly ns: Namespace, private readonly store: TagStoreView) {
    const objects = ns.addressSpace.rootFolder.objects;
    this.root = ns.addFolder(objects, { browseName: "Sluice", nodeId: "s=Sluice", description: "sluice relay health" });
    const linkFolder = ns.addFolder(this.root, { browseName: "Link", nodeId: "s=Sluice/Link", description: "the one-way link from the reader" });
    for (const [name, kind, description] of LINK) this.link.set(name, this.slot(linkFolder, `Sluice/Link/${name}`, name, kind, description));
    this.sourcesFolder = ns.addFolder(this.root, { browseName: "Sources", nodeId: "s=Sluice/Sources", description: "sources as reported by the reader" });
  }

  private slot(parent: UAObject, id: string, name: string, kind: Kind, description: string): Slot {
    const v = this.ns.addVariable({
      componentOf: parent, browseName: name, nodeId: `s=${id}`, description, dataType: TYPES[kind],
      minimumSamplingInterval: 1000, accessLevel: AccessLevelFlag.CurrentRead, userAccessLevel: AccessLevelFlag.CurrentRead,
      rolePermissions: ROLES,
    });
    const slot: Slot = { v, kind, last: undefined };
    return slot;
  }

  private set(slot: Slot, value: Primitive): void {
    if (slot.last === value) return;
    slot.last = value;
    const status = value === null ? StatusCodes.BadWaitingForInitialData : StatusCodes.Good;
    slot.v.setValueFromSource(variant(slot.kind, value), status, new Date());
  }

  refresh(): void {
    const l = this.store.link();
    const values: Record<string, Primitive> = {
      up: l.up, sessionId: l.sessionId, lastFrameTime: l.lastFrameTime, framesReceived: l.framesReceived,
      framesLost: l.framesLost, framesRecovered: l.framesRecovered, datagramsReceived: l.datagramsReceived,
      sessions: l.sessions, birth: l.birth, policyMismatch: l.policy.mismatch,
    };
    for (const [name, slot] of this.link) this.set(slot, values[name] ?? null);
    const reported = this.store.health()?.sources ?? [];
    const seen = new Set<string>();
    for (const s of reported) {
      if (!PATH_SEGMENT.test(s.name) || seen.has(s.name)) continue;
      seen.add(s.name);
      let entry = this.sources.get(s.name);
      if (!entry) {
        if (this.sources.size >= MAX_SOURCES) continue;
        const folder = this.ns.addFolder(this.sourcesFolder, { browseName: s.name, nodeId: `s=Sluice/Sources/${s.name}` });
        const slots = new Map<string, Slot>();
        for (const [name, kind, description] of SOURCE) slots.set(name, this.slot(folder, `Sluice/Sources/${s.name}/${name}`, name, kind, description));
        entry = { folder, slots };
        this.sources.set(s.name, entry);
      }
      for (const [name, slot] of entry.slots) this.set(slot, (s[name as keyof SourceHealth] as Primitive | undefined) ?? null);
    }
    for (const [name, entry] of this.sources) {
      if (seen.has(name)) continue;
      this.ns.addressSpace.deleteNode(entry.folder);
      this.sources.delete(name);
    }
  }
}
