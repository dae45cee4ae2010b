/**
 * GeneralModelChangeEvents (OPC 10000-3 9.32, OPC 10000-5 6.4.32) for catalogue
 * changes, so that clients which cache the address space re-browse only what moved.
 *
 *   TagSpace ──note(folder, affected, type, verb)──▶ per-folder change lists ──flush()──▶
 *     folder still there: GeneralModelChangeEvent raised on the folder (bubbles to Server)
 *     folder deleted:     raised on the Server object
 *     more than MAX_CHANGES in one folder: BaseModelChangeEvent (no Changes: "re-browse this")
 *
 * node-opcua raises model change events on its own only for nodes that carry a
 * NodeVersion; ours carry none, so these are the only ones a client sees.
 */
import { type IAddressSpace, type NodeId, ModelChangeStructureDataType, type UAObject, DataType, VariantArrayType } from "node-opcua";

export const Verb = { NodeAdded: 0x01, NodeDeleted: 0x02, ReferenceAdded: 0x04, ReferenceDeleted: 0x08, DataTypeChanged: 0x10 } as const;

/** A change list longer than this is sent as a BaseModelChangeEvent (clients re-browse the folder). */
export const MAX_CHANGES = 1000;

interface Pending {
  folder: UAObject | null;
  changes: ModelChangeStructureDataType[];
}

export class ModelChanges {
  private readonly pending = new Map<string, Pending>();
  /** events raised so far (diagnostics and tests) */
  raised = 0;

  constructor(private readonly as: IAddressSpace) {}

  /** Record one change under a source folder (null folder: raise on the Server). */
  note(source: string, folder: UAObject | null, affected: NodeId, affectedType: NodeId | null, verb: number): void {
    let p = this.pending.get(source);
    if (!p) {
      p = { folder, changes: [] };
      this.pending.set(source, p);
    }
    if (folder === null) p.folder = null;
    if (p.changes.length <= MAX_CHANGES) p.changes.push(new ModelChangeStructureDataType({ affected, affectedType, verb }));
  }

  /** Raise one event per touched folder and forget them. */
  flush(): void {
    if (this.pending.size === 0) return;
    const server = this.as.rootFolder.objects.server as unknown as UAObject;
    const general = this.as.findEventType("GeneralModelChangeEventType");
    const base = this.as.findEventType("BaseModelChangeEventType");
    for (const p of this.pending.values()) {
      const at = p.folder ?? server;
      if (p.changes.length > MAX_CHANGES) {
        if (base) at.raiseEvent(base, {});
      } else if (general) {
        at.raiseEvent(general, { changes: { dataType: DataType.ExtensionObject, arrayType: VariantArrayType.Array, value: p.changes } });
      }
      this.raised++;
    }
    this.pending.clear();
  }
}
