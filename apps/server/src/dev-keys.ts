import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OtpSecret } from "@otpkit/otp-core";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { parseSecrets } from "./config.js";

// The server's two keys, from the environment or (development only) generated once into DATA_DIR
// with mode 0600. Production refuses to start without them (config.ts).

/**
 * Where a key came from: the environment, or a development file in DATA_DIR that this start
 * `generated` or that an earlier start left (`dev-file`).
 */
export type DevKeySource = "environment" | "generated" | "dev-file";

/**
 * The server secret: from OTPKIT_SECRETS, or (development only) generated on first start into
 * `<DATA_DIR>/otpkit-secret` with mode 0600 and kept there. Production refuses to start without
 * it (config.ts).
 *
 * @returns The secrets and where they came from (`generated`: the file was written just now).
 * @throws {Error} When the file is corrupt (naming it and the fix), or DATA_DIR cannot be written.
 * @example
 * const { secrets, source } = loadSecrets(config, config.DATA_DIR, logger);
 */
export function loadSecrets(
  config: Config,
  dataDir: string,
  logger: Logger,
): { secrets: OtpSecret[]; source: DevKeySource } {
  if (config.secrets) return { secrets: config.secrets, source: "environment" };
  const file = join(dataDir, "otpkit-secret");
  mkdirSync(dataDir, { recursive: true });
  let source: DevKeySource = "dev-file";
  if (!existsSync(file)) {
    writeFileSync(file, `dev:${randomBytes(48).toString("base64url")}\n`, { mode: 0o600 });
    logger.warn({ file }, "generated a development secret; set OTPKIT_SECRETS in production");
    source = "generated";
  }
  chmodSync(file, 0o600);
  const secrets = parseSecrets(readFileSync(file, "utf8").trim());
  if (!secrets)
    throw new Error(
      `The development secret file ${file} is corrupt; delete it to generate a new one.`,
    );
  return { secrets, source };
}

/**
 * The naming key (otp-core's `namingKey`: it keys the digest that names each subject's record):
 * from OTP_NAMING_KEY, or (development only) generated once into `<DATA_DIR>/otpkit-naming-key`
 * with mode 0600, next to the secret. Never rotated: a different key names different records, so
 * every lock, budget and throttle would be forgotten. Production refuses to start without it
 * (config.ts), since processes sharing one Redis must share one key.
 *
 * @returns The key and where it came from (`generated`: this start wrote the file).
 * @throws {Error} When the file is corrupt (naming it, the fix and its cost).
 * @example
 * const naming = loadNamingKey(config, config.DATA_DIR, logger);
 */
export function loadNamingKey(
  config: Config,
  dataDir: string,
  logger: Logger,
): { key: string; source: DevKeySource } {
  if (config.namingKey) return { key: config.namingKey, source: "environment" };
  const file = join(dataDir, "otpkit-naming-key");
  mkdirSync(dataDir, { recursive: true });
  let source: DevKeySource = "dev-file";
  if (!existsSync(file)) {
    // `wx`: two processes starting at once on one DATA_DIR must not each write their own key.
    try {
      writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, {
        mode: 0o600,
        flag: "wx",
      });
      logger.warn({ file }, "generated a development naming key; set OTP_NAMING_KEY in production");
      source = "generated";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  chmodSync(file, 0o600);
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) {
    throw new Error(
      `The development naming key file ${file} is corrupt; delete it to generate a new one (this forgets every subject's locks and budgets).`,
    );
  }
  return { key, source };
}
