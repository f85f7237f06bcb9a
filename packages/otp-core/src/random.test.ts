import { describe, expect, it } from "vitest";
import type { AlphabetName } from "./alphabet.js";
import { ALPHABETS } from "./alphabet.js";
import { randomString } from "./random.js";

/** Pearson's chi-square statistic of symbol counts against a uniform distribution. */
function chiSquare(text: string, alphabet: string): number {
  const counts = new Map<string, number>([...alphabet].map((c) => [c, 0]));
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  const expected = text.length / alphabet.length;
  let x2 = 0;
  for (const n of counts.values()) x2 += (n - expected) ** 2 / expected;
  return x2;
}

/**
 * Upper critical value of chi-square with `df` degrees of freedom at p ≈ 1e-7 (Wilson–Hilferty,
 * z = 5.2). A correct generator fails this about once in ten million runs: it never flakes.
 */
function critical(df: number): number {
  const z = 5.2;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

/** The classic mistake: one byte per symbol, `byte % size`. Biased whenever 256 % size != 0. */
function moduloGenerator(alphabet: string, length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.min(length - out.length, 65_536)));
    for (const b of bytes) out += alphabet[b % alphabet.length];
  }
  return out;
}

// Enough symbols that the bias of `% 24` (11/256 vs 10/256) or `% 10` (26/256 vs 25/256) pushes the
// statistic several times past the critical value, while a fair generator stays far below it.
const SAMPLES: Record<AlphabetName, number> = {
  numeric: 1_000_000,
  alphanumeric: 240_000,
  alpha: 240_000,
};

describe("randomString (rejection sampling)", () => {
  for (const name of Object.keys(ALPHABETS) as AlphabetName[]) {
    const alphabet = ALPHABETS[name];
    it(`draws ${name} symbols uniformly (chi-square, ${SAMPLES[name]} symbols)`, () => {
      const text = randomString(alphabet, SAMPLES[name]);
      expect(text).toHaveLength(SAMPLES[name]);
      expect(chiSquare(text, alphabet)).toBeLessThan(critical(alphabet.length - 1));
    });
  }

  it("the same check catches a `% alphabet.length` generator on the 24-symbol alphabet", () => {
    const biased = moduloGenerator(ALPHABETS.alpha, SAMPLES.alpha);
    expect(chiSquare(biased, ALPHABETS.alpha)).toBeGreaterThan(
      critical(ALPHABETS.alpha.length - 1),
    );
  });

  it("and on the numeric alphabet", () => {
    const biased = moduloGenerator(ALPHABETS.numeric, SAMPLES.numeric);
    expect(chiSquare(biased, ALPHABETS.numeric)).toBeGreaterThan(
      critical(ALPHABETS.numeric.length - 1),
    );
  });

  it("rejects the bytes that would bias the draw and asks for more", () => {
    // 250..255 are rejected for a 10-symbol alphabet; only 0..249 may map to a digit.
    const feed = [255, 250, 251, 7, 249, 252, 0];
    let calls = 0;
    const source = (bytes: Uint8Array) => {
      calls++;
      bytes.fill(255);
      for (let i = 0; i < Math.min(bytes.length, feed.length); i++) bytes[i] = feed[i]!;
      feed.splice(0, bytes.length);
      return bytes;
    };
    expect(randomString(ALPHABETS.numeric, 3, source)).toBe("790");
    expect(calls).toBe(1);
  });
});
