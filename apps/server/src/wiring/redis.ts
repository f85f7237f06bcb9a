import type { OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { checkRedisStore, createRedisStore } from "@otpkit/store-redis";
import { Redis } from "ioredis";
import type { Logger } from "pino";

/** The Redis store of the server, checked, with its health check and its closer. */
export interface RedisConnection {
  store: OtpStore;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL and refuses what would run wrong rather than start: an unreachable
 * server, a database number the server does not have (ioredis would log the error and go on in
 * db 0), and a `maxmemory-policy` that may evict live records (failure counts and locks gone
 * under memory pressure). A policy that cannot be read (CONFIG disabled, as on many managed
 * services) is logged as a warning: the operator confirms it with the provider.
 *
 * @throws {Error} A one-line message naming REDIS_URL and the fix (never the password).
 * @example
 * const redis = await connectRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
 */
export async function connectRedis(
  url: string,
  keyPrefix: string,
  logger: Logger,
): Promise<RedisConnection> {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 5_000,
    lazyConnect: true,
    // Off on purpose (ioredis's default, written out so nobody turns it on "for speed"): each
    // request sends its engine's commands (small scripts) one at a time and waits for each; auto-
    // pipelining holds every command back to the next tick to batch it with other requests', which
    // measured 0.54× the check throughput with it on for this pattern (issue 14's bench).
    enableAutoPipelining: false,
  });
  const fail = (message: string): never => {
    client.disconnect();
    throw new Error(message);
  };
  // ioredis reports the real cause (ECONNREFUSED, ENOTFOUND, auth) as an "error" event and
  // rejects connect() with a generic "Connection is closed": keep the first for the message.
  let lastError: Error | undefined;
  client.on("error", (error) => {
    lastError = error;
    logger.warn({ err: { message: error.message } }, "redis connection error");
  });
  await client
    .connect()
    .catch((error: Error) =>
      fail(
        `Cannot reach Redis at REDIS_URL (${(lastError ?? error).message}); check the URL or unset it for the SQLite store.`,
      ),
    );
  const db = client.options.db ?? 0;
  // Why again: a SELECT refused while connecting is only an "error" event, and the connection
  // then works in db 0, where the codes of another deployment may live.
  await client
    .select(db)
    .catch((error: Error) =>
      fail(
        `Redis refused database ${db} of REDIS_URL (${error.message}); use a database the server has (0-15 by default) or drop "/${db}" from the URL.`,
      ),
    );
  try {
    await checkRedisStore(client);
  } catch (error) {
    const details = isOtpError(error) ? error.details : undefined;
    const reason = details?.["reason"];
    if (reason === "unreadable") {
      logger.warn(
        "could not read Redis maxmemory-policy (CONFIG is disabled); make sure it is noeviction, or failure counts and locks may be evicted under memory pressure",
      );
    } else if (reason === "evicting") {
      fail(
        `Redis at REDIS_URL may evict OTP records (maxmemory-policy ${String(details?.["maxmemoryPolicy"])}), and with them failure counts and locks; set maxmemory-policy noeviction on that server.`,
      );
    } else {
      fail(
        `Cannot check Redis at REDIS_URL (${(error as Error).message}); check the URL or unset it for the SQLite store.`,
      );
    }
  }
  return {
    store: createRedisStore({ client, keyPrefix }),
    ping: () => client.ping(),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
