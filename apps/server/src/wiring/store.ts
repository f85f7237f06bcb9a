import { join } from "node:path";
import type { OtpStore } from "@otpkit/otp-core";
import { createSqliteStore } from "@otpkit/store-sqlite";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { connectRedis } from "./redis.js";

/** The OTP store the server runs on, with its health check and its closer. */
export interface StoreWiring {
  store: OtpStore;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The OTP state: Redis when REDIS_URL is set (scale-out; checked at start, see `connectRedis`),
 * else one SQLite file in DATA_DIR.
 *
 * @throws {Error} A one-line message naming REDIS_URL when Redis cannot be used.
 * @example
 * const { store, ping, close } = await openStore(config, logger);
 */
export async function openStore(config: Config, logger: Logger): Promise<StoreWiring> {
  if (config.REDIS_URL) return connectRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
  const sqlite = createSqliteStore({ path: join(config.DATA_DIR, "otp-state.sqlite") });
  return {
    store: sqlite,
    ping: () => sqlite.get("readyz-probe"),
    close: async () => {
      await sqlite.close?.();
    },
  };
}
