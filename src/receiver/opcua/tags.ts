/**
 * The tag part of the address space: namespace urn:sluice:tags, one folder per
 * source under Objects, one variable per tag (NodeId s=SOURCE/TAG, BrowseName
 * TAG), kept in step with the store.
 *
 *   store "catalog" ─▶ only what changed: add / delete variables (and empty source folders);
 *                      a changed tag is updated in place (DataType, Description, EURange,
 *                      EngineeringUnits) unless its node kind changes (plain, AnalogUnit,
 *                      AnalogItem), then re-created ─▶ one GeneralModelChangeEvent per
 *                      touched folder (model-change.ts)
 *   store "update"  ─▶ Coalescer (newest value wins) ─▶ setDirect (value-path.ts) or setValueFromSource(value, StatusCode, SourceTimestamp)
 *
 * Under overload monitored items get each tag's newest value, never a growing
 * backlog: updates go through a Coalescer (../coalesce.ts) that applies in time
 * slices and lets a tag updated again before its turn be applied once.
 *
 * Cost matters at 100k tags (STACK): plain BaseDataVariables unless the tag has
 * a unit or range (AnalogItemType / AnalogUnitType cost 5x), an explicit
 * MinimumSamplingInterval (halves build time) and explicit RolePermissions (so a
 * sampled read does not look up namespace defaults by name).
 */
import {
  AccessLevelFlag, type BaseNode, DataType, type Namespace, PermissionType, Range, RolePermissionType, StatusCodes, type UAObject, type UAVariable,
  Variant, WellKnownRoles, coerceStatusCode, resolveNodeId,
} from "node-opcua";
import type { TagDef } from "../../core/model.js";
import { ModelChanges, Verb } from "./model-change.js";
import type { Logger } from "../../core/log.js";
import { Coalescer } from "../coalesce.js";
import type { TagState, TagStoreView } from "../store-api.js";
import { euInformation } from "./units.js";
import { isNumericType } from "../../core/model.js";
import { DATA_TYPES, toVariant } from "./variant.js";
import { directValues, ownsValue, setDirect } from "./value-path.js";

/**
 * node-opcua caches a node's reference lookups and keeps them; building a variable
 * looks up its HasTypeDefinition, so every tag held a cache (a Map, its key and a frozen
 * result, about 0.5 KB) that nothing later needs: its type definition is cached on its
 * own, and neither Read nor a subscription looks references up again. Clearing it (as
 * node-opcua itself does whenever a node's references change) frees about 50 MB at
 * 100,000 tags; a later lookup, by a Browse for instance, rebuilds it.
 */
function dropBuildCache(v: UAVariable, withProperties: boolean): void {
  // an analog tag's EURange and EngineeringUnits are nodes of their own, built the same way
  if (withProperties) for (const p of v.getProperties()) clearCaches(p);
  clearCaches(v);
}

function clearCaches(node: BaseNode): void {
  (node as unknown as { _clear_caches?: () => void })._clear_caches?.();
}

/**
 * node-opcua makes a node's RolePermissions its own copy of what it was given, so every
 * tag held two RolePermissionType objects and their array (about 250 bytes). Every tag
 * has the same permissions, and nothing changes them (the server refuses writes of
 * RolePermissions; a Read maps them to new objects): one array serves them all.
 */
function shareRoles(v: UAVariable, roles: RolePermissionType[]): void {
  // given to the constructor instead, they would be copied (and the copy dropped here)
  (v as unknown as { _rolePermissions?: RolePermissionType[] })._rolePermissions = roles;
}

/**
 * Runs `build` with node-opcua's frugal mode on: a node created then gets no JavaScript
 * property on its parent (\`folder.t123\`: a getter closure and a dictionary entry, about
 * 150 bytes a tag). Nothing reads tags that way; the server finds children through its
 * reference index. Scoped to the tag part, so the rest of the address space is as node-opcua
 * builds it.
 */
