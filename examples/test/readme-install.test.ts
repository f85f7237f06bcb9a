import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A reader installs what a README's Install section says and then copies its quick start: every
// package the quick start imports must be on one of that section's `npm install` lines (the
// packed-install test then proves those lines install and run). Every publishable package has the
// section, with the same pointer to the tarball route while nothing is on the registry.

const ROOT = new URL("../../", import.meta.url).pathname;
const packages = readdirSync(join(ROOT, "packages")).filter((dir) => {
  const manifest = join(ROOT, "packages", dir, "package.json");
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).private !== true;
});

function installSection(pkg: string): string {
  const readme = readFileSync(join(ROOT, "packages", pkg, "README.md"), "utf8");
  return readme.split(/^## Install\s*$/m)[1]?.split(/^## /m)[0] ?? "";
}

/** Every package name on the section's `npm install` lines (in code blocks or inline code). */
function installedBy(section: string): Set<string> {
  const names = new Set<string>();
  for (const [, args] of section.matchAll(/npm install ([^`\n]+)/g)) {
    for (const arg of (args ?? "").trim().split(/\s+/)) {
      if (arg.startsWith("-")) continue;
      const at = arg.lastIndexOf("@");
      names.add(at > 0 ? arg.slice(0, at) : arg);
    }
  }
  return names;
}

/** The packages a file imports (not node: builtins, not relative paths). */
function importedBy(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/^import[^"]*"([^"]+)"/gm)].map((m) => m[1] ?? "");
  return specifiers
    .filter((s) => !s.startsWith("node:") && !s.startsWith("."))
    .map((s) =>
      (s.startsWith("@") ? s.split("/").slice(0, 2) : s.split("/").slice(0, 1)).join("/"),
    );
}

function quickStartOf(pkg: string): string | undefined {
  if (pkg === "otp-core") return join(ROOT, "examples", "src", "otp-core-quick-start.ts");
  const file = join(ROOT, "packages", pkg, "examples", "quick-start.ts");
  return existsSync(file) ? file : undefined;
}

describe("README Install sections", () => {
  it.each(packages)("%s: an npm install line and the pointer to the tarball route", (pkg) => {
    const section = installSection(pkg);
    expect(installedBy(section)).toContain(`@otpkit/${pkg}`);
    expect(section).toContain("[Install the libraries](../../README.md#install-the-libraries)");
  });

  it.each(packages.filter((pkg) => quickStartOf(pkg)))(
    "%s: the section installs every package its quick start imports",
    (pkg) => {
      const installed = installedBy(installSection(pkg));
      const missing = importedBy(quickStartOf(pkg) ?? "").filter((name) => !installed.has(name));
      expect(missing, "add them to the README's Install section").toEqual([]);
    },
  );

  it("the root README tells how to install the tarballs until the first release", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## Install the libraries\s*$/m)[1]?.split(/^## /m)[0] ?? "";
    expect(section).toContain("pnpm install && pnpm build && pnpm pack:all");
    expect(section).toMatch(
      /npm install \/path\/to\/otpkit\/packs\/otpkit-[\w-]+-\d+\.\d+\.\d+\.tgz/,
    );
  });
});
