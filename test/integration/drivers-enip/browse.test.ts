/**
 * `sluice browse enip` against the simulator's Symbol and Template objects: every
 * tag of the simulator's list appears with its Logix type mapped to the tag type a
 * reader needs, arrays as their elements, the UDT as its member, the program's tags
 * in program scope, the STRING as a string; then the printed YAML, made into a
 * reader file, passes the reader's configuration check. Loopback 127.0.78.14 is this file's.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { browseEnip } from "../../../src/drivers/enip/browse.js";
import { formatBrowse } from "../../../src/cli/browse.js";
import { loadReaderConfig } from "../../../src/config/reader.js";
import { ENIP_SIM_MOVING, ENIP_SIM_TAGS, startEnipSim } from "../../../src/demo/sim/enip/index.js";
import { CIP_TAG_TYPE } from "../../fixtures/pipeline/plant.js";

const HOST = "127.0.78.14";
const sim = await startEnipSim({ host: HOST });
t.teardown(() => sim.close());

void t.test("every tag of the simulator's list is listed with its type", async (t) => {
  const tags = await browseEnip({ endpoint: HOST });
  const by = new Map(tags.map((x) => [x.address.toLowerCase(), x]));
  for (const e of ENIP_SIM_TAGS) {
    const got = by.get(e.name.toLowerCase());
    t.equal(got?.type, CIP_TAG_TYPE[e.type], `${e.name} (${e.type}) listed as ${got?.type ?? got?.skipped ?? "nothing"}`);
  }
  for (const name of Object.values(ENIP_SIM_MOVING)) t.ok(by.get(name.toLowerCase())?.type, `${name} (moving) listed`);
  t.notOk(tags.some((x) => x.address === "Motor"), "the UDT is listed as its members, not as a whole");
  t.notOk(tags.some((x) => x.address.startsWith("Program:Main") && !x.address.startsWith("Program:Main.")), "the program symbol itself is not a tag");
  const names = tags.filter((x) => !x.skipped).map((x) => x.name);
  t.equal(new Set(names).size, names.length, "tag names are unique");
});

void t.test("a new tag in the controller shows up; its listing is what a reader file accepts", async (t) => {
  sim.setTag("Program:Main.Level", "LREAL", 1.5);
  sim.setTag("Pump.Speed", "INT", 3);
  sim.setTag("Pump.On", "BOOL", true);
  const tags = await browseEnip({ endpoint: HOST });
  t.equal(tags.find((x) => x.address === "Program:Main.Level")?.type, "float64");
  t.equal(tags.find((x) => x.address === "Pump.Speed")?.type, "int16");
  t.equal(tags.find((x) => x.address === "Pump.On")?.type, "bool");
  const dir = mkdtempSync(join(tmpdir(), "sluice-enip-browse-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const yaml = formatBrowse(tags, `sluice browse enip ${HOST}`, { name: "logix", protocol: "enip", endpoint: HOST });
  t.match(yaml, /^# sluice browse enip 127\.0\.78\.14: \d+ tags/);
  const file = join(dir, "reader.yaml");
  writeFileSync(file, `link: { to: "127.0.0.1:47999", key: ./link.key }\npolicy: allow-all\nsources:\n${yaml}`);
  const cfg = loadReaderConfig(file);
  t.equal(cfg.tags.length, tags.filter((x) => !x.skipped).length, "every listed tag passes the reader's check");
  const entry = (parse(`sources:\n${yaml}`) as { sources: { name: string; tags: unknown[] }[] }).sources[0];
  t.equal(entry?.name, "logix", "the --source form is one entry to put under sources:");
});
