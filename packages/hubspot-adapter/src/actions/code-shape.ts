// Internal: remembers the shape (alphabet, length) of the code Generate issued for a subject,
// so Verify checks it with an engine of that shape. otp-core answers `malformed` for input of
// another length or alphabet than its policy, and a Generate override (8 characters where the
// settings say 6) or a settings change in between would otherwise turn the right code into
// `malformed`. Kept in the shared OTP store, next to the subject's record.
import { createHmac, hkdfSync } from "node:crypto";
import type { AlphabetName, OtpStore } from "@otpkit/otp-core";
import { ALPHABETS, configError, OtpError } from "@otpkit/otp-core";
import { HUBSPOT_OTP_PURPOSE } from "./subject.js";

/** A code's alphabet and length. */
export interface CodeShape {
  alphabet: AlphabetName;
  length: number;
}

/** What was recorded for a subject. */
export interface RecordedShape {
  codeId: string;
  shape: CodeShape;
  purpose: string;
}

/** Kept this long after the code expires, so a late check still finds its shape (`expired`). */
const AFTER_EXPIRY_MS = 60 * 60_000;

/** @internal The shape records of one naming key. */
export function createCodeShapes(options: {
  store: OtpStore;
  namingKey: string | Uint8Array;
  now: () => number;
}) {
  const { store, now } = options;
  if (typeof store?.get !== "function" || typeof store.compareAndSet !== "function") {
    throw configError("store", "an OtpStore", store, undefined, { source: "hubspot" });
  }
  const raw =
    typeof options.namingKey === "string"
      ? Buffer.from(options.namingKey, "utf8")
      : options.namingKey;
  if (!(raw instanceof Uint8Array) || raw.length < 32) {
    throw configError("namingKey", "at least 32 bytes", "a shorter key", undefined, {
      source: "hubspot",
      redact: true,
    });
  }
  // Why a keyed digest: whoever reads the store must not be able to confirm a guessed subject
  // (portal and contact id), as with otp-core's own keys. A separate HKDF label keeps these keys
  // apart from otp-core's.
  const key = Buffer.from(
    hkdfSync("sha256", raw, new Uint8Array(0), "otpkit/hubspot/code-shape", 32),
  );
  const keyOf = (subject: string) => {
    const digest = createHmac("sha256", key)
      .update(`${HUBSPOT_OTP_PURPOSE}\0${subject}`)
      .digest()
      .subarray(0, 16)
      .toString("base64url");
    return `{${digest}}:hubspot:shape`;
  };

  return {
    async read(subject: string): Promise<RecordedShape | undefined> {
      const text = await store.get(keyOf(subject));
      return text === null ? undefined : parse(text);
    },
    async write(subject: string, codeId: string, shape: CodeShape, expiresAt: number) {
      const k = keyOf(subject);
      const next = JSON.stringify({ c: codeId, a: shape.alphabet, l: shape.length });
      const ttlMs = Math.max(1, expiresAt - now() + AFTER_EXPIRY_MS);
      // A replace loop on compare-and-set: the store's one write primitive.
      for (let tries = 0; tries < 5; tries++) {
        const current = await store.get(k);
        if (current === next) return;
        if (await store.compareAndSet(k, current, next, ttlMs)) return;
      }
      throw new OtpError("STORE_CONTENTION", "The code shape record keeps changing", {
        source: "hubspot",
        retryable: true,
      });
    },
  };
}

function parse(text: string): RecordedShape | undefined {
  try {
    const value = JSON.parse(text) as { c?: unknown; a?: unknown; l?: unknown };
    if (
      typeof value.c === "string" &&
      typeof value.a === "string" &&
      value.a in ALPHABETS &&
      typeof value.l === "number" &&
      Number.isInteger(value.l)
    ) {
      return {
        codeId: value.c,
        shape: { alphabet: value.a as AlphabetName, length: value.l },
        purpose: HUBSPOT_OTP_PURPOSE,
      };
    }
  } catch {
    // An unreadable record: verify with the settings' shape.
  }
  return undefined;
}
