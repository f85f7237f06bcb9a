// What describeOtpChannel drives and takes: the harness a channel's author writes, the names of
// the suite's cases, and its options.
import type { OtpChannel, Recipient } from "@otpkit/otp-core";
import type { SkipEntry } from "./suite-utils.js";

/**
 * What `describeOtpChannel` needs to drive one channel against a fake of its provider
 * (a local SMTP server, a stubbed `fetch`, a fake HTTP API).
 */
export interface ChannelHarness {
  /** The channel under test, wired to the harness's fake provider. */
  channel: OtpChannel;
  /** A recipient this channel can deliver to (email or phone filled as the channel needs). */
  recipient: Recipient;
  /**
   * Make the NEXT send fail the way the provider would: `"retryable"` (throttling, timeout,
   * 4xx) or `"permanent"` (unknown recipient, rejected credentials).
   */
  failNext(kind: "retryable" | "permanent"): void | Promise<void>;
  /** Make the NEXT send hang (the provider never answers) until it is aborted. */
  hangNext(): void | Promise<void>;
  /**
   * Everything the provider accepted so far, as raw text (the raw MIME, the JSON body), used to
   * check the code really went out. The code must appear literally: decode transfer encodings
   * (base64, quoted-printable) first if the provider receives them.
   */
  delivered(): Promise<Array<{ messageId?: string; raw: string }>>;
  /**
   * Releases the fake provider and the channel.
   * @default the suite calls `channel.close()` when the channel has one
   */
  close?(): Promise<void>;
}

/**
 * Every case `describeOtpChannel` registers, by its exact test name. Use these names in `skip`.
 *
 * @example
 * ```ts
 * describeOtpChannel({
 *   name: "carrier-pigeon",
 *   create: () => createPigeonHarness(),
 *   skip: [{ reason: "pigeons cannot be recalled", tests: ["a hung send rejects with ABORTED soon after abort"] }],
 * });
 * ```
 */
export const OTP_CHANNEL_TESTS = [
  "has a name and an address kind",
  "a code message returns a receipt and reaches the provider",
  "retry, lockout and unlock messages are accepted",
  "a retryable failure rejects with a retryable OtpError",
  "a permanent failure rejects with a non-retryable OtpError",
  "a hung send rejects with ABORTED soon after abort",
  "an already-aborted signal rejects with ABORTED and delivers nothing",
  "the code never appears in errors",
  "the code never appears in console output",
] as const;

/** The name of one case of the channel suite (an element of {@link OTP_CHANNEL_TESTS}). */
export type OtpChannelTestName = (typeof OTP_CHANNEL_TESTS)[number];

/** Options for {@link describeOtpChannel}. */
export interface DescribeOtpChannelOptions {
  /** Channel name, shown in the suite title `OtpChannel conformance: <name>`. */
  name: string;
  /** Called once per test: a fresh channel wired to a fresh fake provider. */
  create: () => ChannelHarness | Promise<ChannelHarness>;
  /**
   * Tests this channel cannot pass, each with the reason (shown in the skipped test's title as
   * `<test> — skipped: <reason>`). Unknown test names and empty reasons throw.
   */
  skip?: Array<SkipEntry<OtpChannelTestName>>;
  /**
   * How long a send may take to reject after its signal aborts, and how long an accepted
   * message may take to show up in `delivered()`. Each test's vitest timeout is derived from it.
   * @default 2000
   */
  timeoutMs?: number;
}
