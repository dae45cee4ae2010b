/**
 * Typings for ethernet-ip 1.2.5 (CommonJS), limited to the protocol encoders
 * and decoders src/drivers/enip uses. The library's Controller socket class is
 * not typed on purpose: the driver runs its own socket (see
 * src/drivers/enip/session.ts for the traps that made that necessary), and no
 * write service is typed at all (security invariant 3: no write path).
 */
declare module "ethernet-ip" {
  namespace EthernetIp {
    interface MessageRouterReply {
      service: number;
      generalStatusCode: number;
      extendedStatusLength: number;
      extendedStatus: number[];
      data: Buffer;
    }
    interface EncapsulationHeader {
      commandCode: number;
      command: string | null;
      length: number;
      session: number;
      statusCode: number;
      status: string;
      options: number;
      data: Buffer;
    }
    interface CpfItem { TypeID: number; data: Buffer }

    class Tag {
      constructor(tagname: string, program?: string | null, datatype?: number | null);
      static isValidTagname(tagname: string): boolean;
      readonly name: string;
      /** padded EPATH of the tag (symbolic 0x91 and element 0x28/0x29/0x2A segments) */
      readonly path: Buffer;
      /** bit number when the name ends in `.N`, else null */
      readonly bitIndex: number | null;
      readonly instance_id: string;
      /** a Read Tag (0x4C) message router request for one element */
      generateReadMessageRequest(size?: number | null): Buffer;
    }

    /** Typed for the benchmark's comparison only: the driver packs its own Multiple Service Packets (see drivers/enip/cip.ts). */
    class TagGroup {
      add(tag: Tag): void;
      generateReadMessageRequests(): { data: Buffer; tag_ids: string[] }[];
    }

    const EthernetIP: {
      encapsulation: {
        commands: Record<"RegisterSession" | "UnregisterSession" | "SendRRData" | "SendUnitData" | "ListIdentity", number>;
        registerSession(): Buffer;
        unregisterSession(session: number): Buffer;
        sendRRData(session: number, data: Buffer, timeout?: number): Buffer;
        header: { parse(buf: Buffer): EthernetIp.EncapsulationHeader; build(cmd: number, session?: number, data?: Buffer): Buffer };
        CPF: { parse(buf: Buffer): EthernetIp.CpfItem[]; build(items: EthernetIp.CpfItem[]): Buffer; ItemIDs: Record<string, number> };
      };
      CIP: {
        MessageRouter: {
          build(service: number, path: Buffer, data: Buffer | number[]): Buffer;
          parse(buf: Buffer): EthernetIp.MessageRouterReply;
          services: Record<string, number>;
        };
        UnconnectedSend: { build(request: Buffer, routePath: Buffer, timeoutMs?: number): Buffer };
        DataTypes: { Types: Record<string, number> };
        EPATH: {
          segments: {
            PORT: { build(port: number, link: number | string): Buffer };
            LOGICAL: { build(type: number, address: number, padded?: boolean): Buffer; types: Record<string, number> };
            DATA: { build(data: string | Buffer, ansi?: boolean): Buffer };
          };
        };
      };
    };
  }

  export = EthernetIp;
}
