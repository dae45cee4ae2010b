/**
 * The `sluice` command (README "Running it on a plant"). Parsing only: each command
 * lives in its own module. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or
 * bad configuration (SluiceError.exitCode decides).
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { SluiceError, errorMessage } from "../core/errors.js";
import { flattenRequires, isNodeOpcuaPackage } from "../core/flat-exports.js";
import { VERSION } from "../core/version.js";
import type { BrowseEnipCli, BrowseOpcuaCli } from "./browse.js";
// Commands are imported when they run: `sluice check` or `keygen` must not pay
// for (or print the start-up warnings of) node-opcua, fastify and the drivers.

const version = (): string => VERSION;

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return n;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new InvalidArgumentError("expected an integer 0..255");
  return n;
}

export function buildProgram(out: { code: number }): Command {
  const program = new Command("sluice")
    .description("One-way OT-to-DMZ data relay: PLCs -> authenticated UDP link -> read-only OPC UA, REST and Prometheus")
    .version(version(), "-V, --version")
    .showHelpAfterError()
    .exitOverride();
  program.command("reader").description("run the OT-side reader (polls PLCs, sends over the one-way link)")
    .requiredOption("-c, --config <file>", "reader configuration file (YAML)")
    .action(async (o: { config: string }) => { out.code = await (await import("./run.js")).cmdReader(o.config); });
  program.command("receiver").description("run the DMZ receiver (serves OPC UA, REST and /metrics; never sends toward OT)")
    .requiredOption("-c, --config <file>", "receiver configuration file (YAML)")
    .action(async (o: { config: string }) => { out.code = await (await import("./run.js")).cmdReceiver(o.config); });
  program.command("demo").description("simulated PLCs + reader + receiver on loopback; prints the URLs")
    .option("--duration <seconds>", "stop after this many seconds (default: until Ctrl-C)", seconds)
    .option("--verbose", "write the JSON logs to stderr instead of a log file")
    .action(async (o: { duration?: number; verbose?: boolean }) => { out.code = await (await import("./demo.js")).cmdDemo(o.duration, o.verbose === true); });
  program.command("keygen").description("write a new random 256-bit link key (mode 0600) and print its key id")
    .argument("<file>", "key file to create (never overwritten)")
    .action(async (file: string) => { out.code = (await import("./keygen.js")).cmdKeygen(file); });
  program.command("check").description("validate a reader, receiver or policy file (exit 0, or 2 naming the field); with --policy, audit which tags cross")
    .argument("<file>", "configuration or policy file")
    .option("--policy <policy>", "audit: print for every tag of the reader FILE whether it crosses this policy and which rule decided")
    .action(async (file: string, o: { policy?: string }) => { out.code = (await import("./check.js")).cmdCheck(file, o.policy); });
  const browse = program.command("browse").description("list what a device offers as reader tags (YAML to paste into a reader file); read-only services only");
  browse.command("opcua").description("browse an OPC UA server (Browse, BrowseNext, Read, TranslateBrowsePaths only)")
    .argument("<url>", "opc.tcp://host:port[/path]")
    .option("--root <nodeid>", "start here instead of the Objects folder (e.g. \"nsu=urn:acme;s=Line1\")")
    .option("--depth <n>", "levels below the root (default 10)", positiveInt)
    .option("--security-mode <mode>", "None, Sign or SignAndEncrypt (default SignAndEncrypt, as a reader source)")
    .option("--security-policy <policy>", "Basic256Sha256 (default), Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss")
    .option("--user <name>", "user name (else anonymous)")
    .option("--password-file <file>", "read the user's password from this file")
    .option("--password-stdin", "read the user's password from stdin")
    .option("--pki <dir>", "this client's PKI folder (default ./pki/opcua-client, as a reader source)")
    .option("--accept-unknown-certificate", "trust the server's certificate on first use (labs only)")
    .option("--timeout <seconds>", "per-request timeout (default 5)", seconds)
    .option("--source <name>", "print a whole `sources:` entry with this name instead of a `tags:` block")
    .action(async (url: string, o: BrowseOpcuaCli) => { out.code = await (await import("./browse.js")).cmdBrowseOpcua(url, o); });
  browse.command("enip").description("list a Logix controller's tags through the CIP Symbol and Template objects (read services only)")
    .argument("<host>", "host or host:44818")
    .option("--slot <n>", "backplane slot of the controller (default 0)", nonNegativeInt)
    .option("--timeout <seconds>", "per-request timeout (default 5)", seconds)
    .option("--source <name>", "print a whole `sources:` entry with this name instead of a `tags:` block")
    .action(async (host: string, o: BrowseEnipCli) => { out.code = await (await import("./browse.js")).cmdBrowseEnip(host, o); });
  program.command("hash-password").description("read a password on stdin and print the hash for an OPC UA or REST user entry (passwordHash)")
    .action(async () => { out.code = await (await import("./password.js")).cmdHashPassword(); });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // before any command loads node-opcua: its package indexes read as plain objects (core/flat-exports.ts)
  flattenRequires(isNodeOpcuaPackage);
  const out = { code: 0 };
  const program = buildProgram(out);
  try {
    await program.parseAsync(argv, { from: "user" });
    return out.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof SluiceError) {
      process.stderr.write(`sluice: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`sluice: ${errorMessage(e)}\n`);
    return 1;
  }
}
