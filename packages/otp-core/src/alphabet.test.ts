import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AlphabetName } from "./alphabet.js";
import { ALPHABETS, normalizeCode } from "./alphabet.js";
import { randomString } from "./random.js";

const names = Object.keys(ALPHABETS) as AlphabetName[];

describe("alphabets", () => {
  it("have the documented symbols: no I, O, 0, 1 in the letter sets", () => {
    expect(ALPHABETS.numeric).toHaveLength(10);
    expect(ALPHABETS.alphanumeric).toHaveLength(32);
    expect(ALPHABETS.alpha).toHaveLength(24);
    for (const ambiguous of ["I", "O", "0", "1"]) {
      expect(ALPHABETS.alphanumeric).not.toContain(ambiguous);
      expect(ALPHABETS.alpha).not.toContain(ambiguous);
    }
    for (const name of names) expect(new Set(ALPHABETS[name]).size).toBe(ALPHABETS[name].length);
  });
});

/** A code of `alphabet` and a way a person might type it. */
const typed = (alphabet: AlphabetName) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...ALPHABETS[alphabet]), { minLength: 4, maxLength: 10 }),
      fc.array(fc.constantFrom(" ", "-", "\u2013", "\u00a0", "\t"), { maxLength: 4 }),
      fc.boolean(),
      fc.nat(),
    )
    .map(([symbols, separators, lower, seed]) => {
      const code = symbols.join("");
      let input = code;
      for (const [i, sep] of separators.entries()) {
        const at = (seed + i * 7) % (input.length + 1);
        input = input.slice(0, at) + sep + input.slice(at);
      }
      return { code, input: ` ${lower ? input.toLowerCase() : input} ` };
    });

describe("normalizeCode", () => {
  for (const alphabet of names) {
    it(`round-trips any ${alphabet} code however it is spaced, dashed or cased`, () => {
      fc.assert(
        fc.property(typed(alphabet), ({ code, input }) => {
          expect(normalizeCode(input, alphabet)).toBe(code);
        }),
      );
    });
  }

  it("is idempotent and never lengthens its input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.constantFrom(...names), (input, alphabet) => {
        const once = normalizeCode(input, alphabet);
        expect(normalizeCode(once, alphabet)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(input.length);
      }),
    );
  });

  it("distinguishes different codes (normalisation never merges two valid codes)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (alphabet, seed) => {
          let s = seed;
          const rnd = (b: Uint8Array) => {
            for (let i = 0; i < b.length; i++) {
              s = (s * 1103515245 + 12345) >>> 0;
              b[i] = s >>> 24;
            }
            return b;
          };
          const a = randomString(ALPHABETS[alphabet], 6, rnd);
          const b = randomString(ALPHABETS[alphabet], 6, rnd);
          expect(normalizeCode(a, alphabet) === normalizeCode(b, alphabet)).toBe(a === b);
        },
      ),
    );
  });

  it("does not case-fold numeric codes and refuses oversize input", () => {
    expect(normalizeCode("12 34-56", "numeric")).toBe("123456");
    expect(() => normalizeCode("1".repeat(65), "numeric")).toThrow(
      /"code" expected string up to 64/,
    );
  });
});
