/** `sluice hash-password`: hash for `opcua.users[].passwordHash` and `rest.users[].passwordHash`; the password is read from stdin, never from argv (argv shows in ps). */
import { hashPassword } from "../receiver/opcua/index.js";
import { SluiceError } from "../core/errors.js";

export async function cmdHashPassword(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const pw = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (pw.length < 8) throw new SluiceError("SLUICE_ERR_USAGE", "password must be at least 8 characters (given on stdin)");
  process.stdout.write(`${hashPassword(pw)}\n`);
  return 0;
}
