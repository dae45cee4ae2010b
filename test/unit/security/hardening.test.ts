/**
 * The host layer beneath the code (deploy/), checked for the properties SECURITY.md
 * relies on, in addition to test/unit/deploy/deploy.test.ts (which runs nft -c,
 * systemd-analyze verify and checks the receiver's output drop and the unit options):
 *
 *   reader host:   input policy drop; everything arriving on the diode interface dropped and counted;
 *                  output only to the PLC ports and the receiver's UDP port
 *   receiver host: output policy drop; on the diode interface nothing leaves (counted);
 *                  input on the diode interface only UDP from the reader to the link port
 *   both:          forward policy drop; units deny every address but the listed ones, OT ranges absent
 *                  from the receiver's allow-list; the reader may bind nothing, the receiver only its 3 ports
 */
import t from "tap";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../deploy/", import.meta.url));
const read = (f: string) => readFileSync(`${root}${f}`, "utf8").replace(/#.*$/gm, "");
/** The body of one nft chain, nested braces (sets) included. */
function chain(text: string, name: string): string {
  const start = text.indexOf(`chain ${name} {`);
  if (start < 0) return "";
  let depth = 0;
  for (let i = text.indexOf("{", start); i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  return "";
}

void t.test("reader host firewall: nothing in from the DMZ side, out only to PLC ports and the receiver", async (t) => {
  const nft = read("nftables/reader.nft");
  const input = chain(nft, "input");
  const output = chain(nft, "output");
  t.match(input, /policy drop;/, "input policy drop");
  t.match(input, /iifname "diode0" counter name from_dmz drop/, "everything arriving on the diode interface is dropped and counted");
  t.notMatch(input, /iifname "diode0"[^\n]*accept/, "and nothing on it is accepted");
  t.match(output, /policy drop;/, "output policy drop");
  t.same(output.match(/oifname "diode0"[^\n]*/g), ['oifname "diode0" ip daddr 192.168.50.2 udp dport 47100 counter name to_receiver accept'], "toward the diode: UDP to the receiver's link port only");
  t.match(chain(nft, "forward"), /policy drop;/, "no forwarding");
});

void t.test("receiver host firewall: nothing out toward OT, only the reader's datagrams in from the diode", async (t) => {
  const nft = read("nftables/receiver.nft");
  const input = chain(nft, "input");
  const output = chain(nft, "output");
  t.match(output, /policy drop;/, "output policy drop");
  t.match(output, /oifname "diode0" counter name to_ot drop/, "nothing leaves on the diode interface (counted)");
  t.notMatch(output, /oifname "diode0"[^\n]*accept/, "nothing on it is accepted");
  t.same(input.match(/iifname "diode0"[^\n]*/g), [
    'iifname "diode0" ip saddr 192.168.50.1 udp dport 47100 counter name link_in accept',
    'iifname "diode0" counter name diode_other drop',
  ], "from the diode: the reader's UDP to the link port, the rest dropped and counted");
  t.match(chain(nft, "forward"), /policy drop;/, "no forwarding");
});

void t.test("systemd units: addresses denied by default, no OT range on the receiver, binds limited", async (t) => {
  const reader = read("systemd/sluice-reader.service");
  const receiver = read("systemd/sluice-receiver.service");
  for (const [name, unit] of [["reader", reader], ["receiver", receiver]] as const) {
    t.match(unit, /^IPAddressDeny=any$/m, `${name}: IPAddressDeny=any`);
    t.match(unit, /^SocketBindDeny=any$/m, `${name}: SocketBindDeny=any`);
    t.match(unit, /^UMask=0077$/m, `${name}: files it creates are private`);
    t.match(unit, /^ReadOnlyPaths=\/etc\/sluice$/m, `${name}: configuration and keys read-only`);
  }
  t.notMatch(receiver, /^IPAddressAllow=10\./m, "the receiver's allow-list has no OT (10.x) range");
  t.same(receiver.match(/^SocketBindAllow=.*$/gm), ["SocketBindAllow=udp:47100", "SocketBindAllow=tcp:4840", "SocketBindAllow=tcp:8443"], "the receiver binds only the link, OPC UA and HTTPS (REST, page, metrics) ports");
  t.notMatch(reader, /^SocketBindAllow=/m, "the reader binds no port");
});
