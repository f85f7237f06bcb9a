// `pnpm --filter otpkit-hubspot-app build`: writes the generated project files (the workflow
// actions' hsmeta from the adapter's constants, the card and settings bundles from
// @otpkit/crm-card). They are committed, so a clean clone uploads as it is.
//
// With `--check`, or under CI (`CI=true`, as .ci/run sets), it writes nothing and fails when a
// committed file differs from a fresh build: in CI a writing build would hide a stale commit.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { extensionFiles } from "./bundle-extensions.js";
import { workflowActionFiles } from "./generate-actions.js";
import { APP_DIR } from "./project-paths.js";

const check = process.argv.includes("--check") || process.env["CI"] === "true";

async function current(path: string): Promise<string | undefined> {
  try {
    return await readFile(join(APP_DIR, path), "utf8");
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const files = workflowActionFiles();
  // The actions do not depend on the card: they are written even when the bundles fail.
  let bundleError: unknown;
  try {
    for (const [path, contents] of await extensionFiles()) files.set(path, contents);
  } catch (error) {
    bundleError = error;
  }
  const stale: string[] = [];
  for (const [path, contents] of files) {
    if ((await current(path)) === contents) continue;
    stale.push(path);
    if (!check) {
      await mkdir(dirname(join(APP_DIR, path)), { recursive: true });
      await writeFile(join(APP_DIR, path), contents);
    }
  }
  if (check && stale.length > 0) {
    console.error(
      `hubspot-app: out of date: ${stale.join(", ")}\n` +
        "  run `pnpm --filter otpkit-hubspot-app build` and commit the result",
    );
    return 1;
  }
  if (bundleError !== undefined) throw bundleError;
  const verb = check ? "up to date" : stale.length > 0 ? `wrote ${stale.length}` : "unchanged";
  console.log(`hubspot-app: ${files.size} generated files, ${verb}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`hubspot-app: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
