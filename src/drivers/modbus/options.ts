/**
 * The `modbus:` block of a reader source (protocol: modbus) and the Modbus
 * endpoint rule. Defaults live here and nowhere else; the driver applies them
 * with `modbusOptions()` when it is created without a config file, so a source
 * without `modbus:` behaves exactly as one with every default written out.
 *
 * Transports:
 *   tcp            Modbus TCP (MBAP header), endpoint host[:port], port 502 by default
 *   rtu-over-tcp   RTU frames (address, PDU, CRC) through a serial-to-Ethernet gateway in
 *                  transparent mode, endpoint host[:port]
 *   rtu            RTU on a local serial port, endpoint a device path (/dev/ttyUSB0, COM3)
 */
import { Type, type Static } from "@sinclair/typebox";
import { applyOptions, StringEnum, Strict } from "../../core/schema.js";
import { hostPortError, splitEndpoint } from "../../core/endpoint.js";
import { SluiceError } from "../../core/errors.js";

export const MODBUS_BYTE_ORDERS = ["ABCD", "CDAB", "BADC", "DCBA"] as const;
export const MODBUS_TRANSPORTS = ["tcp", "rtu-over-tcp", "rtu"] as const;
export const MODBUS_PARITIES = ["none", "even", "odd"] as const;
export const MODBUS_PORT = 502;

export const ModbusOptions = Strict({
  transport: StringEnum(MODBUS_TRANSPORTS,
    "tcp: Modbus TCP; rtu-over-tcp: RTU frames through a serial-to-Ethernet gateway (endpoint host[:port]); rtu: RTU on a local serial port (endpoint /dev/ttyUSB0, COM3)", "tcp"),
  unitId: Type.Integer({
    minimum: 0, maximum: 255, default: 1,
    description: "Modbus unit id (slave id) of the device; a tag's own `unitId` overrides it (gateways in front of serial devices; RTU takes 1..247)",
  }),
  maxRegisters: Type.Integer({
    minimum: 1, maximum: 125, default: 125,
    description: "most registers one read request may ask for (the spec maximum is 125; lower it for devices that refuse long reads)",
  }),
  maxBits: Type.Integer({
    minimum: 1, maximum: 2000, default: 2000,
    description: "most coils or discrete inputs one read request may ask for (the spec maximum is 2000)",
  }),
  maxGap: Type.Integer({
    minimum: 0, maximum: 124, default: 8,
    description: "registers of unused gap a coalesced read may span to join two tags into one request (0 = only adjacent tags; bit areas allow 16 bits per register)",
  }),
  maxInFlight: Type.Integer({
    minimum: 1, maximum: 16, default: 1,
    description: "tcp: read requests sent before the first reply arrives, paired with their replies by transaction id; 1 (the default) waits for each reply. Raise it only for devices and gateways that accept several open transactions on one connection (see the device manual): a poll then takes fewer round trips and far fewer system calls",
  }),
  byteOrder: StringEnum(MODBUS_BYTE_ORDERS,
    "byte order for tags whose address names none: 32-bit values use it, 64-bit values the matching 8-byte order (CDAB -> GHEFCDAB), 16-bit values and strings are byte-swapped (BA) under BADC and DCBA", "ABCD"),
  baudRate: Type.Integer({
    minimum: 300, maximum: 921600, default: 19200,
    description: "rtu: line speed in bit/s; rtu-over-tcp: the gateway's serial speed (sets the 3.5-character silence kept between frames)",
  }),
  parity: StringEnum(MODBUS_PARITIES, "rtu: parity bit (the Modbus default is even)", "even"),
  dataBits: Type.Integer({ minimum: 7, maximum: 8, default: 8, description: "rtu: data bits per character (RTU needs 8)" }),
  stopBits: Type.Integer({ minimum: 1, maximum: 2, default: 1, description: "rtu: stop bits (the Modbus spec asks for 2 when parity is none)" }),
}, "Modbus options of this source (TCP, RTU over a gateway, or RTU on a serial port)");

export type ModbusOptions = Static<typeof ModbusOptions>;

/** The block with every default filled in; throws SLUICE_ERR_CONFIG when it does not match the schema. */
export function modbusOptions(raw: unknown): ModbusOptions {
  const value = applyOptions(ModbusOptions, "modbus", raw);
  const bad = modbusOptionErrors(value)[0];
  if (bad) throw new SluiceError("SLUICE_ERR_CONFIG", `modbus.${bad.path}: ${bad.reason}`);
  return value;
}

/** Rules between keys that the schema cannot say. */
export function modbusOptionErrors(o: ModbusOptions): { path: string; reason: string }[] {
  const out: { path: string; reason: string }[] = [];
  if (o.transport !== "tcp" && (o.unitId === 0 || o.unitId > 247)) {
    out.push({ path: "unitId", reason: `${o.unitId} is not an RTU unit id (1..247; 0 is broadcast, which never answers)` });
  }
  if (o.transport !== "tcp" && o.maxInFlight > 1) {
    out.push({ path: "maxInFlight", reason: "RTU carries one request at a time (its frames have no transaction id to pair replies): only transport tcp can have several in flight" });
  }
  if (o.transport === "rtu" && o.dataBits !== 8) {
    out.push({ path: "dataBits", reason: "RTU frames carry 8 data bits; 7 data bits is Modbus ASCII, which sluice does not speak" });
  }
  return out;
}

/** The shared line of an RTU source and the settings every source on it must agree on; undefined for TCP. */
export function modbusLine(endpoint: string, o: ModbusOptions): { key: string; settings: string } | undefined {
  if (o.transport === "tcp") return undefined;
  const settings = o.transport === "rtu" ? `${o.baudRate} bit/s, parity ${o.parity}, ${o.dataBits} data bits, ${o.stopBits} stop bits` : `${o.baudRate} bit/s`;
  return { key: `${o.transport} ${endpoint}`, settings };
}

/** A serial device: an absolute path (/dev/ttyUSB0, /dev/serial/by-id/...) or a Windows COM port. */
const SERIAL_DEVICE = /^(\/[A-Za-z0-9_.:+@/-]+|COM\d{1,3})$/;

/** Why an endpoint does not suit this transport, or undefined when fine. */
export function modbusEndpointError(endpoint: string, o: Pick<ModbusOptions, "transport">): string | undefined {
  if (o.transport === "rtu") {
    return SERIAL_DEVICE.test(endpoint) ? undefined : "transport rtu needs a serial device path, e.g. /dev/ttyUSB0 (or COM3)";
  }
  if (SERIAL_DEVICE.test(endpoint) && endpoint.startsWith("/")) return `${endpoint} is a serial device: set modbus.transport: rtu`;
  return hostPortError(endpoint, "modbus");
}

/** "host[:port]" → host and port (default 502); throws SLUICE_ERR_CONFIG when malformed. */
export function modbusHostPort(endpoint: string): { host: string; port: number } {
  const ep = hostPortError(endpoint, "modbus") === undefined ? splitEndpoint(endpoint) : undefined;
  if (!ep) throw new SluiceError("SLUICE_ERR_CONFIG", `modbus endpoint ${JSON.stringify(endpoint)}: expected host[:port] (port 1..65535, default ${MODBUS_PORT})`);
  return { host: ep.host, port: ep.port ?? MODBUS_PORT };
}
