import { toBase64Url } from "./base64url.js";

/**
 * Fills a byte array with random bytes. Defaults to `crypto.getRandomValues`; tests inject a
 * deterministic source instead of patching globals.
 */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

/** @internal The WebCrypto CSPRNG, available as a global on Node 20+, Deno, Bun and browsers. */
export const cryptoRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(bytes);

const POOL_BYTES = 16_384;
let pool = new Uint8Array(0);
let poolAt = 0;

/**
 * @internal The WebCrypto CSPRNG drawn through a pooled buffer, refilled 16 KiB at a time. Why:
 * one `getRandomValues` call costs about as much as an HMAC whatever its size, and a code needs
 * only a few bytes. The bytes are the CSPRNG's own, each handed out once; a consumed byte is
 * zeroed at once so a later memory dump cannot replay codes that were drawn from it.
 */
export const pooledRandom: RandomSource = (bytes) => {
  const n = bytes.length;
  if (n > POOL_BYTES / 4) return cryptoRandom(bytes);
  if (poolAt + n > pool.length) {
    if (pool.length === 0) pool = new Uint8Array(POOL_BYTES);
    cryptoRandom(pool);
    poolAt = 0;
  }
  // A plain loop: the few bytes a code or an id takes are copied faster than a subarray view
  // could be made for them.
  for (let i = 0; i < n; i++) {
    bytes[i] = pool[poolAt + i]!;
    pool[poolAt + i] = 0;
  }
  poolAt += n;
  return bytes;
};

/**
 * Draws `length` symbols uniformly from `alphabet` by rejection sampling.
 *
 * Why rejection sampling: `byte % 10` favours 0-5 (256 = 25*10 + 6) and `byte % 24` favours
 * the first 16 letters; that bias is CVE-2018-1000620. We take each random byte, keep only
 * values below the largest multiple of the alphabet size that fits in a byte (250 for 10, 240
 * for 24, 256 for 32), and draw again for the rest. Every symbol is then exactly equally likely.
 *
 * @param alphabet The symbols (2..256 of them).
 * @param length How many symbols to draw.
 * @param random The byte source (default `crypto.getRandomValues`).
 * @returns The code.
 * @example
 * ```ts
 * randomString("0123456789", 6); // e.g. "402913"
 * ```
 */
export function randomString(
  alphabet: string,
  length: number,
  random: RandomSource = pooledRandom,
): string {
  const size = alphabet.length;
  const limit = 256 - (256 % size); // values >= limit would bias the result: reject them
  let out = "";
  // Ask for a few more bytes than needed so one call usually suffices (acceptance >= 240/256);
  // at most 4 KiB per call (getRandomValues refuses more than 64 KiB at once).
  const buffer = new Uint8Array(Math.min(length + 8, 4096));
  while (out.length < length) {
    random(buffer);
    for (let i = 0; i < buffer.length && out.length < length; i++) {
      const byte = buffer[i]!;
      if (byte < limit) out += alphabet[byte % size];
    }
  }
  buffer.fill(0);
  return out;
}

/** @internal A random identifier: 16 bytes (128 bits) as base64url, for code ids and tokens. */
export function randomId(random: RandomSource = pooledRandom, bytes = 16): string {
  return toBase64Url(random(new Uint8Array(bytes)));
}
