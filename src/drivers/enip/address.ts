/**
 * Logix tag addresses: controller-scoped (`Counter`), program-scoped
 * (`Program:Main.Speed`), array elements (`Recipe[3]`, `Matrix[1,2]`), UDT
 * members (`Motor.Current`), I/O tags (`Local:1:I.Data`) and a bit of an
 * integer (`Flags.3`). Validated with ethernet-ip's own grammar, so whatever
 * passes here encodes; the type comes from the tag config (the controller
 * reports it in each reply and a mismatch is BadTypeMismatch).
 */
import ethernetIp from "ethernet-ip";
import { SluiceError, errorMessage } from "../../core/errors.js";
import type { ParsedAddress } from "../contract.js";

const { Tag } = ethernetIp;

export interface EnipAddress {
  /** the tag as configured */
  name: string;
  /** the tag the controller is asked for (the name without a trailing bit number) */
  tag: string;
  /** bit of an integer tag (`Flags.3`), else null */
  bit: number | null;
}

const EXAMPLES = "Counter, Program:Main.Speed, Recipe[3], Motor.Current, Flags.3";

function fail(address: string, reason: string): never {
  throw new SluiceError("SLUICE_ERR_ADDRESS", `enip address "${address}": ${reason}`);
}

export function parseEnipAddress(address: string): ParsedAddress<EnipAddress> {
  if (typeof address !== "string" || address.length === 0) fail(String(address), `expected a Logix tag name such as ${EXAMPLES}`);
  if (/\s/.test(address)) fail(address, "no spaces allowed");
  if (!Tag.isValidTagname(address)) {
    if (/\[\s*\]|\[[^\]]*[^\d,\]][^\]]*\]/.test(address)) fail(address, "array indexes are decimal numbers: Recipe[3], Matrix[1,2]");
    if (address.split(/[:.[\],]/).some((s) => s.length > 40)) fail(address, "each name segment is at most 40 characters");
    fail(address, `expected a Logix tag name such as ${EXAMPLES}`);
  }
  let bit: number | null;
  try {
    bit = new Tag(address).bitIndex;
  } catch (e) {
    fail(address, errorMessage(e));
  }
  const tag = bit === null ? address : address.replace(/\.\d+$/, "");
  return { address: { name: address, tag, bit }, type: undefined };
}