function frugally<T>(ns: Namespace, build: () => T): T {
  const as = ns.addressSpace as unknown as { isFrugal?: boolean };
  const was = as.isFrugal;
  as.isFrugal = true;
  try {
    return build();
  } finally {
    as.isFrugal = was ?? false;
  }
}

export const TAGS_NAMESPACE = "urn:sluice:tags";

const READ = PermissionType.Browse | PermissionType.Read | PermissionType.ReadRolePermissions;

export interface TagSpaceOptions {
  samplingInterval: number;
  logger: Logger;
}

/** Longest slice of value updates before the event loop gets a turn, ms. */
const UPDATE_SLICE_MS = 20;

interface SourceFolder {
  folder: UAObject;
  tags: number;
}

/** Which variable type a tag is built as; a change of kind re-creates the node. */
type Kind = "plain" | "unit" | "analog" | "analog-eu";

function kindOf(def: TagDef): Kind {
  if (!isNumericType(def.type)) return "plain";
  if (def.range) return def.unit ? "analog-eu" : "analog";
  return def.unit ? "unit" : "plain";
}

interface Built {
  v: UAVariable;
  def: TagDef;
  kind: Kind;
  /** its value is set by setDirect (value-path.ts), not setValueFromSource */
  direct: boolean;
}

export class TagSpace {
  private readonly vars = new Map<string, Built>();
  private readonly changes: ModelChanges;
  private readonly folders = new Map<string, SourceFolder>();
  private readonly access: number;
  /** as node-opcua keeps them: one array every tag shares (shareRoles) */
  private readonly roles: RolePermissionType[];
  private readonly direct = directValues().applied;
  /** the Date of the last source time published (dateOf) */
  private lastDate = new Date(NaN);
  /** values the address space refused (type mismatch); logged once, counted always */
  badValues = 0;
  /** tags the address space refused; logged once, counted always */
  badNodes = 0;
  /** value updates waiting for the address space, newest value wins */
  readonly updates: Coalescer<TagState>;

  constructor(private readonly ns: Namespace, private readonly store: TagStoreView, private readonly opts: TagSpaceOptions) {
    this.changes = new ModelChanges(ns.addressSpace);
    const history = store.historyDepth > 0;
    this.access = AccessLevelFlag.CurrentRead | (history ? AccessLevelFlag.HistoryRead : 0);
    const perms = READ | (history ? PermissionType.ReadHistory : 0);
    this.roles = [
      { roleId: WellKnownRoles.Anonymous, permissions: perms },
      { roleId: WellKnownRoles.AuthenticatedUser, permissions: perms },
    ].map((r) => new RolePermissionType(r));
    this.updates = new Coalescer<TagState>((st) => {
      const b = this.vars.get(st.def.path);
      if (b) this.publish(b, st);
    }, {
      budgetMs: UPDATE_SLICE_MS,
      onOverload: (o) => opts.logger.warn(o, "OPC UA overloaded: monitored items get each tag's newest value (older updates superseded)"),
    });
  }

  get size(): number {
    return this.vars.size;
  }

  /** Build everything the store holds now. */
  build(): void {
    frugally(this.ns, () => {
      for (const st of this.store.all()) this.tryAdd(st);
    });
  }

  variable(path: string): UAVariable | undefined {
    return this.vars.get(path)?.v;
  }

  /** GeneralModelChangeEvents raised so far. */
  get modelChangeEvents(): number {
    return this.changes.raised;
  }

  /** Apply a catalogue change: only the named tags are touched; then one model change event per touched folder. */
  onCatalog(added: readonly TagState[], removed: readonly string[], changed: readonly TagState[]): void {
    frugally(this.ns, () => this.applyCatalog(added, removed, changed));
  }

