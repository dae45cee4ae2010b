/**
 * The OPC UA StatusCodes sluice uses (OPC 10000-4, 7.34 and the NodeSet CSV),
 * as plain numbers so that the link and the reader need no OPC UA library.
 * Severity is the top two bits: 00 Good, 01 Uncertain, 10/11 Bad.
 */
export const Status = {
  Good: 0x00000000,
  UncertainLastUsableValue: 0x40900000,
  UncertainNoCommunicationLastUsableValue: 0x408f0000,
  UncertainEngineeringUnitsExceeded: 0x40940000,
  BadWaitingForInitialData: 0x80320000,
  BadConfigurationError: 0x80890000,
  BadNoCommunication: 0x80310000,
  BadCommunicationError: 0x80050000,
  BadTimeout: 0x800a0000,
  BadNodeIdUnknown: 0x80340000,
  BadTypeMismatch: 0x80740000,
  BadOutOfRange: 0x803c0000,
  BadDeviceFailure: 0x808b0000,
  BadNotReadable: 0x803a0000,
  BadUserAccessDenied: 0x801f0000,
  BadInternalError: 0x80020000,
} as const;

export type StatusName = keyof typeof Status;
export type Quality = "good" | "uncertain" | "bad";

const NAMES = new Map<number, string>(Object.entries(Status).map(([k, v]) => [v, k]));

/** Severity of a status code, ignoring its info bits. */
export function quality(code: number): Quality {
  const sev = code >>> 30;
  return sev === 0 ? "good" : sev === 1 ? "uncertain" : "bad";
}

export function isGood(code: number): boolean {
  return code >>> 30 === 0;
}

/** The symbolic name of a status code (info bits ignored), or its hex form. */
export function statusName(code: number): string {
  const base = (code & 0xffff0000) >>> 0;
  return NAMES.get(base) ?? `0x${base.toString(16).padStart(8, "0")}`;
}
