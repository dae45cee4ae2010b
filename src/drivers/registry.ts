/**
 * Every protocol module, by protocol: the one place that knows them all, and
 * the only door to them. Config uses each module's options schema, endpoint
 * rule and address grammar at load (no I/O); the reader creates drivers;
 * `sluice browse` calls a module's browse hook where it has one.
 */
import type { Protocol } from "../core/model.js";
import type { DriverFactory } from "./contract.js";
import { modbusDriver } from "./modbus/index.js";
import { s7Driver } from "./s7/index.js";
import { enipDriver } from "./enip/index.js";
import { opcuaDriver } from "./opcua/index.js";

export const drivers: Readonly<Record<Protocol, DriverFactory>> = Object.freeze({
  modbus: modbusDriver as DriverFactory,
  s7: s7Driver as DriverFactory,
  enip: enipDriver as DriverFactory,
  opcua: opcuaDriver as DriverFactory,
});
