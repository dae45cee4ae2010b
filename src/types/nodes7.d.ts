/**
 * Typings for nodes7 0.3.18 (CommonJS `module.exports = NodeS7`), limited to
 * what src/drivers/s7 uses. The write API is deliberately left out: sluice has
 * no write path to PLCs (security invariant 3), so it is not even typed.
 * Internal fields are listed because the driver hardens the library through
 * them (see src/drivers/s7/connection.ts for why each one is touched).
 */
declare module "nodes7" {
  import type { Socket } from "node:net";

  namespace NodeS7 {
    interface ConnectionParams {
      host: string;
      port: number;
      rack?: number;
      slot?: number;
      localTSAP?: number;
      remoteTSAP?: number;
      /** ms; also used as nodes7's per-packet timeout */
      timeout?: number;
      doNotOptimize?: boolean;
      connection_name?: string;
    }
    /** One parsed item; `quality` is "OK" or "BAD nnn" after a read. */
    interface Item {
      addr: string;
      useraddr: string;
      value: unknown;
      quality: string | string[] | undefined;
      errCode: string | undefined;
      valid: boolean;
    }
    interface Block extends Item {
      itemReference: Item[];
      requestReference: Item[];
    }
    interface Packet {
      seqNum: number;
      itemList: Item[];
      sent: boolean;
      rcvd: boolean;
      timeout: NodeJS.Timeout | undefined;
    }
  }

  class NodeS7 {
    constructor(opts?: { silent?: boolean; debug?: boolean });
    initiateConnection(params: NodeS7.ConnectionParams, cb: (err?: unknown) => void): void;
    dropConnection(cb: () => void): void;
    addItems(items: string | string[]): void;
    removeItems(items?: string | string[]): void;
    readAllItems(cb: (anyBad: boolean, values: Record<string, unknown>) => void): void;
    findItem(useraddr: string): NodeS7.Item | undefined;
    prepareReadPacket(): void;
    addItemsNow(items: string | string[]): void;
    connectionCleanup(): void;
    onResponse(data: Buffer): void;
    onISOConnectReply(data: Buffer): void;
    onPDUReply(data: Buffer): void;
    packetTimeout(kind: string, seq?: number): void;
    connectNow(params: NodeS7.ConnectionParams): void;

    isoclient: Socket | undefined;
    /** 0 idle/broken, 1 TCP connecting, 2 TCP up, 3 ISO up, 4 PDU negotiated (ready) */
    isoConnectionState: number;
    requestMaxPDU: number;
    maxPDU: number;
    requestMaxParallel: number;
    maxParallel: number;
    readPacketArray: NodeS7.Packet[];
    globalReadBlockList: NodeS7.Block[];
    polledReadBlockList: NodeS7.Item[];
    readPacketValid: boolean;
    addRemoveArray: unknown[];
    reconnectTimer: NodeJS.Timeout | undefined;
    rereadTimer: NodeJS.Timeout | undefined;
    connectTimeout: NodeJS.Timeout | undefined;
    PDUTimeout: NodeJS.Timeout | undefined;
    resetTimeout: NodeJS.Timeout | undefined;
    dropConnectionTimer: NodeJS.Timeout | undefined;
    readDoneCallback: unknown;
    connectCallback: unknown;
  }

  export = NodeS7;
}
