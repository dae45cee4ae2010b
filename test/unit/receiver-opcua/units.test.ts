/**
 * The engineering-unit table against UNECE Recommendation 20 (rev. 17, annexes II/III):
 * the expected common codes below are written from the standard, not from units.ts, so a
 * typo in the table fails here. UnitId is the code's ASCII packed big-endian (OPC 10000-8).
 */
import t from "tap";
import { euInformation, unitId } from "../../../src/receiver/opcua/units.js";

/** unit spelling a plant config uses -> UNECE Rec 20 common code */
const REC20: Record<string, string> = {
  "m/min": "2X", "l/min": "L2", "L/min": "L2", "l/h": "E32", "l/s": "G51", "m3/h": "MQH", "m³/h": "MQH", "m3/s": "MQS", "m3": "MTQ",
  rpm: "RPM", "r/min": "RPM", rps: "RPS", bar: "BAR", mbar: "MBR", Pa: "PAL", hPa: "A97", kPa: "KPA", MPa: "MPA", psi: "PS",
  "%": "P1", ppm: "59", A: "AMP", mA: "4K", V: "VLT", mV: "2Z", kV: "KVT", W: "WTT", kW: "KWT", MW: "MAW",
  VA: "D46", kVA: "KVA", kvar: "KVR", Wh: "WHR", kWh: "KWH", MWh: "MWH", J: "JOU", kJ: "KJO", MJ: "3B",
  Hz: "HTZ", kHz: "KHZ", degC: "CEL", "°C": "CEL", degF: "FAH", K: "KEL",
  um: "4H", mm: "MMT", cm: "CMT", m: "MTR", km: "KMT", m2: "MTK", "m/s": "MTS", "mm/s": "C16", "km/h": "KMH",
  l: "LTR", ml: "MLT", g: "GRM", kg: "KGM", t: "TNE", "kg/h": "E93", "t/h": "E18", "kg/s": "KGS", "kg/m3": "KMQ",
  ms: "C26", s: "SEC", min: "MIN", h: "HUR", d: "DAY", N: "NEU", kN: "B47", Nm: "NU", deg: "DD", lx: "LUX", dB: "2N", pcs: "H87",
};

void t.test("every unit plants use has its UNECE Rec 20 code and UnitId", async (t) => {
  for (const [spelling, code] of Object.entries(REC20)) {
    const eu = euInformation(spelling);
    const packed = [...code].reduce((id, c) => (id << 8) | c.charCodeAt(0), 0);
    t.equal(eu.unitId, packed, `${spelling} -> ${code} (UnitId ${packed})`);
    t.equal(eu.namespaceUri, "http://www.opcfoundation.org/UA/units/un/cefact", `${spelling}: UNECE namespace`);
    t.ok(eu.displayName.text && eu.description.text, `${spelling}: display name ${eu.displayName.text}, description ${eu.description.text}`);
  }
  t.equal(unitId("2X"), 0x3258, "2X packs to 0x3258");
  t.equal(euInformation("furlong/fortnight").unitId, -1, "an unknown unit keeps its text without a UnitId");
  t.equal(euInformation("furlong/fortnight").displayName.text, "furlong/fortnight");
});
