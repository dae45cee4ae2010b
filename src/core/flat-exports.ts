/**
 * CommonJS package indexes handed to their requirers as plain objects.
 *
 * node-opcua's packages are TypeScript compiled to CommonJS. Each package's index
 * re-exports its files through getters (`__exportStar`), and a package that re-exports
 * another adds a getter on a getter. Every use of an imported name inside node-opcua
 * (`node_opcua_variant_1.DataType.Double`) is such a getter call: 8.5 % of the
 * receiver's busy time at 10,000 changes a second (plant bench d, --cpu-prof), which
 * no option turns off, and the getters cannot be redefined (not configurable).
 *
 *   require("node-opcua-x") ──▶ the index's exports, loaded as usual
 *                          ──▶ once loaded: a plain copy, the same values as data properties
 *                          ──▶ every requirer from then on gets that copy
 *
 * The values are the same functions, classes and objects; only the container the
 * requirer reads them from changes. That is safe where a package's exports are set while
 * it loads and never re-bound afterwards, which holds for node-opcua (checked by
 * test/unit/core/flat-exports.test.ts against a running server and client). A module
 * still loading (a require cycle) is handed over as it is.
 *
 * Process-wide: it wraps Module.prototype.require until restore(). The CLI installs it
 * first thing, before any command loads node-opcua.
 */
import Module from "node:module";

interface CjsModule {
  require(id: string): unknown;
}

interface ModuleStatics {
  _resolveFilename(id: string, parent: unknown, isMain: boolean): string;
  _cache: Record<string, { loaded: boolean } | undefined>;
}

/** A plain object with the same own properties, read once; null when one throws. */
function snapshot(exp: object): object | null {
  const flat: Record<string, unknown> = {};
  try {
    for (const k of Object.getOwnPropertyNames(exp)) {
      const d = Object.getOwnPropertyDescriptor(exp, k)!;
      Object.defineProperty(flat, k, { value: (exp as Record<string, unknown>)[k], enumerable: d.enumerable === true, writable: false, configurable: false });
    }
  } catch {
    return null;
  }
  return flat;
}

export interface Flattening {
  /** plain require again (copies already handed out stay) */
  restore(): void;
  /** the packages copied so far */
  packages(): string[];
  /** "package.name" of every copied export whose package has re-bound it since: should be none */
  stale(): string[];
}

/**
 * Hand every requirer of a package whose id `flatten` accepts a plain copy of its
 * index's exports.
 */
export function flattenRequires(flatten: (id: string) => boolean): Flattening {
  const proto = Module.prototype as unknown as CjsModule;
  const statics = Module as unknown as ModuleStatics;
  const plain = proto.require;
  const copies = new Map<object, object>();
  const ids = new Map<object, string>();
  const wrapped = function (this: CjsModule, id: string): unknown {
    const exp = plain.call(this, id);
    if (!flatten(id) || exp === null || typeof exp !== "object") return exp;
    const known = copies.get(exp);
    if (known) return known;
    if (statics._cache[statics._resolveFilename(id, this, false)]?.loaded !== true) return exp;
    const flat = snapshot(exp);
    if (!flat) return exp;
    copies.set(exp, flat);
    ids.set(exp, id);
    return flat;
  };
  proto.require = wrapped;
  return {
    restore(): void {
      if (proto.require === wrapped) proto.require = plain;
    },
    packages(): string[] {
      return [...ids.values()];
    },
    stale(): string[] {
      const out: string[] = [];
      for (const [exp, flat] of copies) {
        for (const k of Object.getOwnPropertyNames(exp)) {
          if ((exp as Record<string, unknown>)[k] !== (flat as Record<string, unknown>)[k]) out.push(`${ids.get(exp)}.${k}`);
        }
      }
      return out;
    },
  };
}

/** node-opcua's packages by name (not their files). */
export const isNodeOpcuaPackage = (id: string): boolean => /^node-opcua(-[a-z0-9-]+)?$/.test(id);
