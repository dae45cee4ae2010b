/**
 * The demo's MQTT broker: aedes, in process, on loopback only (1883, or a free port when
 * that is taken). Demo only: a deployment publishes into the plant's own broker.
 */
import { createServer, type Server } from "node:net";
import { Aedes } from "aedes";

export interface DemoBroker {
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => { server.off("error", reject); resolve(); });
  });
  return (server.address() as { port: number }).port;
}

export async function startDemoBroker(): Promise<DemoBroker> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  let port: number;
  try {
    port = await listen(server, 1883);
  } catch {
    port = await listen(server, 0);
  }
  return {
    port,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await new Promise<void>((r) => broker.close(() => r()));
    },
  };
}
