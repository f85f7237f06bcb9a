import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createVerifiedKeyCache } from "./api-key-cache.js";
import { watchRevocations } from "./api-key-revocations.js";
import type { AppDatabase } from "./database.js";

/** An API key as stored (without its secret). */
export interface ApiKey {
  id: string;
  name: string;
  createdAt: number;
}

/** API keys for the generic OTP API: `otpk_<id>_<secret>`; only a SHA-256 of the secret is stored. */
export interface ApiKeys {
  /** Creates a key; the returned `token` is shown once and cannot be recovered. */
  create(name: string): Promise<ApiKey & { token: string }>;
  /**
   * The key for a presented token, or null (unknown, revoked, malformed). Constant time per key.
   * A live key is kept for `cacheTtlMs` (no database read per request); a revocation ends it at
   * once, in every process.
   */
  authenticate(token: string): Promise<ApiKey | null>;
  list(): Promise<Array<ApiKey & { revokedAt: number | null }>>;
  /** Revokes a key; the other processes are told in the same transaction. False when not active. */
  revoke(id: string): Promise<boolean>;
}

/** Options of {@link createApiKeys}. */
export interface ApiKeysOptions {
  /** How long a live key is trusted without reading the database (API_KEY_CACHE_TTL_MS); 0: never. */
  cacheTtlMs?: number;
  /** The most keys cached. @default 10_000 */
  cacheMaxKeys?: number;
  /** A failure of the PostgreSQL revocation listener (it reconnects by itself). */
  onWatchError?: (error: Error) => void;
}

/** The defaults of {@link ApiKeysOptions}; API_KEY_CACHE_TTL_MS defaults to `cacheTtlMs`. */
export const API_KEY_CACHE_DEFAULTS = { cacheTtlMs: 30_000, cacheMaxKeys: 10_000 } as const;

/** An API key's id: 12 letters and digits (the tenant of its subjects). */
export const API_KEY_ID_LENGTH = 12;
const TOKEN = /^otpk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * The API keys of the generic API, in the app database.
 *
 * @throws {never} (the methods reject when the database fails)
 * @example
 * const keys = createApiKeys(app, Date.now, { cacheTtlMs: 30_000 });
 * const key = await keys.authenticate(token); // null: answer 401
 */
export function createApiKeys(
  app: AppDatabase,
  now: () => number = Date.now,
  options: ApiKeysOptions = {},
): ApiKeys {
  const cache = createVerifiedKeyCache<ApiKey>({
    ttlMs: options.cacheTtlMs ?? API_KEY_CACHE_DEFAULTS.cacheTtlMs,
    maxKeys: options.cacheMaxKeys ?? API_KEY_CACHE_DEFAULTS.cacheMaxKeys,
    now,
  });
  const revocations = watchRevocations(app, options.onWatchError);
  return {
    async create(name) {
      const id = randomBytes(9)
        .toString("base64url")
        .replace(/[-_]/g, "x")
        .slice(0, API_KEY_ID_LENGTH);
      const secret = randomBytes(32).toString("base64url");
      const createdAt = now();
      // A fast hash is right here: the secret has 256 random bits, nothing to brute-force.
      await app.db
        .insertInto("api_keys")
        .values({
          id,
          name,
          secret_hash: sha256(secret).toString("hex"),
          created_at: createdAt,
          revoked_at: null,
        })
        .execute();
      return { id, name, createdAt, token: `otpk_${id}_${secret}` };
    },
    async authenticate(token) {
      const match = TOKEN.exec(token);
      if (!match) return null;
      const id = match[1]!;
      // Taken BEFORE the read: a revocation while the read is under way moves it, and the key
      // read meanwhile is then not trusted from the cache.
      const epoch = revocations.epoch();
      let live = epoch === null ? undefined : cache.get(id, epoch);
      if (live === undefined) {
        const row = await app.db
          .selectFrom("api_keys")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirst();
        if (!row || row.revoked_at !== null) return null;
        live = {
          secretHash: Buffer.from(row.secret_hash, "hex"),
          key: { id: row.id, name: row.name, createdAt: Number(row.created_at) },
        };
        if (epoch !== null) cache.set(id, live, epoch);
      }
      // Every request, cached or not: the cache saves the read, never the comparison.
      return timingSafeEqual(live.secretHash, sha256(match[2]!)) ? live.key : null;
    },
    async list() {
      const rows = await app.db.selectFrom("api_keys").selectAll().orderBy("created_at").execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: Number(r.created_at),
        revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
      }));
    },
    async revoke(id) {
      const done = await app.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("api_keys")
          .set({ revoked_at: now() })
          .where("id", "=", id)
          .where("revoked_at", "is", null)
          .executeTakeFirst();
        const changed = Number(result.numUpdatedRows) > 0;
        if (changed) await revocations.announce(trx, id);
        return changed;
      });
      cache.delete(id);
      revocations.revoked();
      return done;
    },
  };
}
