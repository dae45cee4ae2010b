/** Link sections of the reader and receiver config files. Owned by src/link. */
import { Type } from "@sinclair/typebox";
import { HostPort, Strict } from "./common.js";

export const ReaderLink = Strict({
  to: HostPort("the receiver's UDP address"),
  key: Type.String({ minLength: 1, description: "link key file written by `sluice keygen`" }),
}, "the one-way link to the receiver");

export const ReceiverLink = Strict({
  listen: HostPort("UDP address to receive on"),
  key: Type.String({ minLength: 1, description: "link key file written by `sluice keygen`" }),
}, "the one-way link from the reader");
