import fc from "fast-check";

// The hostile inputs the fuzz properties draw from: strings no client should send (control
// characters, lone surrogates, right-to-left marks, path traversal, very long ones), JSON that
// does not parse or has the wrong shape, ids that try to leave their folder, header values that
// lie. Every arbitrary here is shrinkable, so a failure is reported at its smallest.

/** Strings a hostile client sends where a short text is expected. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\r\n\r\n",
    "\u202e\u200b\ufeff",
    "\ud800",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "'; DROP TABLE verifications; --",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "$" + "{process.exit(1)}",
    "__proto__",
    "constructor",
    "NaN",
    "-1",
    "1e309",
    "🔥".repeat(50),
  ),
  fc.integer({ min: 200, max: 3_000 }).map((n) => "a".repeat(n)),
);

/** Any JSON value, deep or wide, as the wrong type of a field. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, [], {}) },
);

/**
 * A valid-looking object with one field replaced by a hostile value, removed, or joined by an
 * unknown key (strict schemas refuse those).
 */
export function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...keys), fc.oneof(anyJson, hostileString))
      .map(([k, v]) => ({ ...base, [k]: v })),
    fc.constantFrom(...keys).map((k) => {
      const copy = { ...base };
      delete copy[k];
      return copy;
    }),
    fc.tuple(hostileString, anyJson).map(([k, v]) => ({ ...base, [k]: v })),
    fc.constant(base),
  );
}

/** Text that is not JSON, or JSON cut short, padded or nested very deep. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v).slice(0, -1)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => `${JSON.stringify(v)}}garbage`),
  fc.constantFrom("{", "[", '{"a":}', "{'a':1}", '{"a":1,}', "\ufeff{}", "null", "[]", "0"),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
);

/** A body of `length` characters as a JSON string field: to sit just under or over a limit. */
export function sizedBody(key: string, limit: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: limit - 64, max: limit * 2 })
    .map((n) => JSON.stringify({ [key]: "x".repeat(Math.max(0, n - key.length - 7)) }));
}

/** A path segment that tries to be something else: traversal, encoded slashes, nul, unicode. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "..",
    "%2e%2e",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "....//....//etc//passwd",
    "%00",
    "%ff%fe",
    "%",
    "%zz",
    "a%0d%0aSet-Cookie:%20x=1",
    "con",
    "~root",
    "%E2%80%AE%00%ED%A0%80",
  ),
  hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"))),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
);

/** A header value as a client may send it: latin-1 without CR, LF or NUL (fetch refuses those). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) })
    .map((s) => s.trim()),
  fc.integer({ min: 1_000, max: 9_000 }).map((n) => "h".repeat(n)),
);

/** An `X-Forwarded-For` chain: addresses, garbage and empty hops, some spaces. */
export const forwardedChain: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      headerValue.map((s) => s.replace(/,/g, "")),
      fc.constant(""),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((hops) => fc.constantFrom(", ", ",", " , ").map((sep) => hops.join(sep)));

/** A content type: the right one, a near miss, a wrong one, or garbage. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "application/jsonx",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "*/*",
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: headerValue },
);

/** A method, ordinary or not. */
export const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

/** A query string of hostile parameters (repeated names included). */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom("limit", "subject", "purpose", "id", "x"), hostileString), {
    maxLength: 5,
  })
  .map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v.replace(/[\ud800-\udfff]/g, "?"));
    return pairs.length === 0 ? "" : `?${q}`;
  });

/**
 * A `Request` for the in-process app; a body only where fetch allows one (not GET or HEAD).
 *
 * @throws {TypeError} Never for values from these arbitraries (header values are latin-1).
 */
export function request(
  verb: string,
  path: string,
  init: { headers?: Array<[string, string]>; body?: string | FormData | null } = {},
): Request {
  const headers = new Headers();
  for (const [k, v] of init.headers ?? []) headers.append(k, v);
  const body = verb === "GET" || verb === "HEAD" ? null : (init.body ?? null);
  return new Request(`http://localhost${path}`, { method: verb, headers, body });
}
