import type { Recipient } from "../channel.js";
import type { SealedText } from "../crypto.js";
import type { OtpEvent } from "../events.js";
import type { RulesPolicy } from "../options.js";
import type { CodePolicy } from "../policy.js";
import type { SubjectRecord } from "../record.js";

/** An event as a decision describes it; the shell adds `at`, `subject` and `purpose`. */
export type EventDraft = Omit<OtpEvent, "at" | "subject" | "purpose">;

/** A message a decision asks the shell to send once the new record is committed. */
export type MessageEffect =
  | {
      kind: "code" | "retry";
      codeId: string;
      to: Recipient;
      channels?: readonly string[];
    }
  | {
      kind: "lockout" | "unlock";
      to: Recipient;
      channels?: readonly string[];
      /** For `lockout`: until when (`undefined` for a lock only an operator ends). */
      lockedUntil?: number;
    };

/**
 * What a rule decides: the next record (`undefined`: nothing changes, nothing to write), the
 * answer, and the effects to perform — in order — only after the record is committed. `R` is
 * the record's type: a subject's by default, a destination's for the send quota.
 */
export interface Decision<O, R = SubjectRecord> {
  readonly next: R | undefined;
  readonly outcome: O;
  readonly events: readonly EventDraft[];
  readonly messages: readonly MessageEffect[];
}

/** A fresh code the shell prepared (randomness and MAC are the shell's; the rule only places it). */
export interface Candidate {
  readonly id: string;
  readonly keyId: string;
  readonly mac: string;
  readonly sealed?: SealedText;
  readonly test: boolean;
}

/** Everything the decisions read besides the record: the validated numbers and the code shape. */
export interface Policy extends RulesPolicy {
  readonly code: CodePolicy;
}
