import type {
  AddressKind,
  DeliveryReceipt,
  OtpChannel,
  OtpMessage,
  SendOptions,
} from "@otpkit/otp-core";
import { abortedError, OtpError } from "@otpkit/otp-core";

/** How a programmed send fails: worth repeating (`"retryable"`) or not (`"permanent"`). */
export type FakeFailureKind = "retryable" | "permanent";

/** Options for {@link createFakeChannel}. */
export interface FakeChannelOptions {
  /** The channel's `name`. @default "fake" */
  name?: string;
  /** Which recipient field the channel delivers to. @default "email" */
  address?: AddressKind;
}

/** An in-memory {@link OtpChannel} that records what it was asked to deliver. */
export interface FakeChannel extends OtpChannel {
  /** Every message accepted so far, oldest first (copies: later edits by the caller don't show). */
  readonly sent: OtpMessage[];
  /** The last accepted message, or `undefined`. */
  last(): OtpMessage | undefined;
  /** The code of the last accepted `code` or `retry` message (to `to`, when given), or `undefined`. */
  lastCode(to?: string): string | undefined;
  /** Forgets every recorded message; programmed failures stay. */
  clear(): void;
  /**
   * The next send fails with a `DELIVERY_FAILED` OtpError (`retryable` per `kind`). Calls queue up.
   * `retryAfterMs` goes into `details`, as a throttling provider would say it.
   */
  failNext(kind: FakeFailureKind, options?: { retryAfterMs?: number }): void;
  /** Every send fails with `kind` until called with `null` (queued `failNext`/`hangNext` go first). */
  failAlways(kind: FakeFailureKind | null): void;
  /** The next send never answers until its signal aborts (without a signal it never settles). */
  hangNext(): void;
}

type Plan = { kind: FakeFailureKind; retryAfterMs?: number } | "hang";

/**
 * Creates a fake channel for tests of code that sends OTPs: it records every accepted message
 * (`sent`, `last()`, `lastCode()`), and can be told to fail (`failNext`, `failAlways`) or hang
 * (`hangNext`). It honours `AbortSignal` and throws the errors a real channel throws:
 * `DELIVERY_FAILED` with `retryable` set, and `ABORTED`, never with the code in them.
 * It passes `describeOtpChannel` itself.
 *
 * @param options `name` (default `"fake"`) and `address` (default `"email"`).
 * @returns The channel, with its recording and programming methods.
 * @example
 * ```ts
 * const channel = createFakeChannel();
 * await channel.send(createTestMessage("code", { email: "ada@example.com" }, { code: "123456" }));
 * channel.lastCode("ada@example.com"); // "123456"
 * channel.failNext("retryable"); // the next send rejects with a retryable OtpError
 * ```
 */
export function createFakeChannel(options: FakeChannelOptions = {}): FakeChannel {
  const name = options.name ?? "fake";
  const address = options.address ?? "email";
  const sent: OtpMessage[] = [];
  const plans: Plan[] = [];
  let always: Plan | null = null;
  let accepted = 0;

  // Aborts the way every real channel reports them (otp-core's one rule).
  const aborted = (signal: AbortSignal): OtpError =>
    abortedError(signal, name, `[${name}] the send was aborted`);

  const failure = ({
    kind,
    retryAfterMs,
  }: {
    kind: FakeFailureKind;
    retryAfterMs?: number;
  }): OtpError =>
    // The message names the failure, never the message content: no code, no address.
    new OtpError(
      "DELIVERY_FAILED",
      `[${name}] the provider ${kind === "retryable" ? "asked to retry later" : "rejected the message"} (simulated)`,
      {
        source: name,
        retryable: kind === "retryable",
        details: {
          simulated: kind,
          status: kind === "retryable" ? 421 : 550,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        },
        cause: new Error(kind === "retryable" ? "421 try again later" : "550 no such recipient"),
      },
    );

  const hang = (signal: AbortSignal | undefined): Promise<never> =>
    new Promise<never>((_, reject) => {
      signal?.addEventListener("abort", () => reject(aborted(signal)), { once: true });
    });

  return {
    name,
    address,
    sent,
    async send(message: OtpMessage, sendOptions: SendOptions = {}): Promise<DeliveryReceipt> {
      const { signal } = sendOptions;
      if (signal?.aborted) throw aborted(signal);
      const plan = plans.shift() ?? always;
      if (plan === "hang") return hang(signal);
      if (plan) throw failure(plan);
      // Yield once, like any I/O would, and honour an abort that lands meanwhile.
      await Promise.resolve();
      if (signal?.aborted) throw aborted(signal);
      sent.push(structuredClone(message));
      accepted++;
      return { messageId: `<${name}-${accepted}@otp-testing.invalid>` };
    },
    last() {
      return sent.at(-1);
    },
    lastCode(to?: string) {
      for (let i = sent.length - 1; i >= 0; i--) {
        const message = sent[i]!;
        if (message.code !== undefined && (to === undefined || message.to === to))
          return message.code;
      }
      return undefined;
    },
    clear() {
      sent.length = 0;
    },
    failNext(kind, failOptions = {}) {
      plans.push({ kind, ...failOptions });
    },
    failAlways(kind) {
      always = kind === null ? null : { kind };
    },
    hangNext() {
      plans.push("hang");
    },
    async close() {
      // Nothing pooled. Present so callers can close any channel the same way.
    },
  };
}