  private applyCatalog(added: readonly TagState[], removed: readonly string[], changed: readonly TagState[]): void {
    try {
      for (const path of removed) this.remove(path, true);
      for (const st of changed) this.change(st);
      for (const st of added) {
        if (this.vars.has(st.def.path)) this.remove(st.def.path, true);
        this.tryAdd(st, true);
      }
    } finally {
      this.changes.flush();
    }
  }

  onUpdate(states: readonly TagState[]): void {
    this.updates.add(states);
  }

  /** Stop applying updates (server shutdown). */
  stop(): void {
    this.updates.stop();
  }

  /** A tag whose type, unit, range or description changed: in place when its kind stays. */
  private change(st: TagState): void {
    const b = this.vars.get(st.def.path);
    const def = st.def;
    if (!b || b.kind !== kindOf(def)) {
      this.remove(def.path, true);
      this.tryAdd(st, true);
      return;
    }
    const old = b.def;
    const v = b.v;
    try {
      if (old.description !== def.description) v.setDescription(def.description ?? "");
      if (old.type !== def.type) {
        v.dataType = resolveNodeId(DATA_TYPES[def.type]);
        // node-opcua caches the basic type the DataType resolves to; it must follow the new one
        (v as unknown as { _basicDataType: DataType | null })._basicDataType = null;
        this.changes.note(st.source, this.folders.get(st.source)?.folder ?? null, v.nodeId, v.typeDefinition, Verb.DataTypeChanged);
      }
      const analog = v as UAVariable & { euRange?: UAVariable; engineeringUnits?: UAVariable };
      if (def.range && (old.range?.[0] !== def.range[0] || old.range?.[1] !== def.range[1])) {
        analog.euRange?.setValueFromSource(new Variant({ dataType: DataType.ExtensionObject, value: new Range({ low: def.range[0], high: def.range[1] }) }));
      }
      if (def.unit && old.unit !== def.unit) {
        analog.engineeringUnits?.setValueFromSource(new Variant({ dataType: DataType.ExtensionObject, value: euInformation(def.unit) }));
      }
      b.def = def;
      this.publish(b, st);
    } catch (e) {
      // in-place failed (should not): fall back to re-creating the node
      this.opts.logger.debug({ path: def.path, err: (e as Error).message }, "in-place tag change failed; re-creating the node");
      this.remove(def.path, true);
      this.tryAdd(st, true);
    }
  }

  private folderFor(source: string, notify: boolean): SourceFolder {
    let f = this.folders.get(source);
    if (!f) {
      const objects = this.ns.addressSpace.rootFolder.objects;
      const folder = this.ns.addFolder(objects, {
        browseName: source,
        nodeId: `s=${source}`,
        description: `tags of source ${source}`,
        rolePermissions: this.roles,
        eventNotifier: 1, // SubscribeToEvents: its model change events can be monitored here
      } as Parameters<Namespace["addFolder"]>[1]);
      f = { folder, tags: 0 };
      this.folders.set(source, f);
      if (notify) {
        this.changes.note(source, folder, folder.nodeId, folder.typeDefinition, Verb.NodeAdded);
        this.changes.note(source, folder, objects.nodeId, null, Verb.ReferenceAdded);
      }
    }
    return f;
  }

  /** One tag the address space refuses must not cost the others: logged once, counted, skipped. */
  private tryAdd(st: TagState, notify = false): void {
    try {
      this.add(st, notify);
    } catch (e) {
      if (this.badNodes++ === 0) this.opts.logger.warn({ path: st.def.path, err: (e as Error).message }, "tag refused by the OPC UA address space (counted, logged once)");
    }
  }

