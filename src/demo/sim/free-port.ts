/**
 * A free TCP port on a host, for simulators whose server library cannot
 * bind port 0 itself (modbus-serial's ServerTCP treats 0 as "use 502";
 * snap7 needs the port set before it starts): bind 0, read the port, release.
 * Another process may take it in between; callers that care retry.
 */
import { createServer } from "node:net";

export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, host, () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}
