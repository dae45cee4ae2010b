/**
 * sluice's own version (package.json) and build date (when this module was compiled:
 * the mtime of dist/core/version.js, or of the source when run from src/), for
 * `sluice --version` and the OPC UA server's BuildInfo.
 */
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PRODUCT_URI = "urn:sluice";

export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export const BUILD_DATE: Date = statSync(fileURLToPath(import.meta.url)).mtime;
