/**
 * The conformance suite for the OPC UA driver against the OPC UA simulator.
 * The restart step brings the simulator back with other namespaces registered
 * first, so urn:acme moves to another index: the same driver must re-resolve
 * its nsu= addresses and keep reading the right nodes.
 */
import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { opcuaDriver } from "../../../src/drivers/opcua/index.js";
import { OPCUA_SIM_NAMESPACE, OPCUA_SIM_STATIC, startOpcuaSim, type OpcuaSim } from "../../../src/demo/sim/opcua.js";
import { Status } from "../../../src/core/status.js";
import { runConformance, type ConformancePoint } from "./conformance.js";

void t.test("opcua vs the OPC UA simulator", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-opcua-conf-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let sim: OpcuaSim | undefined;
  let port = 0;
  const indexes: number[] = [];
  const up = async (namespaces: string[]) => {
    sim = await startOpcuaSim({ port, namespaces, pki: join(dir, "server-pki") });
    port = sim.port;
    indexes.push(sim.acmeIndex);
  };
  const points: ConformancePoint[] = [
    ...OPCUA_SIM_STATIC.map((v): ConformancePoint => ({ address: v.address, type: v.type, value: v.value, status: v.status })),
    { address: `nsu=${OPCUA_SIM_NAMESPACE};s=Line1.Temp`, type: "float64", value: (v) => typeof v === "number" && v >= 20 && v <= 25 },
    { address: `nsu=${OPCUA_SIM_NAMESPACE};s=Line1.Count`, type: "uint32", value: (v) => typeof v === "number" && v >= 0 },
    { address: `nsu=${OPCUA_SIM_NAMESPACE};s=NoSuchNode`, type: "float64", value: null, status: Status.BadNodeIdUnknown },
    { address: "nsu=urn:not-on-this-server;s=Line1.Temp", type: "float64", value: null, status: Status.BadNodeIdUnknown },
    { address: "i=2259", type: "int32", value: 0 }, // Server_ServerStatus_State: Running (ns=0, taken as is)
  ];
  await runConformance(t, {
    name: "opcua vs sim",
    factory: opcuaDriver,
    start: () => up(["urn:first"]),
    source: () => ({
      name: "line1", endpoint: sim!.endpointUrl, timeoutMs: 2000,
      options: { securityMode: "None", pki: join(dir, "client-pki") },
    }),
    points,
    requests: 1,
    kill: async () => { await sim!.close(); },
    restart: () => up(["urn:zero", "urn:one", "urn:two"]),
    stop: async () => { await sim?.close(); },
  });
  t.same(indexes, [3, 5], "urn:acme moved from index 3 to 5 across the restart");
});
