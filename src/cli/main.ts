/**
 * The `sluice` command (README "Running it on a plant"). Parsing only: each command
 * lives in its own module. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or
 * bad configuration (SluiceError.exitCode decides).
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { SluiceError, errorMessage } from "../core/errors.js";
import { VERSION } from "../core/version.js";
// Commands are imported when they run: `sluice check` or `keygen` must not pay
// for (or print the start-up warnings of) node-opcua, fastify and the drivers.

const version = (): string => VERSION;

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
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
  program.command("hash-password").description("read a password on stdin and print the hash for an OPC UA or REST user entry (passwordHash)")
    .action(async () => { out.code = await (await import("./password.js")).cmdHashPassword(); });
  return program;
}

export async function main(argv: string[]): Promise<number> {
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
