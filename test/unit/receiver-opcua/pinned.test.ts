/**
 * The pinned-release check behind the receiver's run-time changes of node-opcua
 * (harvest.ts, value-path.ts): the installed release passes, another is refused with
 * both versions named, a package that cannot be read says so.
 */
import t from "tap";
import { createRequire } from "node:module";
import { notPinned } from "../../../src/receiver/opcua/pinned.js";

const installed = (createRequire(import.meta.url)("node-opcua-server/package.json") as { version: string }).version;

void t.test("the installed release is the pinned one; another is refused by name", async (t) => {
  t.equal(notPinned("node-opcua-server", installed), null);
  t.equal(notPinned("node-opcua-server", "0.0.1"), `node-opcua-server ${installed} is not 0.0.1`);
  t.equal(notPinned("node-opcua-no-such-package", installed), "node-opcua-no-such-package's version cannot be read");
});
