import type { DeliveryReceipt } from "@otpkit/otp-core";
import { abortedError, isOtpError, OtpError, raceAbort } from "@otpkit/otp-core";
import { graphOtpError, readGraphError } from "./graph-errors.js";
import type { PaceTicket } from "./pacing.js";

/** @internal The message the channel raises when the caller's signal stops a send. */
export const ABORTED_MESSAGE = "The WhatsApp send was aborted";

/** @internal Where and how one channel posts its messages. */
export interface GraphTarget {
  /** `<base>/<version>/<phone number id>/messages`. */
  url: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/**
 * @internal POSTs one message to the Cloud API and turns the answer into a receipt or an
 * `OtpError` (never carrying the body, Meta's free text or the token).
 */
export async function postMessage(
  target: GraphTarget,
  body: unknown,
  signal: AbortSignal | undefined,
  ticket: PaceTicket | undefined,
): Promise<DeliveryReceipt> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), target.timeoutMs);
  const combined = AbortSignal.any(signal ? [signal, timeout.signal] : [timeout.signal]);
  try {
    const request = (async () => {
      const response = await target.fetch(target.url, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${target.token}`,
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body: JSON.stringify(body),
        signal: combined,
        // The Graph API does not redirect message sends; never carry the token anywhere else.
        redirect: "error",
      });
      const text = await response.text();
      return { status: response.status, ok: response.ok, json: parseJson(text) };
    })();
    // An injected `fetch` may ignore the signal: the race rejects at once anyway, and the catch
    // below says which signal it was.
    const { status, ok, json } = await raceAbort(request, combined);
    if (ok) {
      const id = messageIdOf(json);
      if (id !== undefined) return { messageId: id };
      throw new OtpError("DELIVERY_FAILED", "WhatsApp answered without a message id", {
        // The request was accepted as far as HTTP goes: repeating could send the code twice.
        retryable: false,
        source: "whatsapp",
        details: { httpStatus: status },
      });
    }
    const facts = readGraphError(json, status);
    if (facts.graphCode === 131056) {
      // Meta's pair rate limit: back off 4^X s for this number (the pacer remembers X).
      throw graphOtpError(facts, { retryAfterMs: ticket ? ticket.pairLimited() : 6_000 });
    }
    throw graphOtpError(facts);
  } catch (error) {
    if (isOtpError(error)) throw error;
    if (signal?.aborted) throw abortedError(signal, "whatsapp", ABORTED_MESSAGE);
    if (timeout.signal.aborted) {
      throw new OtpError(
        "DELIVERY_FAILED",
        `WhatsApp did not answer within ${target.timeoutMs} ms`,
        { retryable: true, source: "whatsapp", details: { reason: "timeout" } },
      );
    }
    throw networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageIdOf(json: unknown): string | undefined {
  const messages = (json as { messages?: unknown } | undefined)?.messages;
  const first = Array.isArray(messages) ? (messages[0] as { id?: unknown } | undefined) : undefined;
  return typeof first?.id === "string" && first.id.length > 0 ? first.id : undefined;
}

/** A network failure: retryable (delivery.md §3), with its error name and system code only. */
function networkError(error: unknown): OtpError {
  // The foreign error is not attached: an injected fetch could put anything in it, the request
  // body (the code) included. Its name and system error code are enough to diagnose.
  const rawName = error instanceof Error ? error.name : typeof error;
  const name = /^[A-Za-z]{1,40}$/.test(rawName) ? rawName : "Error";
  const causeCode = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const code = typeof causeCode === "string" && /^[A-Z_]{1,40}$/.test(causeCode) ? causeCode : null;
  return new OtpError(
    "DELIVERY_FAILED",
    `Could not reach the WhatsApp Cloud API (${name}${code ? `, ${code}` : ""})`,
    {
      retryable: true,
      source: "whatsapp",
      details: { reason: "network", errorName: name, systemCode: code },
    },
  );
}
