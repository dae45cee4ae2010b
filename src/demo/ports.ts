/** Prefer the well-known demo ports so URLs are easy to type; fall back to an ephemeral one when taken. */
import { createServer } from "node:net";
import { createSocket } from "node:dgram";

export function tcpPort(preferred: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(0));
    s.listen(preferred, host, () => s.close(() => resolve(preferred)));
  });
}

/** A free UDP port (the preferred one if it is free). */
export function udpPort(preferred: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const tryBind = (port: number) => {
      const s = createSocket("udp4");
      s.once("error", () => { s.close(); if (port !== 0) tryBind(0); else reject(new Error("no free UDP port")); });
      s.bind(port, host, () => { const p = s.address().port; s.close(() => resolve(p)); });
    };
    tryBind(preferred);
  });
}
