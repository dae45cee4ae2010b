// ESLint flat config: typescript-eslint with type-aware rules where they catch
// real bugs (floating promises, misused promises), and import-direction rules
// that hold the architecture of STYLE.md: arrows point one way.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const restrict = (message, ...groups) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }],
});
// ESLint replaces a rule set by a later block for the same file, so a file gets
// one no-restricted-imports: its area's groups, plus this one outside the adapters.
const NODE_OPCUA = { group: ["node-opcua*"], message: "only src/receiver/opcua, src/drivers/opcua and src/demo/sim import node-opcua (hide it behind one adapter)" };
const withOpcuaBan = (rules) => {
  const [level, opts] = rules["no-restricted-imports"];
  return { "no-restricted-imports": [level, { patterns: [...opts.patterns, NODE_OPCUA] }] };
};

const DRIVERS = restrict("drivers know nothing of config, the reader, the link or the receiver (each protocol module owns its options schema, built on src/core/schema.ts)", "**/config/*", "**/config/**", "**/link/*", "**/reader/*", "**/receiver/*", "**/policy/*", "**/cli/*", "**/demo/*", "**/demo/**", "prom-client", "fastify");
const RECEIVER = restrict("the receiver never imports drivers or reader code, and uses the link only through src/link/index.ts", "**/drivers/*", "**/drivers/**", "**/reader/*", "**/cli/*", "**/demo/*", "**/demo/**", "**/link/transport/**", "**/link/codec/**", "**/link/publisher.js", "**/link/replica.js");
// MQTT is the one receiver part that talks to a peer that can send: it must not be able
// to reach the link (or the store's writable side) at all, so nothing can flow back.
const MQTT = restrict("src/receiver/mqtt reads the store through TagStoreView only: it never imports the link, the store implementation, drivers or reader code, and opens no UDP socket", "**/drivers/*", "**/drivers/**", "**/reader/*", "**/cli/*", "**/demo/*", "**/demo/**", "**/link/*", "**/link/**", "**/link", "**/store.js", "**/policy/*", "node:dgram", "dgram");

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".tap/**", "coverage/**", "src/link/codec/generated/**", "src/receiver/mqtt/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "error",
    },
  },
  // Architecture: which folder may import which.
  { files: ["src/core/**/*.ts"], rules: restrict("src/core imports nothing of sluice", "../*") },
  // Config depends on core, and reaches protocols only through the registry: each
  // protocol module owns its option schema, endpoint rule and address grammar (no I/O at load).
  { files: ["src/config/**/*.ts"], rules: restrict("config depends only on core, and on protocols only through src/drivers/registry.ts", "**/link/*", "**/reader/*", "**/receiver/*", "**/drivers/*/**", "**/drivers/contract*", "**/policy/*", "**/cli/*", "**/demo/*", "**/demo/**", "node-opcua*", "prom-client") },
  { files: ["src/link/**/*.ts"], rules: restrict("the link imports nothing from reader, receiver, drivers or policy", "**/reader/*", "**/receiver/*", "**/drivers/*", "**/policy/*", "**/cli/*", "**/demo/*", "**/demo/**", "node-opcua*", "prom-client", "fastify") },
  { files: ["src/policy/**/*.ts"], rules: restrict("policy evaluation is pure: core and config only", "**/link/*", "**/reader/*", "**/receiver/*", "**/drivers/*", "**/cli/*", "**/demo/*", "**/demo/**", "node:dgram", "node:net") },
  { files: ["src/drivers/**/*.ts"], ignores: ["src/drivers/opcua/**"], rules: withOpcuaBan(DRIVERS) },
  { files: ["src/drivers/opcua/**/*.ts"], rules: DRIVERS },
  { files: ["src/reader/**/*.ts"], rules: restrict("the reader never imports receiver code, opens no server, and uses the link only through src/link/index.ts", "**/receiver/*", "**/receiver/**", "**/cli/*", "**/demo/*", "**/demo/**", "fastify", "prom-client", "**/link/transport/**", "**/link/codec/**", "**/link/publisher.js", "**/link/replica.js") },
  { files: ["src/receiver/**/*.ts"], ignores: ["src/receiver/opcua/**"], rules: withOpcuaBan(RECEIVER) },
  { files: ["src/receiver/opcua/**/*.ts"], rules: RECEIVER },
  // The simulators ship for the demo only, and speak each protocol with their own
  // encoders: a simulator built on the driver code it tests could not catch its bugs.
  { files: ["src/demo/sim/**/*.ts"], rules: restrict("simulators import no driver, config or runtime code: only core", "**/drivers/*", "**/drivers/**", "**/config/*", "**/link/*", "**/link/**", "**/reader/*", "**/receiver/*", "**/receiver/**", "**/policy/*", "**/cli/*", "prom-client", "fastify") },
  { files: ["src/receiver/mqtt/**/*.ts"], rules: withOpcuaBan(MQTT) },
  {
    files: ["test/**/*.ts", "scripts/**/*.{js,ts}", "test/**/*.js"],
    rules: { "no-console": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  { files: ["**/*.js", "**/*.cjs", "**/*.mjs"], ...tseslint.configs.disableTypeChecked, languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } } },
  // The status page's browser modules (ui/): browser globals, no Node.
  {
    files: ["ui/**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(["window", "document", "fetch", "URLSearchParams", "EventSource", "getComputedStyle", "setTimeout",
        "clearTimeout", "setInterval", "URL", "console"].map((g) => [g, "readonly"])),
    },
  },
);
