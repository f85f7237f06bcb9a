// Runs a compiled quick start with plain node in the scratch project, as its README shows it, and
// returns what it printed. A failing quick start rejects with its stderr.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** Runs dist/quick-starts/<name>.js with `env` added to this process's environment. */
export async function runQuickStart(name, env = {}) {
  const file = fileURLToPath(new URL(`../dist/quick-starts/${name}.js`, import.meta.url));
  const options = { env: { ...process.env, ...env }, timeout: 30_000 };
  const { stdout } = await promisify(execFile)(process.execPath, [file], options);
  return stdout;
}

/** Prints one JSON line: what the test reads. */
export function report(value) {
  console.log(JSON.stringify(value));
}
