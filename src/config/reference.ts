/** The sections of the generated configuration reference, in README order. */
import { keyTable } from "./docs.js";
import { ReaderConfig } from "./reader.js";
import { ReceiverConfig } from "./receiver.js";
import { ModbusOptions } from "./sources/modbus.js";
import { OpcuaOptions } from "./sources/opcua.js";
import { S7Options } from "./sources/s7.js";
import { EnipOptions } from "./sources/enip.js";
import { PolicyFile } from "./policy.js";

export function configReference(): string {
  const section = (title: string, intro: string, table: string) => `#### ${title}\n\n${intro}\n\n${table}\n`;
  return [
    section("Reader file (`sluice reader -c FILE`)", "Paths (key files, policy, PKI folders) are relative to the file itself. Unknown keys are errors.", keyTable(ReaderConfig)),
    section("`sources[].modbus`", "Only with `protocol: modbus`.", keyTable(ModbusOptions)),
    section("`sources[].s7`", "Only with `protocol: s7`.", keyTable(S7Options)),
    section("`sources[].enip`", "Only with `protocol: enip`.", keyTable(EnipOptions)),
    section("`sources[].opcua`", "Only with `protocol: opcua`.", keyTable(OpcuaOptions)),
    section("Receiver file (`sluice receiver -c FILE`)", "Paths are relative to the file itself. Unknown keys are errors.", keyTable(ReceiverConfig)),
    section("Policy file (`policy:` in both files)", "See policies/README.md for glob and decision semantics.", keyTable(PolicyFile)),
  ].join("\n");
}
