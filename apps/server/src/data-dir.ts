import { accessSync, constants, mkdirSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "./config-error.js";

/**
 * Where DATA_DIR points when it is not set: the repository's `data/` folder, found from this
 * file (in `src/` or bundled into `dist/`), so `pnpm start` and `pnpm otpkit …` share it whatever
 * folder either runs in (pnpm runs scripts inside `apps/server`).
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../data", import.meta.url));

/**
 * DATA_DIR as an absolute path. A relative value is taken from the folder the command was typed
 * in: pnpm's `INIT_CWD` (pnpm itself runs the script inside the package), else the working
 * directory.
 *
 * @throws {never}
 * @example
 * resolveDataDir("./state", { INIT_CWD: "/srv/otp" }); // "/srv/otp/state"
 */
export function resolveDataDir(
  value: string | undefined,
  env: Record<string, string | undefined>,
): string {
  if (value === undefined) return DEFAULT_DATA_DIR;
  if (isAbsolute(value)) return resolve(value);
  return resolve(env["INIT_CWD"] || process.cwd(), value);
}

const WHY: Record<string, string> = {
  EEXIST: "a file is in the way",
  ENOTDIR: "part of the path is a file",
  EACCES: "no permission to write there",
  EPERM: "no permission to write there",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
};

/**
 * Creates DATA_DIR if needed and checks that the server can write there, before anything else
 * puts a file in it, so a bad value stops the start with one line naming the variable.
 *
 * @throws {ConfigError} Naming DATA_DIR, the path, what is wrong and the fix.
 * @example
 * ensureDataDir(config.DATA_DIR);
 */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const why = WHY[code] ?? (error as Error).message;
    throw new ConfigError(
      "DATA_DIR",
      `Cannot use DATA_DIR ${dir} (${why}${code && WHY[code] ? `, ${code}` : ""}); set DATA_DIR to a folder the server can create and write.`,
    );
  }
}
