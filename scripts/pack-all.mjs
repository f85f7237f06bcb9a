// `pnpm pack:all [dir] [--json]`: packs every publishable package (every one that is not
// `private`) into one folder, ./packs by default, and prints for each the `npm install` line that
// installs it in another project from those tarballs. Until the packages are on the registry this
// is how they are used outside this repository (README.md, "Install the libraries").
//
// Packing is `pnpm -r pack`, which replaces `workspace:` and `catalog:` versions with real ones.
// pnpm 10 packs every workspace package that has a name and a version, private or not: the private
// apps have no version for that reason, and this script fails if one gets packed anyway. It also
// fails when a file that `exports` or `bin` names is not in a tarball (`pnpm build` not run, or
// `files` missing it): such a package installs and then breaks on its first import.
//
// An install line holds the package's tarball, the tarballs of the @otpkit packages it needs
// (dependencies and required peers, transitively: npm would look them up on the registry, which
// answers 404), and the package's other required peers, which come from the registry.
// `--json` prints the same as JSON (examples/test/packed-install.test.ts reads it).

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const dir = resolve(args.find((arg) => !arg.startsWith("--")) ?? join(root, "packs"));

function pnpm(...argv) {
  return JSON.parse(execFileSync("pnpm", argv, { cwd: root, encoding: "utf8" }));
}

function fail(problems) {
  console.error(problems.map((problem) => `pack:all: ${problem}`).join("\n"));
  process.exit(1);
}

const workspace = pnpm("-r", "ls", "--json", "--depth", "-1").filter((p) => p.path !== root);
const manifests = new Map(
  workspace.map((p) => [p.name, JSON.parse(readFileSync(join(p.path, "package.json"), "utf8"))]),
);
const publishable = workspace.filter((p) => !p.private).map((p) => p.name);

mkdirSync(dir, { recursive: true });
const packedList = [pnpm("-r", "pack", "--pack-destination", dir, "--json")].flat();
const packed = new Map(packedList.map((p) => [p.name, p]));

const problems = [];
for (const name of packed.keys()) {
  if (!publishable.includes(name)) {
    problems.push(`${name} is private but was packed: pnpm -r pack packs every package with a
  name and a version, so a private package must have no "version" in its package.json`);
  }
}
for (const name of publishable) {
  if (!packed.has(name)) problems.push(`${name} is publishable but pnpm -r pack did not pack it`);
}

/** Every file path that `exports` (except the source condition) and `bin` point at. */
function shippedTargets(manifest) {
  const targets = [];
  const walk = (value, condition) => {
    if (typeof value === "string") {
      if (condition !== "@otpkit/source") targets.push(value);
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, key);
    }
  };
  walk(manifest.exports, "");
  walk(manifest.bin, "");
  return targets.map((target) => target.replace(/^\.\//, ""));
}

for (const [name, result] of packed) {
  const files = new Set(result.files.map((file) => file.path));
  for (const target of shippedTargets(manifests.get(name) ?? {})) {
    if (!files.has(target)) {
      problems.push(`${name}: ${target} (named by "exports" or "bin") is not in the tarball; run
  pnpm build first, or add it to "files"`);
    }
  }
}
if (problems.length > 0) fail(problems);

/** True for a peer dependency that npm installs (not marked optional). */
function requiredPeers(manifest) {
  const optional = manifest.peerDependenciesMeta ?? {};
  return Object.entries(manifest.peerDependencies ?? {}).filter(([n]) => !optional[n]?.optional);
}

/** The package and every @otpkit package it needs, dependencies and required peers. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = manifests.get(name);
  const needs = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...requiredPeers(manifest).map(([n]) => n),
  ];
  for (const dependency of needs) if (packed.has(dependency)) closure(dependency, seen);
  return seen;
}

const packages = [...packed.values()]
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((result) => {
    const tarballs = [...closure(result.name)].map((n) => packed.get(n).filename);
    const peers = requiredPeers(manifests.get(result.name))
      .filter(([n]) => !packed.has(n))
      .map(([n, range]) => `${n}@${range}`);
    return {
      name: result.name,
      version: result.version,
      tarball: result.filename,
      files: result.files.map((file) => file.path),
      install: [...tarballs, ...peers],
    };
  });

if (json) {
  console.log(JSON.stringify({ dir, packages }, null, 2));
} else {
  console.log(`Packed ${packages.length} packages into ${dir}`);
  console.log("Install one in another project with npm, from these tarballs:");
  for (const p of packages) console.log(`\n  ${p.name}\n    npm install ${p.install.join(" ")}`);
}
