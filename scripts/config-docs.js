// Writes the configuration reference (generated from the schemas in src/config)
// into README.md between its markers. Run after `npm run build`: npm run docs.
import { readFileSync, writeFileSync } from "node:fs";
import { configReference } from "../dist/config/reference.js";
import { withReference } from "../dist/config/docs.js";

const readme = readFileSync("README.md", "utf8");
writeFileSync("README.md", withReference(readme, configReference()));
console.log("README.md: configuration reference updated");
