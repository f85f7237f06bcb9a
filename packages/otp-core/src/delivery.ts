import { aint, argumentError, configError } from "./assert.js";
import type { DeliveryReceipt, OtpChannel, OtpMessage, Recipient } from "./channel.js";
import { isOtpError, OtpError } from "./errors.js";
import type { PhoneCountries } from "./phone-countries.js";
import { notAllowedError } from "./phone-countries.js";

/** How the engine hands messages to channels. */
export interface DeliveryOptions {
  /**
   * Tries per channel for a retryable failure (the first try included) before falling back to the
   * next channel. Bounded on purpose: a code lives minutes, a slow retry loop would outlive it.
   * @default 3
   */
  attempts?: number;
  /** Wait before the 2nd try; doubles each try (exponential backoff). @default 250 */
  backoffMs?: number;
  /** Upper bound for one wait. @default 2000 */
  maxBackoffMs?: number;
  /** Time limit for one `send` call; the channel is aborted past it. @default 15000 */
  timeoutMs?: number;
}

/** @internal What one delivery attempt produced, for events. */
export interface DeliveryAttempt {
  channel: string;
  to: string;
  error?: OtpError;
  receipt?: DeliveryReceipt;
}

/** @internal The successful outcome of {@link Deliverer.deliver}. */
export interface Delivered {
  channel: string;
  to: string;
  receipt: DeliveryReceipt;
}

/** @internal */
export interface Deliverer {
  readonly channels: readonly OtpChannel[];
  /**
   * Channels that can reach the recipient, in the order they will be tried (only `preferred`,
   * when given). A phone channel is left out when `phoneCountries` does not admit the number,
   * unless `anyCountry` (a test recipient: nothing is sent to it).
   */
  plan(recipient: Recipient, preferred?: readonly string[], anyCountry?: boolean): OtpChannel[];
  /**
   * Why {@link Deliverer.plan} is empty: `DESTINATION_NOT_ALLOWED` when the allow-list left out
   * the phone channels that could have reached the recipient, else `NO_CHANNEL`.
   */
  noPlanError(recipient: Recipient, preferred?: readonly string[]): OtpError;
  deliver(
    message: Omit<OtpMessage, "to">,
    plan: readonly OtpChannel[],
    onAttempt: (attempt: DeliveryAttempt) => Promise<void>,
  ): Promise<Delivered>;
}

