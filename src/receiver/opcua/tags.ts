/**
 * The tag part of the address space: namespace urn:sluice:tags, one folder per
 * source under Objects, one variable per tag (NodeId s=SOURCE/TAG, BrowseName
 * TAG), kept in step with the store.
 *
 *   store "catalog" ─▶ add / delete / replace variables (and empty source folders)
 *   store "update"  ─▶ Coalescer (newest value wins) ─▶ setValueFromSource(value, StatusCode, SourceTimestamp)
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
  AccessLevelFlag, DataType, type Namespace, PermissionType, StatusCodes, type UAObject, type UAVariable,
  Variant, WellKnownRoles, coerceStatusCode, type RolePermissionTypeOptions,
} from "node-opcua";
import type { Logger } from "../../core/log.js";
import { Coalescer } from "../coalesce.js";
import type { TagState, TagStoreView } from "../store-api.js";
import { euInformation } from "./units.js";
import { isNumericType } from "../../core/model.js";
import { DATA_TYPES, toVariant } from "./variant.js";

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

export class TagSpace {
  private readonly vars = new Map<string, UAVariable>();
  private readonly folders = new Map<string, SourceFolder>();
  private readonly access: number;
  private readonly roles: RolePermissionTypeOptions[];
  /** values the address space refused (type mismatch); logged once, counted always */
  badValues = 0;
  /** tags the address space refused; logged once, counted always */
  badNodes = 0;
  /** value updates waiting for the address space, newest value wins */
  readonly updates: Coalescer<TagState>;

  constructor(private readonly ns: Namespace, private readonly store: TagStoreView, private readonly opts: TagSpaceOptions) {
    const history = store.historyDepth > 0;
    this.access = AccessLevelFlag.CurrentRead | (history ? AccessLevelFlag.HistoryRead : 0);
    const perms = READ | (history ? PermissionType.ReadHistory : 0);
    this.roles = [
      { roleId: WellKnownRoles.Anonymous, permissions: perms },
      { roleId: WellKnownRoles.AuthenticatedUser, permissions: perms },
    ];
    this.updates = new Coalescer<TagState>((st) => {
      const v = this.vars.get(st.def.path);
      if (v) this.publish(v, st);
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
    for (const st of this.store.all()) this.tryAdd(st);
  }

  variable(path: string): UAVariable | undefined {
    return this.vars.get(path);
  }

  onCatalog(added: readonly TagState[], removed: readonly string[], changed: readonly TagState[]): void {
    for (const path of removed) this.remove(path);
    for (const st of changed) {
      this.remove(st.def.path);
      this.tryAdd(st);
    }
    for (const st of added) {
      if (this.vars.has(st.def.path)) this.remove(st.def.path);
      this.tryAdd(st);
    }
  }

  onUpdate(states: readonly TagState[]): void {
    this.updates.add(states);
  }

  /** Stop applying updates (server shutdown). */
  stop(): void {
    this.updates.stop();
  }

  private folderFor(source: string): SourceFolder {
    let f = this.folders.get(source);
    if (!f) {
      const objects = this.ns.addressSpace.rootFolder.objects;
      const folder = this.ns.addFolder(objects, {
        browseName: source,
        nodeId: `s=${source}`,
        description: `tags of source ${source}`,
        rolePermissions: this.roles,
      });
      f = { folder, tags: 0 };
      this.folders.set(source, f);
    }
    return f;
  }

  /** One tag the address space refuses must not cost the others: logged once, counted, skipped. */
  private tryAdd(st: TagState): void {
    try {
      this.add(st);
    } catch (e) {
      if (this.badNodes++ === 0) this.opts.logger.warn({ path: st.def.path, err: (e as Error).message }, "tag refused by the OPC UA address space (counted, logged once)");
    }
  }

  private add(st: TagState): void {
    const def = st.def;
    const f = this.folderFor(st.source);
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
      rolePermissions: this.roles,
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
    this.vars.set(def.path, v);
    f.tags++;
    this.publish(v, st);
  }

  private remove(path: string): void {
    const v = this.vars.get(path);
    if (!v) return;
    this.vars.delete(path);
    this.ns.addressSpace.deleteNode(v);
    const source = path.slice(0, path.indexOf("/"));
    const f = this.folders.get(source);
    if (f && --f.tags === 0) {
      this.ns.addressSpace.deleteNode(f.folder);
      this.folders.delete(source);
    }
  }

  private publish(v: UAVariable, st: TagState): void {
    // milliseconds only (picoseconds 0): see timestamps.ts
    const when = new Date(st.sourceTime ?? st.receiveTime ?? Date.now());
    try {
      v.setValueFromSource(toVariant(st.def.type, st.value), coerceStatusCode(st.status), when);
    } catch (e) {
      if (this.badValues++ === 0) this.opts.logger.warn({ path: st.def.path, err: (e as Error).message }, "value refused by the OPC UA address space (counted, logged once)");
      v.setValueFromSource(new Variant({ dataType: DataType.Null }), StatusCodes.BadTypeMismatch, when);
    }
  }
}
