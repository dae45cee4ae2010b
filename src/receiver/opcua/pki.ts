/**
 * The server's own PKI (never node-opcua's shared default under $HOME):
 *
 *   PKI/own/private/private_key.pem     server key (created on first start)
 *   PKI/own/certs/sluice_server.pem     generated server certificate, SAN = application URI,
 *                                       advertised host name, this host's names, localhost, 127.0.0.1
 *   PKI/trusted/certs/                  client certificates allowed to connect
 *   PKI/rejected/                       unknown client certificates land here; move one into
 *                                       trusted/certs to trust it (picked up without a restart)
 *   PKI/users/                          trust list for X.509 user tokens (empty: none accepted)
 *
 * Unknown client certificates are always rejected (no auto-accept). A configured
 * certificate/privateKey pair replaces the generated one.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { hostname as osHostname } from "node:os";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { OPCUACertificateManager, extractFullyQualifiedDomainName, getFullyQualifiedDomainName, getIpAddresses } from "node-opcua";
import { SluiceError } from "../../core/errors.js";
import type { Logger } from "../../core/log.js";

export interface PkiOptions {
  baseDir: string;
  pki: string;
  certificate?: string | undefined;
  privateKey?: string | undefined;
  trustedClients: readonly string[];
  applicationUri: string;
  /** the advertised host name (goes into the generated certificate) */
  hostname: string;
  logger: Logger;
}

export interface Pki {
  server: OPCUACertificateManager;
  user: OPCUACertificateManager;
  certificateFile: string;
  privateKeyFile: string;
}

/** DER bytes of a PEM or DER certificate file. */
export function certificateDer(file: string): Buffer {
  try {
    return new X509Certificate(readFileSync(file)).raw;
  } catch (e) {
    throw new SluiceError("SLUICE_ERR_CONFIG", `opcua: cannot read certificate ${file}: ${(e as Error).message}`);
  }
}

/** Which names and addresses the generated certificate must carry. */
export function subjectAltNames(hostname: string): { dns: string[]; ip: string[] } {
  const names = [hostname, osHostname(), getFullyQualifiedDomainName(), "localhost"];
  const dns = [...new Set(names.filter((n) => n && isIP(n) === 0))].sort();
  const ip = [...new Set([...names.filter((n) => isIP(n) !== 0), "127.0.0.1", ...getIpAddresses()])].sort();
  return { dns, ip };
}

/**
 * Does this certificate carry the URI and the names clients are told to use
 * (advertised host name, localhost, 127.0.0.1)? Detected addresses are left
 * out of the check, so a DHCP change does not force clients to re-trust.
 */
function coversRequired(certFile: string, uri: string, hostname: string): boolean {
  try {
    const c = new X509Certificate(readFileSync(certFile));
    const have = new Set((c.subjectAltName ?? "").split(/,\s*/));
    const host = isIP(hostname) === 0 ? `DNS:${hostname}` : `IP Address:${hostname}`;
    const want = [`URI:${uri}`, host, "DNS:localhost", "IP Address:127.0.0.1"];
    return want.every((w) => have.has(w)) && new Date(c.validTo).getTime() > Date.now() + 86_400_000;
  } catch {
    return false;
  }
}

export async function preparePki(o: PkiOptions): Promise<Pki> {
  if ((o.certificate === undefined) !== (o.privateKey === undefined)) {
    throw new SluiceError("SLUICE_ERR_CONFIG", "opcua: certificate and privateKey must be given together");
  }
  const root = resolve(o.baseDir, o.pki);
  const server = new OPCUACertificateManager({ rootFolder: root, automaticallyAcceptUnknownCertificate: false, keySize: 2048 });
  const user = new OPCUACertificateManager({ rootFolder: join(root, "users"), automaticallyAcceptUnknownCertificate: false });
  try {
    await server.initialize();
    await user.initialize();
    return await certificates(o, root, server, user);
  } catch (e) {
    // their folder watchers would otherwise keep the process alive
    await Promise.all([server.dispose(), user.dispose()]).catch(() => undefined);
    throw e;
  }
}

/** The server certificate (configured or generated) and the configured trusted client certificates. */
async function certificates(o: PkiOptions, root: string, server: OPCUACertificateManager, user: OPCUACertificateManager): Promise<Pki> {
  let certificateFile: string;
  let privateKeyFile: string;
  if (o.certificate !== undefined && o.privateKey !== undefined) {
    certificateFile = resolve(o.baseDir, o.certificate);
    privateKeyFile = resolve(o.baseDir, o.privateKey);
    certificateDer(certificateFile);
    if (!existsSync(privateKeyFile)) throw new SluiceError("SLUICE_ERR_CONFIG", `opcua: privateKey ${privateKeyFile} does not exist`);
  } else {
    certificateFile = join(root, "own", "certs", "sluice_server.pem");
    privateKeyFile = server.privateKey;
    await extractFullyQualifiedDomainName();
    const san = subjectAltNames(o.hostname);
    if (!coversRequired(certificateFile, o.applicationUri, o.hostname)) {
      if (existsSync(certificateFile)) o.logger.warn({ certificateFile }, "regenerating the OPC UA server certificate (names or application URI changed, or expiring): clients must trust the new one");
      await server.createSelfSignedCertificate({
        applicationUri: o.applicationUri,
        dns: san.dns,
        ip: san.ip,
        subject: `/CN=sluice receiver@${osHostname()}/O=sluice`,
        startDate: new Date(Date.now() - 86_400_000),
        validity: 365 * 5,
        outputFile: certificateFile,
      });
      o.logger.info({ certificateFile, ...san, applicationUri: o.applicationUri }, "generated OPC UA server certificate");
    }
  }
  for (const file of o.trustedClients) await server.trustCertificate(certificateDer(resolve(o.baseDir, file)));
  return { server, user, certificateFile, privateKeyFile };
}
