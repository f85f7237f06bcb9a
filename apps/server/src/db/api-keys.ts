import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
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
  /** The key for a presented token, or null (unknown, revoked, malformed). Constant time per key. */
  authenticate(token: string): Promise<ApiKey | null>;
  list(): Promise<Array<ApiKey & { revokedAt: number | null }>>;
  revoke(id: string): Promise<boolean>;
}

/** An API key's id: 12 letters and digits (the tenant of its subjects). */
export const API_KEY_ID_LENGTH = 12;
const TOKEN = /^otpk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function createApiKeys(app: AppDatabase, now: () => number = Date.now): ApiKeys {
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
      const row = await app.db
        .selectFrom("api_keys")
        .selectAll()
        .where("id", "=", match[1]!)
        .executeTakeFirst();
      if (!row || row.revoked_at !== null) return null;
      const ok = timingSafeEqual(Buffer.from(row.secret_hash, "hex"), sha256(match[2]!));
      return ok ? { id: row.id, name: row.name, createdAt: Number(row.created_at) } : null;
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
      const result = await app.db
        .updateTable("api_keys")
        .set({ revoked_at: now() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