  private add(st: TagState, notify: boolean): void {
    const def = st.def;
    const f = this.folderFor(st.source, notify);
    const numeric = isNumericType(def.type);
    const common = {
      organizedBy: f.folder,
      browseName: st.name,
      nodeId: `s=${def.path}`,
      dataType: DATA_TYPES[def.type],
      minimumSamplingInterval: this.opts.samplingInterval,
      accessLevel: this.access,
      userAccessLevel: this.access,
      historizing: this.store.historyDepth > 0,
      ...(def.description ? { description: def.description } : {}),
    };
    let v: UAVariable;
    if (numeric && def.range) {
      v = this.ns.addAnalogDataItem({
        ...common,
        engineeringUnitsRange: { low: def.range[0], high: def.range[1] },
        ...(def.unit ? { engineeringUnits: euInformation(def.unit) } : {}),
      });
    } else if (numeric && def.unit) {
      v = this.ns.addVariable({ ...common, typeDefinition: "AnalogUnitType" });
      this.ns.addVariable({
        propertyOf: v,
        browseName: { name: "EngineeringUnits", namespaceIndex: 0 },
        typeDefinition: "PropertyType",
        dataType: "EUInformation",
        minimumSamplingInterval: 0,
        accessLevel: AccessLevelFlag.CurrentRead,
        userAccessLevel: AccessLevelFlag.CurrentRead,
        value: new Variant({ dataType: DataType.ExtensionObject, value: euInformation(def.unit) }),
      });
    } else {
      v = this.ns.addVariable(common);
    }
    const b: Built = { v, def, kind: kindOf(def), direct: this.direct && ownsValue(v) };
    this.vars.set(def.path, b);
    f.tags++;
    if (notify) {
      this.changes.note(st.source, f.folder, v.nodeId, v.typeDefinition, Verb.NodeAdded);
      this.changes.note(st.source, f.folder, f.folder.nodeId, null, Verb.ReferenceAdded);
    }
    dropBuildCache(v, b.kind !== "plain");
    shareRoles(v, this.roles);
    this.publish(b, st);
  }

  private remove(path: string, notify = false): void {
    const b = this.vars.get(path);
    if (!b) return;
    this.vars.delete(path);
    const source = path.slice(0, path.indexOf("/"));
    const f = this.folders.get(source);
    if (notify && f) {
      this.changes.note(source, f.folder, b.v.nodeId, b.v.typeDefinition, Verb.NodeDeleted);
      this.changes.note(source, f.folder, f.folder.nodeId, null, Verb.ReferenceDeleted);
    }
    this.ns.addressSpace.deleteNode(b.v);
    if (f && --f.tags === 0) {
      if (notify) {
        const objects = this.ns.addressSpace.rootFolder.objects;
        this.changes.note(source, null, f.folder.nodeId, f.folder.typeDefinition, Verb.NodeDeleted);
        this.changes.note(source, null, objects.nodeId, null, Verb.ReferenceDeleted);
      }
      this.ns.addressSpace.deleteNode(f.folder);
      this.folders.delete(source);
    }
  }

  /**
   * The Date of a source time, shared with the tag published before when their times are
   * the same millisecond, as the tags of one PLC read are. Every variable keeps its Date
   * until its next change (a survivor of each young-generation GC, copied and promoted at
   * 10,000 changes a second), and nothing changes a value's Date in place: node-opcua
   * replaces timestamps, never sets them, and the server refuses writes.
   */
  private dateOf(ms: number): Date {
    if (this.lastDate.getTime() !== ms) this.lastDate = new Date(ms);
    return this.lastDate;
  }

  private publish(b: Built, st: TagState): void {
    const v = b.v;
    // milliseconds only (picoseconds 0): see timestamps.ts
    const when = this.dateOf(st.sourceTime ?? st.receiveTime ?? Date.now());
    try {
      const value = toVariant(st.def.type, st.value);
      if (b.direct) setDirect(v, value, coerceStatusCode(st.status), when);
      else v.setValueFromSource(value, coerceStatusCode(st.status), when);
    } catch (e) {
      if (this.badValues++ === 0) this.opts.logger.warn({ path: st.def.path, err: (e as Error).message }, "value refused by the OPC UA address space (counted, logged once)");
      v.setValueFromSource(new Variant({ dataType: DataType.Null }), StatusCodes.BadTypeMismatch, when);
    }
  }
}
