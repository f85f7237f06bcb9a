import type { OtpErrorCode, OtpMessage, OtpMessageKind } from "@otpkit/otp-core";
import { configError } from "@otpkit/otp-core";
import { describe, expect, vi } from "vitest";
import type { ChannelHarness, DescribeOtpChannelOptions } from "./channel-harness.js";
import { OTP_CHANNEL_TESTS } from "./channel-harness.js";
import { expectOtpError, rejectionOf, settleWithin } from "./settle.js";
import {
  assertAllRegistered,
  containsSecret,
  createRegistrar,
  findSecret,
  resolveSkips,
  sleep,
  toText,
} from "./suite-utils.js";
import { createTestMessage } from "./test-message.js";

export {
  type ChannelHarness,
  type DescribeOtpChannelOptions,
  OTP_CHANNEL_TESTS,
  type OtpChannelTestName,
} from "./channel-harness.js";

/** A distinctive code: if it shows up in an error or a log line, the channel leaked it. */
const CODE = "918273";
const RETRY_CODE = "564738";

/** Codes a channel may use for a provider failure (ABORTED too for a retryable timeout). */
const FAILURE_CODES: readonly OtpErrorCode[] = [
  "DELIVERY_FAILED",
  "PROVIDER_THROTTLED",
  "PROVIDER_REJECTED",
  "RECIPIENT_INVALID",
];

/** Builds a test message for the harness's recipient and the channel's address kind. */
type MessageFactory = (kind: OtpMessageKind, code?: string) => OtpMessage;

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/**
 * Registers the OtpChannel conformance suite: one vitest `describe("OtpChannel conformance:
 * <name>")` with a case per entry of {@link OTP_CHANNEL_TESTS}. Checks the receipt and that the
 * code reached the provider, that `retry`/`lockout`/`unlock` are accepted, that provider failures
 * become `OtpError`s with the right `retryable` flag, that `AbortSignal` is honoured (a hung send
 * rejects with `ABORTED` within `timeoutMs` of the abort; an aborted signal sends nothing), and
 * that the code never appears in an error (message, stack, `details`, the whole `cause` chain)
 * or in anything written to `console.*`.
 *
 * @param options The channel's name, a harness factory, declared skips and the time bound.
 * @throws OtpError `CONFIG_INVALID` when `skip` names an unknown test or gives no reason, or
 *   `timeoutMs` is not a positive number.
 * @example
 * ```ts
 * // test/conformance.test.ts
 * import { createFakeChannel, describeOtpChannel } from "@otpkit/otp-testing";
 *
 * describeOtpChannel({
 *   name: "fake",
 *   create: () => {
 *     const channel = createFakeChannel();
 *     return {
 *       channel,
 *       recipient: { email: "ada@example.com" },
 *       failNext: (kind) => channel.failNext(kind),
 *       hangNext: () => channel.hangNext(),
 *       delivered: async () => channel.sent.map((m) => ({ raw: JSON.stringify(m) })),
 *     };
 *   },
 * });
 * ```
 */
