/** `sluice keygen FILE`: a new link key, mode 0600; prints only its id. */
import { keygen } from "../link/keys.js";

export function cmdKeygen(file: string): number {
  const key = keygen(file);
  process.stdout.write(`wrote ${file} (key id ${key.id.toString(16).padStart(8, "0")})\n`);
  return 0;
}