/** @internal */
export function createDeliverer(
  channels: readonly OtpChannel[],
  options: DeliveryOptions,
  sleep: (ms: number) => Promise<void>,
  countries?: PhoneCountries,
): Deliverer {
  const names = new Set<string>();
  channels.forEach((channel, i) => {
    if (typeof channel?.send !== "function" || typeof channel.name !== "string") {
      throw configError(`channels[${i}]`, "an OtpChannel with name and send()", typeof channel);
    }
    if (channel.address !== "email" && channel.address !== "phone") {
      throw configError(`channels[${i}].address`, `"email" or "phone"`, channel.address);
    }
    if (names.has(channel.name))
      throw configError(`channels[${i}].name`, "a unique channel name", channel.name);
    names.add(channel.name);
  });
  if (typeof options !== "object" || options === null) {
    throw configError("delivery", "an object", options);
  }
  const attempts = aint("delivery.attempts", options.attempts ?? 3, 1, 10);
  const backoffMs = aint("delivery.backoffMs", options.backoffMs ?? 250, 0, 60_000);
  const maxBackoffMs = aint("delivery.maxBackoffMs", options.maxBackoffMs ?? 2000, 0, 300_000);
  const timeoutMs = aint("delivery.timeoutMs", options.timeoutMs ?? 15_000, 100, 300_000);

  // Phone channels first, then e-mail (seed 004: WhatsApp when there is a phone, else email);
  // within one kind, the order the channels were configured in.
  const defaultOrder = [
    ...channels.filter((c) => c.address === "phone"),
    ...channels.filter((c) => c.address === "email"),
  ];

  function reachable(recipient: Recipient, preferred?: readonly string[]): OtpChannel[] {
    let order = defaultOrder;
    if (preferred && preferred.length > 0) {
      const picked = preferred.map((name) => {
        const channel = channels.find((c) => c.name === name);
        if (!channel)
          throw argumentError(
            "channels",
            `names among ${[...names].join(", ") || "(none configured)"}`,
            name,
          );
        return channel;
      });
      // Only the named channels: a caller who names one (the API's explicit `channel`, the
      // conversation that told the user "we sent it to ***78") must never see it replaced.
      order = picked;
    }
    return order.filter((c) => typeof addressFor(c, recipient) === "string");
  }

  return {
    channels,
    plan(recipient, preferred, anyCountry = false) {
      const order = reachable(recipient, preferred);
      if (countries === undefined || anyCountry) return order;
      // One check per request, not per channel: WhatsApp and SMS share the number.
      let allowed: boolean | undefined;
      return order.filter((c) => {
        if (c.address !== "phone") return true;
        allowed ??= countries.check(recipient.phone!).allowed;
        return allowed;
      });
    },
    noPlanError(recipient, preferred) {
      const phone = recipient.phone;
      if (
        countries !== undefined &&
        typeof phone === "string" &&
        reachable(recipient, preferred).some((c) => c.address === "phone")
      ) {
        const check = countries.check(phone);
        if (!check.allowed) return notAllowedError(check);
      }
      return new OtpError(
        "NO_CHANNEL",
        channels.length === 0
          ? "No channels are configured: pass deliver: false to receive the code and deliver it yourself"
          : "No configured channel can reach this recipient (give an email or a phone)",
      );
    },
    async deliver(message, plan, onAttempt) {
      let last: OtpError | undefined;
      for (const channel of plan) {
        const to = addressFor(channel, message.recipient)!;
        for (let attempt = 1; attempt <= attempts; attempt++) {
          const signal = AbortSignal.timeout(timeoutMs);
          try {
            const receipt = await channel.send({ ...message, to } as OtpMessage, { signal });
            await onAttempt({ channel: channel.name, to, receipt });
            return { channel: channel.name, to, receipt };
          } catch (error) {
            // Our own time limit fired: the provider may just be slow, so this try is retryable
            // (a caller's abort would not be, which is why the channel cannot decide it).
            last = signal.aborted
              ? new OtpError(
                  "DELIVERY_FAILED",
                  `Channel "${channel.name}" did not answer within ${timeoutMs} ms`,
                  {
                    retryable: true,
                    source: channel.name,
                    cause: isOtpError(error) ? error : undefined,
                  },
                )
              : asDeliveryError(error, channel.name);
            await onAttempt({ channel: channel.name, to, error: last });
            if (!last.retryable) break; // permanent: this channel cannot do it, fall back
            // A channel may say how long to wait (`details.retryAfterMs`: a provider's rate limit,
            // per-recipient pacing). Wait that long if it is short; if it is longer than we would
            // ever wait, the code would age in the queue: fall back to the next channel instead.
            const hint = Number(last.details?.["retryAfterMs"]);
            if (Number.isFinite(hint) && hint > maxBackoffMs) break;
            if (attempt < attempts) {
              const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
              await sleep(Number.isFinite(hint) ? Math.max(backoff, hint) : backoff);
            }
          }
        }
      }
      throw new OtpError(
        "DELIVERY_FAILED",
        `Delivery failed on every channel (${plan.map((c) => c.name).join(", ")})`,
        {
          cause: last,
          retryable: last?.retryable ?? false,
        },
      );
    },
  };
}

function addressFor(channel: OtpChannel, recipient: Recipient): string | undefined {
  const value = channel.address === "phone" ? recipient.phone : recipient.email;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** A channel that throws something other than OtpError broke the contract; treat it as retryable once. */
function asDeliveryError(error: unknown, channel: string): OtpError {
  if (isOtpError(error)) return error;
  // Do not keep the foreign error as `cause`: we cannot know it is free of the code.
  const name = error instanceof Error ? error.name : typeof error;
  return new OtpError("DELIVERY_FAILED", `Channel "${channel}" threw a non-OtpError (${name})`, {
    retryable: true,
    source: channel,
  });
}
