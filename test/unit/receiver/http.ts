/** A tiny HTTP client for contract tests: any method, raw status, headers and body. */
import { request } from "node:http";

export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function http(base: string, method: string, path: string, body?: string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const r = request(`${base}${path}`, { method, headers: body ? { "content-type": "application/json" } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    r.on("error", reject);
    if (body) r.write(body);
    r.end();
  });
}
