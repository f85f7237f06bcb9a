/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// otp-core must run wherever WebCrypto does (Node, Deno, Bun, workers, browsers). Biome's
// restricted-globals/imports rules catch this while editing; this test keeps it true in CI too.
const root = new URL("..", import.meta.url).pathname;
const sources = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(join(root, "src", f), "utf8") }));

describe("otp-core purity", () => {
  it("has @noble/hashes as its only runtime dependency", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(["@noble/hashes"]);
    expect(pkg.peerDependencies).toBeUndefined();
  });

  it("imports nothing from node:* and uses no Buffer or process in src", () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const { file, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // comments may mention them
      expect(code, file).not.toMatch(/from\s+["']node:/);
      expect(code, file).not.toMatch(/\bBuffer\b/);
      expect(code, file).not.toMatch(/\bprocess\./);
      expect(code, file).not.toMatch(/Math\.random/);
      const imports = [...code.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, file).toMatch(/^(\.\.?\/|@noble\/hashes\/)/);
    }
  });

  it("keeps the rules pure: no I/O, no clock, no randomness, no awaiting in src/rules", () => {
    const rules = sources.filter(({ file }) => file.startsWith("rules/"));
    expect(rules.length).toBeGreaterThan(5);
    for (const { file, text } of rules) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      const body = code.replace(/^import[^;]*;/gm, "");
      for (const impure of [
        /\bDate\b/,
        /\bcrypto\b/,
        /\bsetTimeout\b/,
        /\bawait\b/,
        /\basync\b/,
        /\bPromise\b/,
      ]) {
        expect(body, file).not.toMatch(impure);
      }
      // Values only from other rules and the record's shape; everything else only as types.
      for (const m of code.matchAll(/^import\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
        if (m[1]) continue;
        expect(m[2], file).toMatch(/^(\.\/[a-z-]+\.js|\.\.\/record\.js)$/);
      }
    }
  });
});
