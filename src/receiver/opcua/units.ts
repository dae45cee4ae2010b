/**
 * Engineering units: a tag's free-text unit string -> OPC UA EUInformation with
 * the UNECE Recommendation 20 common code (OPC 10000-8 5.6.3), so clients that
 * interpret UnitId recognise it. Unknown strings keep their text with UnitId -1.
 */
import { type EUInformation, makeEUInformation } from "node-opcua";

/** [UNECE common code, display symbol, description, ...accepted spellings] */
const TABLE: ReadonlyArray<readonly [string, string, string, ...string[]]> = [
  ["CEL", "°C", "degree Celsius", "degC", "C", "celsius", "deg C"],
  ["FAH", "°F", "degree Fahrenheit", "degF", "F", "fahrenheit"],
  ["KEL", "K", "kelvin", "kelvin"],
  ["P1", "%", "percent", "percent", "pct"],
  ["59", "ppm", "part per million"],
  ["BAR", "bar", "bar"],
  ["MBR", "mbar", "millibar"],
  ["PAL", "Pa", "pascal"],
  ["A97", "hPa", "hectopascal"],
  ["KPA", "kPa", "kilopascal"],
  ["MPA", "MPa", "megapascal"],
  ["PS", "psi", "pound-force per square inch"],
  ["VLT", "V", "volt"],
  ["2Z", "mV", "millivolt"],
  ["KVT", "kV", "kilovolt"],
  ["AMP", "A", "ampere"],
  ["4K", "mA", "milliampere"],
  ["WTT", "W", "watt"],
  ["KWT", "kW", "kilowatt"],
  ["MAW", "MW", "megawatt"],
  ["WHR", "Wh", "watt hour"],
  ["KWH", "kWh", "kilowatt hour"],
  ["MWH", "MWh", "megawatt hour"],
  ["HTZ", "Hz", "hertz"],
  ["KHZ", "kHz", "kilohertz"],
  ["D46", "VA", "volt - ampere"],
  ["KVA", "kVA", "kilovolt - ampere"],
  ["KVR", "kvar", "kilovar"],
  ["RPM", "r/min", "revolutions per minute", "rpm", "1/min"],
  ["RPS", "r/s", "revolutions per second", "rps"],
  ["DD", "°", "degree [unit of angle]", "deg"],
  ["4H", "µm", "micrometre", "um"],
  ["MMT", "mm", "millimetre"],
  ["CMT", "cm", "centimetre"],
  ["MTR", "m", "metre"],
  ["KMT", "km", "kilometre"],
  ["MTS", "m/s", "metre per second"],
  ["2X", "m/min", "metre per minute"],
  ["C16", "mm/s", "millimetre per second"],
  ["KMH", "km/h", "kilometre per hour"],
  ["LTR", "l", "litre", "L"],
  ["MLT", "ml", "millilitre", "mL"],
  ["MTK", "m²", "square metre", "m2"],
  ["MTQ", "m³", "cubic metre", "m3"],
  ["MQH", "m³/h", "cubic metre per hour", "m3/h"],
  ["MQS", "m³/s", "cubic metre per second", "m3/s"],
  ["L2", "l/min", "litre per minute", "L/min"],
  ["E32", "l/h", "litre per hour", "L/h"],
  ["G51", "l/s", "litre per second", "L/s"],
  ["GRM", "g", "gram"],
  ["KGM", "kg", "kilogram"],
  ["TNE", "t", "tonne"],
  ["E93", "kg/h", "kilogram per hour"],
  ["E18", "t/h", "tonne per hour"],
  ["KGS", "kg/s", "kilogram per second"],
  ["KMQ", "kg/m³", "kilogram per cubic metre", "kg/m3"],
  ["C26", "ms", "millisecond"],
  ["SEC", "s", "second"],
  ["MIN", "min", "minute"],
  ["HUR", "h", "hour"],
  ["DAY", "d", "day"],
  ["NEU", "N", "newton"],
  ["B47", "kN", "kilonewton"],
  ["NU", "N·m", "newton metre", "Nm", "N.m"],
  ["JOU", "J", "joule"],
  ["KJO", "kJ", "kilojoule"],
  ["3B", "MJ", "megajoule"],
  ["OHM", "Ω", "ohm", "ohm", "Ohm"],
  ["LUX", "lx", "lux"],
  ["2N", "dB", "decibel"],
  ["H87", "pcs", "piece", "piece", "pieces"],
];

/** UNECE common code -> UnitId (OPC 10000-8: up to 4 ASCII chars, big-endian in an Int32). */
export function unitId(code: string): number {
  let id = 0;
  for (let i = 0; i < Math.min(4, code.length); i++) id = (id << 8) | code.charCodeAt(i);
  return id;
}

const BY_SPELLING = new Map<string, readonly [string, string, string, ...string[]]>();
for (const row of TABLE) {
  const [, symbol, , ...aliases] = row;
  for (const s of [symbol, ...aliases]) BY_SPELLING.set(s, row);
}

const cache = new Map<string, EUInformation>();

/** EUInformation for a unit string; shared instances, one per distinct unit. */
export function euInformation(unit: string): EUInformation {
  const row = BY_SPELLING.get(unit.trim());
  const key = row ? row[0] : unit;
  let eu = cache.get(key);
  if (eu === undefined) {
    // makeEUInformation sets the UNECE namespace URI and derives UnitId from the code
    eu = row ? makeEUInformation(row[0], row[1], row[2]) : makeEUInformation("", unit, unit);
    if (!row) eu.unitId = -1; // "no unit id" (OPC 10000-8 5.6.3)
    if (cache.size < 1000) cache.set(key, eu); // bounded: units come from the (authenticated) catalogue
  }
  return eu;
}
