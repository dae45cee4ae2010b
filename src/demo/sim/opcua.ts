/**
 * A simulated OPC UA line controller for `sluice demo` and the driver tests
 * (node-opcua server, about 2 s to start). Namespace urn:acme holds:
 *
 *   s=Line1.Temp     Double   20..25 degC, moving
 *   s=Line1.Speed    Double   m/min, moving
 *   s=Line1.Count    UInt32   +1 per second
 *   s=Line1.Running  Boolean
 *   s=Static.*       one variable per type with known values, status codes and
 *                    a fixed SourceTimestamp (OPCUA_SIM_STATIC), for tests
 *
 * `namespaces` registers extra namespace URIs before urn:acme, so a restart
 * with another list moves urn:acme to another index (as real servers do).
 * Security is explicit: None plus Sign/SignAndEncrypt with Basic256Sha256 and
 * the two Aes policies, anonymous allowed unless told otherwise, optional
 * users. Its PKI is its own (a temp dir unless `pki` is given); its
 * certificate names localhost and 127.0.0.1; it trusts any client
 * certificate (a simulator, not a pattern). Variables are read-only.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import type * as UA from "node-opcua";
import type { TagType, Value } from "../../core/model.js";
import { Status } from "../../core/status.js";
import { machineClock } from "./machine-clock.js";

export const OPCUA_SIM_NAMESPACE = "urn:acme";
const NSU = `nsu=${OPCUA_SIM_NAMESPACE};s=`;
/** The fixed SourceTimestamp of every static variable. */
export const OPCUA_SIM_STATIC_TIME = Date.UTC(2024, 0, 1, 12, 0, 0);

export interface OpcuaSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra namespace URIs registered before urn:acme, in this order. */
  namespaces?: string[];
  /** PKI folder kept across restarts (default: a temp dir removed by close()). */
  pki?: string;
  allowAnonymous?: boolean;
  users?: { user: string; password: string }[];
  /** Update period of the moving values, ms (default 500). */
  tickMs?: number;
}

export interface OpcuaSim {
  readonly endpointUrl: string;
  readonly port: number;
  /** the server's NamespaceArray */
  readonly namespaces: readonly string[];
  /** index of urn:acme in it */
  readonly acmeIndex: number;
  close(): Promise<void>;
}

export interface SimVariable {
  address: string;
  /** the tag type a config would give it */
  type: TagType;
  /** what sluice delivers (null where the status is Bad or the type cannot fit) */
  value: Value;
  status: number;
}

/** A static variable: what the sim holds (dataType, raw, serverStatus) and what sluice should deliver (type, value, status). */
interface StaticDef extends SimVariable {
  id: string;
  dataType: keyof typeof UA.DataType;
  raw: unknown;
  array?: boolean;
  serverStatus?: number;
}

const int64Words = (v: bigint): [number, number] => {
  const u = BigInt.asUintN(64, v);
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
};

const GOOD = Status.Good;
const STATIC: StaticDef[] = ([
  ["Static.Bool", "Boolean", true, "bool", true, GOOD],
  ["Static.Int16", "Int16", -1234, "int16", -1234, GOOD],
  ["Static.UInt16", "UInt16", 54321, "uint16", 54321, GOOD],
  ["Static.Int32", "Int32", -123456789, "int32", -123456789, GOOD],
  ["Static.UInt32", "UInt32", 3000000000, "uint32", 3000000000, GOOD],
  ["Static.Int64", "Int64", int64Words(-9007199254740993n), "int64", -9007199254740993n, GOOD],
  ["Static.UInt64", "UInt64", int64Words(18446744073709551000n), "uint64", 18446744073709551000n, GOOD],
  ["Static.Float", "Float", 3.25, "float32", 3.25, GOOD],
  ["Static.Double", "Double", -1234.5, "float64", -1234.5, GOOD],
  ["Static.String", "String", "SLUICE1", "string", "SLUICE1", GOOD],
  ["Static.Text", "LocalizedText", { text: "Linie 1", locale: "de" }, "string", "Linie 1", GOOD],
  ["Static.Byte", "Byte", 200, "int32", 200, GOOD],
  // the server's own status codes pass through
  ["Static.Uncertain", "Double", 42.5, "float64", 42.5, Status.UncertainLastUsableValue, Status.UncertainLastUsableValue],
  ["Static.Bad", "Double", 0, "float64", null, 0x808c0000 /* BadSensorFailure */, 0x808c0000],
  // Good at the server, but no fit for the tag type: the driver flags them
  ["Static.Array", "Double", [1, 2, 3], "float64", null, Status.BadTypeMismatch, undefined, true],
  ["Static.TooBig", "Int32", 70000, "int16", null, Status.BadTypeMismatch],
] as const).map(([id, dataType, raw, type, value, status, serverStatus, array]): StaticDef => ({
  id, dataType, raw, type, value, status, address: `${NSU}${id}`,
  ...(serverStatus === undefined ? {} : { serverStatus }), ...(array ? { array } : {}),
}));

/** Every static variable with the type a tag would give it and the value and status sluice should deliver. */
export const OPCUA_SIM_STATIC: readonly SimVariable[] = STATIC.map(({ address, type, value, status }) => ({ address, type, value, status }));

