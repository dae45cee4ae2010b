/**
 * The Modbus protocol module (TCP, RTU over TCP, RTU on a serial port): the one entry point the registry imports.
 * Read-only by construction (function codes 1-4 only).
 */
import type { Logger } from "../../core/log.js";
import type { DriverFactory, DriverSource } from "../contract.js";
import { parseModbusAddress, type ModbusAddress } from "./address.js";
import { ModbusDriver } from "./driver.js";
import { ModbusOptions, modbusEndpointError, modbusLine, modbusOptionErrors } from "./options.js";

export type { ModbusAddress, ModbusArea } from "./address.js";
export type { ByteOrder } from "./codec.js";
export { ModbusDriver } from "./driver.js";
export { modbusOptions, type ModbusOptions } from "./options.js";

export const modbusDriver: DriverFactory<ModbusAddress> = {
  protocol: "modbus",
  options: ModbusOptions,
  optionErrors: (o) => modbusOptionErrors(o as ModbusOptions),
  endpointError: (endpoint, o) => modbusEndpointError(endpoint, o as ModbusOptions),
  parseAddress: parseModbusAddress,
  line: (endpoint, o) => modbusLine(endpoint, o as ModbusOptions),
  /** `logger` is optional: the contract's create(source) works, a reader that has a logger may pass it. */
  create: (source: DriverSource, logger?: Logger) => new ModbusDriver(source, logger),
};
