// Test helpers: the project's files as HubSpot's parsing library and the tests read them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { translate } from "@hubspot/project-parsing-lib/translate";
import { APP_DIR, SRC_DIR } from "../scripts/project-paths.js";

/** The project's srcDir, absolute. */
export const SRC = join(APP_DIR, SRC_DIR);

/** The profiles the project ships (`src/hsprofile.<name>.json`). */
export const PROFILES = ["dev", "prod"] as const;

/** A JSON object, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON.
export type Json = any;

/**
 * A file of the app, parsed as JSON.
 *
 * @throws {SyntaxError} for invalid JSON.
 * @example
 * ```ts
 * readJson("src/app/app-hsmeta.json").uid; // "otpkit_app"
 * ```
 */
export function readJson(path: string): Json {
  return JSON.parse(readFileSync(join(APP_DIR, path), "utf8"));
}

/** The committed uid → component type list (never change a uid: HubSpot keys state by it). */
export const EXPECTED_UIDS: Readonly<Record<string, string>> = readJson("test/uids.json");

/**
 * Every `*-hsmeta.json` below srcDir (node_modules skipped, as HubSpot does), relative to srcDir.
 *
 * @throws Never for an existing srcDir.
 * @example
 * ```ts
 * hsmetaFiles(); // ["app/app-hsmeta.json", "app/cards/otp-card-hsmeta.json", ...]
 * ```
 */
export function hsmetaFiles(dir = SRC): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") found.push(...hsmetaFiles(path));
    else if (entry.isFile() && entry.name.endsWith("-hsmeta.json")) found.push(relative(SRC, path));
  }
  return found.sort();
}

/**
 * The project as `hs project upload` translates it offline (`skipValidation`: the schemas need
 * an account), with a profile's variables applied.
 *
 * @throws {Error} from the library: a duplicate uid, a variable the profile lacks.
 * @example
 * ```ts
 * const { intermediateRepresentation } = await translateProject("prod");
 * ```
 */
export function translateProject(profile?: string) {
  return translate(
    { projectSourceDir: SRC, platformVersion: readJson("hsproject.json").platformVersion },
    { skipValidation: true, ...(profile ? { profile } : {}) },
  );
}