export async function startOpcuaSim(opts: OpcuaSimOptions = {}): Promise<OpcuaSim> {
  const ua = await import("node-opcua");
  const ownPki = opts.pki === undefined;
  const pki = opts.pki ?? mkdtempSync(join(tmpdir(), "sluice-opcua-sim-"));
  const applicationUri = "urn:sluice:opcua-sim";
  const cm = new ua.OPCUACertificateManager({ rootFolder: join(pki, "server"), automaticallyAcceptUnknownCertificate: true, keySize: 2048 });
  const userCm = new ua.OPCUACertificateManager({ rootFolder: join(pki, "users"), automaticallyAcceptUnknownCertificate: false });
  await cm.initialize();
  await userCm.initialize();
  const certificateFile = join(pki, "server", "own", "certs", "sim.pem");
  if (!existsSync(certificateFile)) {
    await cm.createSelfSignedCertificate({
      applicationUri, dns: [...new Set(["localhost", hostname()])], ip: ["127.0.0.1"],
      subject: "/CN=sluice OPC UA simulator/O=sluice", startDate: new Date(Date.now() - 86_400_000), validity: 365, outputFile: certificateFile,
    });
  }
  const users = opts.users ?? [];
  const { SecurityPolicy: P, MessageSecurityMode: M } = ua;
  const server = new ua.OPCUAServer({
    port: opts.port ?? 0, host: "127.0.0.1", hostname: "127.0.0.1",
    securityPolicies: [P.None, P.Basic256Sha256, P.Aes128_Sha256_RsaOaep, P.Aes256_Sha256_RsaPss],
    securityModes: [M.None, M.Sign, M.SignAndEncrypt],
    allowAnonymous: opts.allowAnonymous ?? true,
    userManager: { isValidUser: (u: string, p: string) => users.some((x) => x.user === u && x.password === p) },
    serverCertificateManager: cm, userCertificateManager: userCm,
    certificateFile, privateKeyFile: cm.privateKey,
    serverInfo: { applicationUri, productUri: "urn:sluice:sim", applicationName: { text: "sluice OPC UA simulator", locale: "en" } },
    registerServerMethod: ua.RegisterServerMethod.HIDDEN,
  });
  await server.initialize();
  const space = server.engine.addressSpace!;
  for (const uri of opts.namespaces ?? []) space.registerNamespace(uri);
  const ns = space.registerNamespace(OPCUA_SIM_NAMESPACE);

  const readOnly = { accessLevel: "CurrentRead", userAccessLevel: "CurrentRead", minimumSamplingInterval: 100 } as const;
  const variable = (parent: UA.UAObject, id: string, dataType: string, valueRank = -1) =>
    ns.addVariable({ componentOf: parent, browseName: id.split(".")[1]!, nodeId: `s=${id}`, dataType, valueRank, ...readOnly });
  const line1 = ns.addObject({ organizedBy: space.rootFolder.objects, browseName: "Line1", nodeId: "s=Line1" });
  const stat = ns.addObject({ organizedBy: space.rootFolder.objects, browseName: "Static", nodeId: "s=Static" });
  for (const d of STATIC) {
    const v = variable(stat, d.id, d.dataType, d.array ? 1 : -1);
    const variant = new ua.Variant({ dataType: ua.DataType[d.dataType], arrayType: d.array ? ua.VariantArrayType.Array : ua.VariantArrayType.Scalar, value: d.raw });
    v.setValueFromSource(variant, ua.coerceStatusCode(d.serverStatus ?? Status.Good), new Date(OPCUA_SIM_STATIC_TIME));
  }
  const temp = variable(line1, "Line1.Temp", "Double");
  const speed = variable(line1, "Line1.Speed", "Double");
  const count = variable(line1, "Line1.Count", "UInt32");
  const running = variable(line1, "Line1.Running", "Boolean");

  const clock = machineClock();
  const tick = () => {
    const now = Date.now();
    const { t, running: on, runningSeconds } = clock(now);
    const set = (v: UA.UAVariable, dataType: UA.DataType, value: unknown) => v.setValueFromSource(new ua.Variant({ dataType, value }), ua.StatusCodes.Good, new Date(now));
    set(temp, ua.DataType.Double, Math.round((22.5 + 2.5 * Math.sin((2 * Math.PI * t) / 60)) * 100) / 100);
    set(speed, ua.DataType.Double, on ? Math.round((120 + 5 * Math.sin((2 * Math.PI * t) / 13)) * 10) / 10 : 0);
    set(count, ua.DataType.UInt32, runningSeconds % 2 ** 32);
    set(running, ua.DataType.Boolean, on);
  };
  tick();
  const timer = setInterval(tick, opts.tickMs ?? 500);
  timer.unref();

  await server.start();
  const port = server.endpoints[0]!.port; // the port bound, when asked for 0
  const namespaces = space.getNamespaceArray().map((n) => n.namespaceUri);
  let closing: Promise<void> | undefined;
  return {
    endpointUrl: `opc.tcp://127.0.0.1:${port}`,
    port,
    namespaces,
    acmeIndex: ns.index,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        await server.shutdown(0);
        await cm.dispose();
        await userCm.dispose();
        if (ownPki) rmSync(pki, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
