import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// A scratch project outside the workspace, as a user of the libraries has one: `npm init -y`, the
// tarballs of `pnpm pack:all` and their third-party peers installed with plain npm, the README
// quick starts copied in and compiled by its own TypeScript with `module: nodenext`.

const exec = promisify(execFile);
/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** One packed package, as scripts/pack-all.mjs reports it. */
export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
  files: string[];
  /** The arguments of its `npm install` line: tarballs, then `peer@range`. */
  install: string[];
}

/** The installed scratch project. */
export interface PackedProject {
  readonly dir: string;
  readonly packages: PackedPackage[];
  /** The quick starts copied in, by package folder name (`otp-core`, `store-redis`, …). */
  readonly quickStarts: string[];
  /** What `tsc -p .` printed: "" when everything type-checked. */
  readonly typecheck: string;
  /** Runs `node …args` in the project (plain node, no loader) and returns its stdout. */
  node(args: string[], env?: Record<string, string>): Promise<string>;
  remove(): Promise<void>;
}

/** Dev tools and test servers the scratch project installs besides the packages' peers. */
const TOOLING = [
  "@modelcontextprotocol/sdk", // conversation-mcp's README installs it; its driver imports it
  "smtp-server", // the delivery-email driver's SMTP server
  "typescript",
  "@types/node",
  "@types/pg",
  "@types/better-sqlite3",
  "@types/react",
];

/** This process's environment without what pnpm and npm scripts add (npm_config_*, …). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|INIT_CWD$|NODE_OPTIONS$)/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** The pinned versions of pnpm-workspace.yaml's catalog. */
async function catalog(): Promise<Map<string, string>> {
  const yaml = await readFile(join(ROOT, "pnpm-workspace.yaml"), "utf8");
  const block = yaml.split(/^catalog:\s*$/m)[1]?.split(/^\S/m)[0] ?? "";
  const entries = [...block.matchAll(/^\s+"?([^"\s:]+)"?:\s*(\S+)\s*$/gm)];
  return new Map(entries.map(([, name, version]) => [name ?? "", version ?? ""]));
}

/** The README quick starts: `src/quick-starts/<package>.ts`; other examples `src/examples/`. */
async function copyExamples(dir: string): Promise<string[]> {
  const quickStarts = join(dir, "src", "quick-starts");
  const others = join(dir, "src", "examples");
  await mkdir(quickStarts, { recursive: true });
  await mkdir(others, { recursive: true });
  await copyFile(
    join(ROOT, "examples", "src", "otp-core-quick-start.ts"),
    join(quickStarts, "otp-core.ts"),
  );
  const names = ["otp-core"];
  for (const pkg of await readdir(join(ROOT, "packages"))) {
    const examples = join(ROOT, "packages", pkg, "examples");
    if (!existsSync(examples)) continue;
    for (const file of await readdir(examples)) {
      if (!file.endsWith(".ts")) continue;
      if (file === "quick-start.ts") {
        await copyFile(join(examples, file), join(quickStarts, `${pkg}.ts`));
        names.push(pkg);
      } else {
        await copyFile(join(examples, file), join(others, `${pkg}-${file}`));
      }
    }
  }
  return names.sort();
}

/** `src/exports.ts`: imports every export of every package and prints how many names each has. */
async function writeExportsCheck(dir: string, packages: PackedPackage[]): Promise<void> {
  const lines: string[] = [];
  const counts: string[] = [];
  for (const pkg of packages) {
    const manifest = JSON.parse(
      await readFile(join(dir, "node_modules", pkg.name, "package.json"), "utf8"),
    ) as { exports: Record<string, unknown> };
    for (const subpath of Object.keys(manifest.exports)) {
      if (subpath === "./package.json") continue;
      const specifier = `${pkg.name}${subpath.slice(1)}`;
      lines.push(`import * as m${counts.length} from "${specifier}";`);
      counts.push(`  "${specifier}": Object.keys(m${counts.length}).length,`);
    }
  }
  const source = [...lines, "", "console.log(JSON.stringify({", ...counts, "}));", ""];
  await writeFile(join(dir, "src", "exports.ts"), source.join("\n"));
}

/**
 * better-sqlite3 compiles its native binding on install, minutes on this machine: the project is
 * installed with `--ignore-scripts` and gets the binding the workspace already built for the same
 * version and the same Node.
 */
async function copySqliteBinding(dir: string): Promise<void> {
  const workspace = createRequire(join(ROOT, "packages", "store-sqlite", "package.json"));
  const from = dirname(workspace.resolve("better-sqlite3/package.json"));
  const to = join(dir, "node_modules", "better-sqlite3");
  const versionOf = async (path: string) =>
    (JSON.parse(await readFile(join(path, "package.json"), "utf8")) as { version: string }).version;
  if ((await versionOf(from)) !== (await versionOf(to))) {
    throw new Error("better-sqlite3: the scratch project and the workspace differ in version");
  }
  await mkdir(join(to, "build", "Release"), { recursive: true });
  const binding = join("build", "Release", "better_sqlite3.node");
  await copyFile(join(from, binding), join(to, binding));
}

/**
 * Packs the publishable packages, installs them into a new scratch project with plain npm and
 * compiles the quick starts there.
 *
 * @throws When packing or `npm install` fails (its stderr in the message).
 */
export async function createPackedProject(): Promise<PackedProject> {
  const dir = await mkdtemp(join(tmpdir(), "otpkit-packed-"));
  const packs = join(dir, "packs");
  const packed = await exec(process.execPath, ["scripts/pack-all.mjs", packs, "--json"], {
    cwd: ROOT,
    env: cleanEnv(),
  });
  const { packages } = JSON.parse(packed.stdout) as { packages: PackedPackage[] };

  const app = join(dir, "app");
  await mkdir(app);
  const npm = (args: string[], timeout = 30_000) =>
    exec("npm", args, { cwd: app, env: cleanEnv(), timeout, maxBuffer: 16 * 1024 * 1024 });
  await npm(["init", "-y"]);
  await npm(["pkg", "set", "type=module"]);

  const versions = await catalog();
  const pinned = (name: string) => {
    const version = versions.get(name);
    if (version === undefined) throw new Error(`${name} is not in pnpm-workspace.yaml's catalog`);
    return `${name}@${version}`;
  };
  const tarballs = packages.map((p) => p.tarball);
  const peers = new Set(packages.flatMap((p) => p.install.filter((arg) => !arg.startsWith("/"))));
  const peerNames = [...peers].map((peer) => peer.slice(0, peer.lastIndexOf("@")));
  const extras = [...new Set([...peerNames, ...TOOLING])].map(pinned);
  await npm(
    [
      "install",
      "--ignore-scripts",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      ...tarballs,
      ...extras,
    ],
    240_000,
  );
  await copySqliteBinding(app);

  await cp(join(ROOT, "examples", "packed"), app, { recursive: true });
  const quickStarts = await copyExamples(app);
  await writeExportsCheck(app, packages);
  const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
  const typecheck = await exec(process.execPath, [tsc, "-p", "."], { cwd: app, env: cleanEnv() })
    .then(({ stdout }) => stdout)
    .catch((error: { stdout?: string }) => error.stdout || String(error));

  return {
    dir: app,
    packages,
    quickStarts,
    typecheck,
    async node(args, env = {}) {
      const options = { cwd: app, env: cleanEnv(env), timeout: 60_000 };
      return (await exec(process.execPath, args, options)).stdout;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The last line of a driver's output, parsed: drivers report one JSON line. */
export function lastJson<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}
