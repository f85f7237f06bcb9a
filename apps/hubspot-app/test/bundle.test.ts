// The card and settings bundles: self-contained ES modules that import only what HubSpot installs
// (react, @hubspot/ui-extensions), committed, and equal to a fresh build of @otpkit/crm-card.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bundleExtension,
  extensionFiles,
  isHostImport,
  moduleImports,
} from "../scripts/bundle-extensions.js";
import { APP_DIR, EXTENSION_BUNDLES } from "../scripts/project-paths.js";

const FIXTURE = "test/fixtures/extension/card.tsx";

describe("moduleImports", () => {
  it("reads every kind of import a module can keep", () => {
    const code = [
      'import { jsx } from "react/jsx-runtime";',
      "import {\n  Text,\n  hubspot\n} from '@hubspot/ui-extensions';",
      'import "side-effect";',
      'export { x } from "./re-export.js";',
      'const lazy = () => import("lazy");',
      'const old = require("legacy");',
    ].join("\n");
    expect(moduleImports(code)).toEqual([
      "react/jsx-runtime",
      "@hubspot/ui-extensions",
      "side-effect",
      "./re-export.js",
      "lazy",
      "legacy",
    ]);
  });

  it("tells the host's packages from anything else", () => {
    expect(["react", "react/jsx-runtime", "@hubspot/ui-extensions/crm"].every(isHostImport)).toBe(
      true,
    );
    expect(
      ["react-dom", "@otpkit/crm-card", "./local.js", "@hubspot/api-client"].some(isHostImport),
    ).toBe(false);
  });
});

describe("bundleExtension (on a fixture entry)", () => {
  it("inlines local modules and keeps only the host's packages as imports", async () => {
    const bundle = await bundleExtension(FIXTURE, "// fixture");
    expect(bundle.imports.sort()).toEqual(["@hubspot/ui-extensions", "react", "react/jsx-runtime"]);
    expect(bundle.inputs).toContain("test/fixtures/extension/greeting.ts");
    expect(moduleImports(bundle.code).sort()).toEqual(bundle.imports.sort());
    expect(bundle.code.startsWith("// fixture\n")).toBe(true);
    expect(bundle.code).toContain("Hello, ");
    expect(bundle.code).toContain("hubspot.extend(");
  });

  it("is deterministic: two builds give the same bytes", async () => {
    const [a, b] = await Promise.all([
      bundleExtension(FIXTURE, "// x"),
      bundleExtension(FIXTURE, "// x"),
    ]);
    expect(a.code).toBe(b.code);
    expect(a.code).not.toContain(APP_DIR);
  });

  it("refuses a missing entry, naming it", async () => {
    await expect(bundleExtension("test/fixtures/extension/nope.tsx", "")).rejects.toThrow(
      /nope\.tsx does not exist/,
    );
  });
});

describe.each(EXTENSION_BUNDLES)("the committed $name bundle ($outfile)", (bundle) => {
  const path = join(APP_DIR, bundle.outfile);

  it("exists where the hsmeta entrypoint points", () => {
    expect(existsSync(path), "run `pnpm --filter otpkit-hubspot-app build` and commit").toBe(true);
  });

  it("imports only react and @hubspot/ui-extensions, and links no workspace", () => {
    const code = readFileSync(path, "utf8");
    const imports = moduleImports(code);
    expect(imports.filter((i) => !isHostImport(i))).toEqual([]);
    expect(imports).toContain("@hubspot/ui-extensions");
    expect(code).not.toMatch(/workspace:|@otpkit\//);
  });

  it("equals a fresh build of the crm-card entry", async () => {
    const fresh = (await extensionFiles()).get(bundle.outfile);
    const committed = readFileSync(path, "utf8");
    expect(committed, "run `pnpm --filter otpkit-hubspot-app build` and commit").toBe(fresh);
    const { inputs } = await bundleExtension(bundle.entry, "");
    expect(inputs.some((i) => i.startsWith("../../packages/crm-card/src/"))).toBe(true);
  });
});
