/**
 * OPC UA client driver factory: the one entry point the registry imports.
 * Parsing addresses needs no node-opcua; the driver loads it on first connect.
 */
import type { Logger } from "../../core/log.js";
import type { DriverFactory, DriverSource } from "../contract.js";
import { parseOpcuaAddress, type OpcuaAddress } from "./address.js";
import { OpcuaDriver } from "./driver.js";
import { OpcuaOptions, opcuaEndpointError, opcuaOptionErrors } from "./options.js";

export type { OpcuaAddress } from "./address.js";
export { OpcuaDriver } from "./driver.js";
export type { OpcuaOptions } from "./options.js";

export const opcuaDriver: DriverFactory<OpcuaAddress> = {
  protocol: "opcua",
  options: OpcuaOptions,
  optionErrors: (o) => opcuaOptionErrors(o as OpcuaOptions),
  endpointError: (endpoint) => opcuaEndpointError(endpoint),
  parseAddress: parseOpcuaAddress,
  /** `logger` is optional: the contract's create(source) works, a reader that has a logger may pass it. */
  create: (source: DriverSource, logger?: Logger) => new OpcuaDriver(source, logger),
};
