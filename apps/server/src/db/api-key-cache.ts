/** A key as the database had it: the SHA-256 of its secret, and what `authenticate` returns. */
export interface CachedKey<K> {
  secretHash: Buffer;
  key: K;
}

/** Options of {@link createVerifiedKeyCache}. */
export interface VerifiedKeyCacheOptions {
  /** How long an entry is trusted; 0 turns the cache off. */
  ttlMs: number;
  /** The most keys kept; the oldest entry goes first. */
  maxKeys: number;
  now: () => number;
}

/** Live, unrevoked keys by id (see {@link createVerifiedKeyCache}). */
export interface VerifiedKeyCache<K> {
  /** The entry, when it is younger than the TTL and was stored in this `epoch`. */
  get(id: string, epoch: number): CachedKey<K> | undefined;
  /** Stores a key read as live in `epoch` (the epoch taken BEFORE the read). */
  set(id: string, entry: CachedKey<K>, epoch: number): void;
  delete(id: string): void;
}

interface Entry<K> extends CachedKey<K> {
  epoch: number;
  expiresAt: number;
}

/**
 * The API keys the database said were live, so that a request does not read the database to
 * authenticate. Only live keys are kept: an unknown, revoked or malformed key is never cached,
 * so a key created elsewhere works at once, and a forged secret is still compared (in constant
 * time, by the caller) against the real key's hash. An entry counts only in the revocation epoch
 * it was read in (db/api-key-revocations.ts): any revocation, here or in another process, ends
 * every entry; the TTL bounds what a missed signal could cost.
 *
 * @throws {never}
 * @example
 * const cache = createVerifiedKeyCache<ApiKey>({ ttlMs: 30_000, maxKeys: 10_000, now: Date.now });
 */
export function createVerifiedKeyCache<K>(options: VerifiedKeyCacheOptions): VerifiedKeyCache<K> {
  const entries = new Map<string, Entry<K>>();
  return {
    get(id, epoch) {
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      if (entry.epoch !== epoch || options.now() >= entry.expiresAt) {
        entries.delete(id);
        return undefined;
      }
      return entry;
    },
    set(id, entry, epoch) {
      if (options.ttlMs <= 0) return;
      entries.delete(id);
      if (entries.size >= options.maxKeys) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(id, { ...entry, epoch, expiresAt: options.now() + options.ttlMs });
    },
    delete(id) {
      entries.delete(id);
    },
  };
}
