/**
 * The node-opcua release a run-time change was written against (harvest.ts,
 * value-path.ts): such a change touches node-opcua's internals, so it applies itself
 * only to that release and otherwise says why it stood aside.
 */
import { createRequire } from "node:module";

/** Why `pkg` as installed is not release `wanted`, or null when it is. */
export function notPinned(pkg: string, wanted: string): string | null {
  let version: string;
  try {
    version = (createRequire(import.meta.url)(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return `${pkg}'s version cannot be read`;
  }
  return version === wanted ? null : `${pkg} ${version} is not ${wanted}`;
}
