/**
 * Secure by default: the server as configured with only users and a trusted
 * client certificate offers SignAndEncrypt endpoints only, refuses anonymous and
 * wrong passwords, accepts the right one, and refuses untrusted client
 * certificates (which land in pki/rejected). The client trusts the server's
 * generated certificate; the server trusts the client's through `trustedClients`.
 */
import t from "tap";
import { X509Certificate } from "node:crypto";
import { readFileSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import {
  AttributeIds, MessageSecurityMode, OPCUACertificateManager, SecurityPolicy, UserTokenPolicy, UserTokenType, type OPCUAClient,
} from "node-opcua";
import { isSluiceError } from "../../../src/core/errors.js";
import { hashPassword } from "../../../src/receiver/opcua/index.js";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { makeClient, memoryLogger, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const dir = tempDir(t);
const store = new UaTestStore(0);
store.define([{ alias: 0, path: "press1/temperature", type: "float64" }], true);
store.set([{ path: "press1/temperature", value: 42.5 }], true);

// the client's own PKI and certificate, made before the server starts so the server can be told to trust it
const clientPki = join(dir, "client-pki");
const clientCm = new OPCUACertificateManager({ rootFolder: clientPki, automaticallyAcceptUnknownCertificate: false });
await clientCm.initialize();
const clientCert = join(clientPki, "own", "certs", "client.pem");
const CLIENT_URI = "urn:sluice:test-client";
await clientCm.createSelfSignedCertificate({
  applicationUri: CLIENT_URI, dns: ["localhost"], ip: ["127.0.0.1"], subject: "/CN=sluice test client",
  startDate: new Date(Date.now() - 86_400_000), validity: 30, outputFile: clientCert,
});

const logs = memoryLogger();
const server = await startServer(t, store, dir, {
  users: [{ name: "historian", passwordHash: hashPassword("correct horse battery") }],
  trustedClients: ["client-pki/own/certs/client.pem"],
}, logs.logger);
// the client trusts the server's generated certificate
const serverCert = new X509Certificate(readFileSync(join(dir, "pki", "own", "certs", "sluice_server.pem")));
await clientCm.trustCertificate(serverCert.raw);

function secureClient(): OPCUAClient {
  const c = makeClient(clientPki, {
    securityMode: MessageSecurityMode.SignAndEncrypt,
    securityPolicy: SecurityPolicy.Basic256Sha256,
    applicationUri: CLIENT_URI,
    certificateFile: clientCert,
    privateKeyFile: clientCm.privateKey,
  });
  return c;
}

const client = secureClient();
await client.connect(server.endpointUrl);
t.teardown(() => client.disconnect());

void t.test("the generated server certificate names this server", async (t) => {
  const san = serverCert.subjectAltName ?? "";
  t.match(san, /URI:urn:[^,]+:sluice:receiver/);
  t.match(san, /DNS:localhost/);
  t.match(san, /IP Address:127\.0\.0\.1/);
});

void t.test("only SignAndEncrypt endpoints with strong policies, no anonymous token", async (t) => {
  const eps = await client.getEndpoints();
  t.ok(eps.length > 0);
  const policies = new Set<string>();
  for (const ep of eps) {
    t.equal(ep.securityMode, MessageSecurityMode.SignAndEncrypt, `${ep.securityPolicyUri} is SignAndEncrypt`);
    policies.add(String(ep.securityPolicyUri).split("#")[1] ?? "");
    const tokens = (ep.userIdentityTokens ?? []).map((u) => u.tokenType);
    t.notOk(tokens.includes(UserTokenType.Anonymous), "no anonymous token policy");
    t.ok(tokens.includes(UserTokenType.UserName), "username tokens");
  }
  t.same([...policies].sort(), ["Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss", "Basic256Sha256"]);
});

/**
 * node-opcua's client refuses, on its own side, to send a token or open a session
 * the server does not advertise. To prove the SERVER refuses them, the tests edit
 * the endpoint list the client received (a private field) so the request is sent.
 */
type EndpointList = Array<{ securityMode: MessageSecurityMode; securityPolicyUri: string; userIdentityTokens: unknown[] | null }>;
function forgeEndpoints(c: OPCUAClient, edit: (eps: EndpointList) => void): void {
  edit((c as unknown as { _serverEndpoints: EndpointList })._serverEndpoints);
}

void t.test("anonymous, unknown users and wrong passwords are refused by the server", async (t) => {
  const liar = secureClient();
  await liar.connect(server.endpointUrl);
  t.teardown(() => liar.disconnect());
  forgeEndpoints(liar, (eps) => {
    for (const ep of eps) ep.userIdentityTokens = [new UserTokenPolicy({ policyId: "anonymous", tokenType: UserTokenType.Anonymous })];
  });
  const anon = await liar.createSession().then((s) => s.close().then(() => "accepted"), (e: Error) => e.message);
  t.match(anon, /Bad(IdentityTokenInvalid|IdentityTokenRejected|UserAccessDenied)/, "an anonymous token sent anyway is refused");
  const wrong = await client.createSession({ type: UserTokenType.UserName, userName: "historian", password: "correct horse batterY" })
    .then((s) => s.close().then(() => "accepted"), (e: Error) => e.message);
  t.match(wrong, /BadUserAccessDenied/, "wrong password refused");
  const unknown = await client.createSession({ type: UserTokenType.UserName, userName: "root", password: "correct horse battery" })
    .then((s) => s.close().then(() => "accepted"), (e: Error) => e.message);
  t.match(unknown, /BadUserAccessDenied/, "unknown user refused");
});

void t.test("the right password over SignAndEncrypt reads tags", async (t) => {
  const session = await client.createSession({ type: UserTokenType.UserName, userName: "historian", password: "correct horse battery" });
  t.teardown(() => session.close());
  const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
  const dv = await session.read({ nodeId: `ns=${ns};s=press1/temperature`, attributeId: AttributeIds.Value });
  t.equal(dv.statusCode.name, "Good");
  t.equal(dv.value.value, 42.5);
  const [access, userAccess, historizing] = await session.read([AttributeIds.AccessLevel, AttributeIds.UserAccessLevel, AttributeIds.Historizing]
    .map((attributeId) => ({ nodeId: `ns=${ns};s=press1/temperature`, attributeId })));
  t.same([access?.value.value, userAccess?.value.value, historizing?.value.value], [1, 1, false], "history off: CurrentRead only");
  const w = await session.write({ nodeId: `ns=${ns};s=press1/temperature`, attributeId: AttributeIds.Value, value: { value: { dataType: "Double", value: 1 } } })
    .then((s) => s.name, (e: Error) => e.message);
  t.match(w, /BadUserAccessDenied/, "an authenticated user cannot write either");
});

void t.test("a session over an unsecured channel is refused by the server", async (t) => {
  const plain = makeClient(join(dir, "plain-pki"));
  t.teardown(() => plain.disconnect());
  await plain.connect(server.endpointUrl); // a None channel is allowed: discovery (GetEndpoints) must work
  forgeEndpoints(plain, (eps) => {
    const first = eps[0];
    if (first) eps.push({ ...first, securityMode: MessageSecurityMode.None, securityPolicyUri: SecurityPolicy.None } as never);
  });
  const r = await plain.createSession({ type: UserTokenType.UserName, userName: "historian", password: "correct horse battery" })
    .then((s) => s.close().then(() => "accepted"), (e: Error) => e.message);
  t.match(r, /Bad/, "CreateSession/ActivateSession over security None is refused");
});

void t.test("an untrusted client certificate is refused, lands in pki/rejected, and is trusted by moving it to pki/trusted/certs", async (t) => {
  const strangerPki = join(dir, "stranger-pki");
  const strangerCm = new OPCUACertificateManager({ rootFolder: strangerPki, automaticallyAcceptUnknownCertificate: false });
  await strangerCm.initialize();
  await strangerCm.trustCertificate(serverCert.raw);
  t.teardown(() => strangerCm.dispose());
  const attempt = async (): Promise<string> => {
    const stranger = makeClient(strangerPki, {
      securityMode: MessageSecurityMode.SignAndEncrypt, securityPolicy: SecurityPolicy.Basic256Sha256, clientCertificateManager: strangerCm,
    });
    const r = await stranger.connect(server.endpointUrl)
      .then(() => stranger.createSession({ type: UserTokenType.UserName, userName: "historian", password: "correct horse battery" }))
      .then((s) => s.close().then(() => "accepted"), (e: Error) => e.message);
    await stranger.disconnect();
    return r;
  };
  t.not(await attempt(), "accepted", "refused while unknown");
  const rejectedDir = join(dir, "pki", "rejected");
  const rejected = readdirSync(rejectedDir).filter((f) => f.includes("sluice-test-client"));
  t.equal(rejected.length, 1, `the stranger's certificate is in pki/rejected (${rejected.join(",")})`);
  // the documented way to trust a client: move its certificate from rejected/ to trusted/certs/, no restart
  renameSync(join(rejectedDir, rejected[0] ?? ""), join(dir, "pki", "trusted", "certs", rejected[0] ?? ""));
  t.equal(await waitFor(async () => (await attempt()) === "accepted", 20_000, 500), true, "accepted once moved to trusted/certs");
});

void t.test("refusals are logged through our logger, and no password ever is", async (t) => {
  const all = logs.lines.join("\n");
  t.ok(logs.lines.some((l) => l.includes('"lib":"node-opcua"')), "node-opcua's own warnings are routed into the logger");
  t.ok(logs.lines.some((l) => l.includes("login refused") && l.includes('"user":"root"')), "a refused login names the user");
  t.notOk(all.includes("correct horse"), "no password (right or wrong) in any log line");
  t.notOk(all.includes("scrypt$"), "no password hash in any log line");
});

void t.test("start failures are reported and leave nothing running", async (t) => {
  const port = Number(new URL(server.endpointUrl).port);
  const taken = await startServer(t, store, dir, { port, users: [] }).then(() => "started", (e: Error) => e.message);
  t.match(taken, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`), "port in use");
  const missing = await startServer(t, store, dir, { trustedClients: ["nope.pem"] }).then(() => "started", (e: Error) => e);
  t.ok(isSluiceError(missing, "SLUICE_ERR_CONFIG") && /nope\.pem/.test(missing.message), "an unreadable trusted client certificate is a configuration error");
  const half = await startServer(t, store, dir, { certificate: "cert.pem" }).then(() => "started", (e: Error) => e);
  t.ok(isSluiceError(half, "SLUICE_ERR_CONFIG") && /together/.test(half.message), "certificate without privateKey");
});
