/** The sections of the generated configuration reference, in README order. */
import { keyTable } from "./docs.js";
import { ReaderConfig } from "./reader.js";
import { ReceiverConfig } from "./receiver.js";
import { drivers } from "../drivers/registry.js";
import { PolicyFile } from "./policy.js";

export function configReference(): string {
  const section = (title: string, intro: string, table: string) => `#### ${title}\n\n${intro}\n\n${table}\n`;
  return [
    section("Reader file (`sluice reader -c FILE`)", "Paths (key files, policy, PKI folders) are relative to the file itself. Unknown keys are errors.", keyTable(ReaderConfig)),
    section("`sources[].modbus`", "Only with `protocol: modbus`.", keyTable(drivers.modbus.options)),
    section("`sources[].s7`", "Only with `protocol: s7`.", keyTable(drivers.s7.options)),
    section("`sources[].enip`", "Only with `protocol: enip`.", keyTable(drivers.enip.options)),
    section("`sources[].opcua`", "Only with `protocol: opcua`.", keyTable(drivers.opcua.options)),
    section("Receiver file (`sluice receiver -c FILE`)", "Paths are relative to the file itself. Unknown keys are errors.", keyTable(ReceiverConfig)),
    section("Policy file (`policy:` in both files)", "See policies/README.md for glob and decision semantics.", keyTable(PolicyFile)),
  ].join("\n");
}
