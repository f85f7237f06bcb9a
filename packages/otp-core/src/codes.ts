import { normalizeCode } from "./alphabet.js";
import { configError } from "./assert.js";
import { fromBase64Url, toBase64Url } from "./base64url.js";
import type { Recipient } from "./channel.js";
import type { Keyring } from "./crypto.js";
import { constantTimeEqual } from "./crypto.js";
import type { OtpOptions } from "./options.js";
import type { CodePolicy } from "./policy.js";
import type { RandomSource } from "./random.js";
import { randomId, randomString } from "./random.js";
import type { CodeState } from "./record.js";
import type { Candidate } from "./rules/index.js";

/** Bytes of HMAC-SHA-256 kept per code: 128 bits, far beyond any code's own entropy. */
const MAC_BYTES = 16;
/** Bytes of a code id: 96 bits, unique per subject beyond doubt. Ids are not secrets. */
const ID_BYTES = 12;

/** @internal A fresh code and the candidate state that holds its MAC. */
export interface MadeCode {
  readonly code: string;
  readonly candidate: Candidate;
}

/** @internal Makes codes and checks them: the only place that sees a plaintext code and a MAC together. */
export interface CodeMaker {
  /**
   * A fresh code for `recipient` (the fixed one for a test recipient) and its candidate state.
   * Synchronous: in `encrypted` storage, {@link CodeMaker.seal} then adds the sealed copy.
   */
  make(sid: string, recipient: Recipient | undefined): MadeCode;
  /** Whether `recipient` is a test recipient (fixed code, no delivery, no send quota). */
  isTest(recipient: Recipient | undefined): boolean;
  /** `made` with its sealed copy in the candidate, in `encrypted` storage; `made` itself otherwise. */
  seal(sid: string, made: MadeCode): Promise<MadeCode>;
  /**
   * Whether `code` (normalised) is the one `state` holds, in constant time: the active code, or
   * a code it replaced (only its id, key id and MAC are read).
   */
  matches(sid: string, code: string, state: Pick<CodeState, "id" | "keyId" | "mac">): boolean;
  /** The same MAC work as a real comparison, so "no code" takes as long as "wrong code". */
  dummy(sid: string, code: string): void;
  /** The sealed copy, opened (`encrypted` storage only). */
  reveal(sid: string, state: CodeState): Promise<string | undefined>;
}

/** @internal */
export function createCodeMaker(
  keyring: Keyring,
  policy: CodePolicy,
  random: RandomSource,
  storage: "hash" | "encrypted",
  testRecipients: OtpOptions["testRecipients"],
): CodeMaker {
  const fixed = checkTestRecipients(testRecipients, policy);

  function mac(keyId: string, sid: string, codeId: string, code: string): Uint8Array {
    // Binding the MAC to the subject and the code id means a stored MAC cannot be replayed for
    // another subject or another code, even by someone who can write to the store. The prefix
    // only versions the layout: the key is already this purpose's own (HKDF "otpkit/v1/mac").
    // Kept short on purpose: 3 + 22 + 1 + 16 + 1 + at most 10 = 53 bytes fits SHA-256's one-block
    // limit (55), so the MAC costs two compressions after keying, not three ("otpkit/v2\0" made
    // a 6-digit code's message 56 bytes: one block too many, on every issue and every verify).
    // slice, not subarray: a view of a fresh small array moves it off the V8 heap (crypto.ts).
    return keyring.mac(keyId, `v2\0${sid}\0${codeId}\0${code}`).slice(0, MAC_BYTES);
  }

  function isTest(recipient: Recipient | undefined): boolean {
    return fixed !== undefined && recipient !== undefined && testRecipients!.matches(recipient);
  }

  return {
    isTest,
    make(sid, recipient) {
      const test = isTest(recipient);
      const code = test ? fixed! : randomString(policy.symbols, policy.length, random);
      const id = randomId(random, ID_BYTES);
      const keyId = keyring.currentId;
      const candidate: Candidate = { id, keyId, mac: toBase64Url(mac(keyId, sid, id, code)), test };
      return { code, candidate };
    },
    async seal(sid, made) {
      if (storage !== "encrypted") return made;
      const { code, candidate } = made;
      const sealed = await keyring.encrypt(code, `${sid}\0${candidate.id}`, random);
      return { code, candidate: { ...candidate, sealed } };
    },
    matches(sid, code, state) {
      return constantTimeEqual(mac(state.keyId, sid, state.id, code), fromBase64Url(state.mac));
    },
    dummy(sid, code) {
      constantTimeEqual(mac(keyring.currentId, sid, "-", code), new Uint8Array(MAC_BYTES));
    },
    async reveal(sid, state) {
      return state.sealed ? keyring.decrypt(state.sealed, `${sid}\0${state.id}`) : undefined;
    },
  };
}

function checkTestRecipients(
  testRecipients: OtpOptions["testRecipients"],
  policy: CodePolicy,
): string | undefined {
  if (testRecipients === undefined) return undefined;
  if (typeof testRecipients !== "object" || testRecipients === null) {
    throw configError("testRecipients", "{ code, matches }", testRecipients);
  }
  if (typeof testRecipients.matches !== "function") {
    throw configError(
      "testRecipients.matches",
      "a function (recipient) => boolean",
      typeof testRecipients.matches,
    );
  }
  const fixed =
    typeof testRecipients.code === "string"
      ? normalizeCode(testRecipients.code, policy.alphabet)
      : "";
  if (fixed.length !== policy.length || [...fixed].some((c) => !policy.symbols.includes(c))) {
    throw configError(
      "testRecipients.code",
      `${policy.length} symbols of the ${policy.alphabet} alphabet`,
      testRecipients.code,
    );
  }
  return fixed;
}