export function describeOtpChannel(options: DescribeOtpChannelOptions): void {
  const suite = `OtpChannel conformance: ${options.name}`;
  const reasons = resolveSkips(suite, OTP_CHANNEL_TESTS, options.skip);
  const bound = options.timeoutMs ?? 2_000;
  if (!Number.isFinite(bound) || bound <= 0) {
    throw configError("timeoutMs", "a positive number of milliseconds", bound, suite, {
      source: "otp-testing",
    });
  }

  const withHarness =
    (body: (h: ChannelHarness, message: MessageFactory) => Promise<void>) =>
    async (): Promise<void> => {
      const h = await options.create();
      const message = (kind: OtpMessageKind, code?: string): OtpMessage =>
        createTestMessage(kind, h.recipient, {
          address: h.channel.address,
          ...(code === undefined ? {} : { code }),
        });
      try {
        await body(h, message);
      } finally {
        if (h.close) await h.close();
        else await h.channel.close?.();
      }
    };

  /** Makes the next send fail with `kind`, sends a code message, returns the OtpError. */
  const failedSend = async (
    h: ChannelHarness,
    message: MessageFactory,
    kind: "retryable" | "permanent",
  ): Promise<unknown> => {
    await h.failNext(kind);
    return rejectionOf(h.channel.send(message("code", CODE)), `a send after failNext("${kind}")`);
  };

  describe(suite, () => {
    const { test, registered } = createRegistrar(reasons, bound * 4 + 10_000);

    test(
      "has a name and an address kind",
      withHarness(async (h) => {
        expect(typeof h.channel.name).toBe("string");
        expect(h.channel.name.trim(), "channel.name").not.toBe("");
        expect(["email", "phone"], "channel.address").toContain(h.channel.address);
        expect(
          h.recipient[h.channel.address],
          `harness recipient.${h.channel.address}`,
        ).toBeTruthy();
      }),
    );

    test(
      "a code message returns a receipt and reaches the provider",
      withHarness(async (h, message) => {
        const receipt = await h.channel.send(message("code", CODE));
        expect(typeof receipt.messageId, "receipt.messageId").toBe("string");
        expect(receipt.messageId.trim(), "receipt.messageId").not.toBe("");
        expect(findSecret(receipt, CODE), "the code appears in the receipt").toBeNull();
        await vi.waitFor(
          async () => {
            const raws = (await h.delivered()).map((d) => d.raw);
            expect(
              raws.some((raw) => raw.includes(CODE)),
              "a delivered message contains the code",
            ).toBe(true);
          },
          { timeout: bound, interval: 20 },
        );
      }),
    );

    test(
      "retry, lockout and unlock messages are accepted",
      withHarness(async (h, message) => {
        const before = (await h.delivered()).length;
        for (const kind of ["retry", "lockout", "unlock"] as const) {
          const receipt = await h.channel.send(
            message(kind, kind === "retry" ? RETRY_CODE : undefined),
          );
          expect(receipt.messageId, `receipt.messageId of a ${kind} message`).toBeTruthy();
        }
        await vi.waitFor(
          async () => {
            const delivered = await h.delivered();
            expect(delivered.length, "messages the provider accepted").toBeGreaterThanOrEqual(
              before + 3,
            );
            expect(
              delivered.some((d) => d.raw.includes(RETRY_CODE)),
              "the retry message contains its code",
            ).toBe(true);
          },
          { timeout: bound, interval: 20 },
        );
      }),
    );

    test(
      "a retryable failure rejects with a retryable OtpError",
      withHarness(async (h, message) => {
        const error = await failedSend(h, message, "retryable");
        expectOtpError(error);
        expect([...FAILURE_CODES, "ABORTED"], "error.code").toContain(error.code);
        expect(error.retryable, "error.retryable").toBe(true);
        // failNext affects one send only, and the channel recovers from the failure.
        const receipt = await h.channel.send(message("code"));
        expect(receipt.messageId).toBeTruthy();
      }),
    );

    test(
      "a permanent failure rejects with a non-retryable OtpError",
      withHarness(async (h, message) => {
        const error = await failedSend(h, message, "permanent");
        expectOtpError(error);
        expect(FAILURE_CODES, "error.code").toContain(error.code);
        expect(error.retryable, "error.retryable").toBe(false);
        const receipt = await h.channel.send(message("code"));
        expect(receipt.messageId).toBeTruthy();
      }),
    );

    test(
      "a hung send rejects with ABORTED soon after abort",
      withHarness(async (h, message) => {
        await h.hangNext();
        const controller = new AbortController();
        const pending = h.channel.send(message("code", CODE), { signal: controller.signal });
        // Long enough for the request to reach the provider even on a loaded machine: an abort
        // before it arrives would leave the provider's "hang the next one" for the send below.
        const early = await settleWithin(pending, 250);
        expect(early.status, "the send settled before the abort: hangNext() did not hang it").toBe(
          "pending",
        );
        const abortedAt = Date.now();
        controller.abort();
        const outcome = await settleWithin(pending, bound);
        const elapsed = Date.now() - abortedAt;
        expect(outcome.status, `send state ${elapsed} ms after abort (bound ${bound} ms)`).toBe(
          "rejected",
        );
        const error = outcome.status === "rejected" ? outcome.reason : undefined;
        expectOtpError(error);
        expect(error.code, "error.code").toBe("ABORTED");
        expect(findSecret(error, CODE), "the code appears in the ABORTED error").toBeNull();
        // An abort must not poison the channel (a half-open pooled connection, say).
        const receipt = await h.channel.send(message("code"));
        expect(receipt.messageId, "a send after the abort").toBeTruthy();
      }),
    );

    test(
      "an already-aborted signal rejects with ABORTED and delivers nothing",
      withHarness(async (h, message) => {
        const before = (await h.delivered()).length;
        const controller = new AbortController();
        controller.abort();
        const outcome = await settleWithin(
          h.channel.send(message("code", CODE), { signal: controller.signal }),
          bound,
        );
        expect(outcome.status, "send with an aborted signal").toBe("rejected");
        const error = outcome.status === "rejected" ? outcome.reason : undefined;
        expectOtpError(error);
        expect(error.code, "error.code").toBe("ABORTED");
        expect(findSecret(error, CODE), "the code appears in the ABORTED error").toBeNull();
        await sleep(Math.min(200, bound));
        expect((await h.delivered()).length, "messages delivered despite the aborted signal").toBe(
          before,
        );
      }),
    );

    test(
      "the code never appears in errors",
      withHarness(async (h, message) => {
        for (const kind of ["retryable", "permanent"] as const) {
          const error = await failedSend(h, message, kind);
          const where = findSecret(error, CODE);
          expect(where, `the code leaked into the ${kind} failure at ${where}`).toBeNull();
        }
      }),
    );

    test(
      "the code never appears in console output",
      withHarness(async (h, message) => {
        const spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
        let lines: string[] = [];
        try {
          await h.channel.send(message("code", CODE));
          await h.channel.send(message("retry", CODE));
          for (const kind of ["retryable", "permanent"] as const)
            await failedSend(h, message, kind);
        } finally {
          // Read the calls before mockRestore(), which also clears them.
          lines = spies.flatMap((spy, i) =>
            spy.mock.calls.map(
              (args) => `console.${CONSOLE_METHODS[i]}: ${args.map(toText).join(" ")}`,
            ),
          );
          for (const spy of spies) spy.mockRestore();
        }
        const leaks = lines.filter((line) => containsSecret(line, CODE));
        expect(leaks, "console lines that contain the code").toEqual([]);
      }),
    );

    assertAllRegistered(suite, OTP_CHANNEL_TESTS, registered);
  });
}
