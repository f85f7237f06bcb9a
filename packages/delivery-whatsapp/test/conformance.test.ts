import type { ChannelHarness } from "@otpkit/otp-testing";
import { describeOtpChannel } from "@otpkit/otp-testing";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import type { WhatsAppChannelOptions } from "../src/index.js";
import { createWhatsAppChannel } from "../src/index.js";

async function harness(options: Partial<WhatsAppChannelOptions>): Promise<ChannelHarness> {
  const graph = await startFakeGraphApi();
  const channel = createWhatsAppChannel({
    phoneNumberId: graph.phoneNumberId,
    accessToken: graph.accessToken,
    baseUrl: graph.url,
    ...options,
  });
  return {
    channel,
    recipient: { phone: "+34600123478", name: "Ada" },
    failNext: (kind) =>
      graph.failNext(
        kind === "retryable"
          ? { code: 130429, httpStatus: 429, message: "(#130429) Rate limit hit" }
          : { code: 131026, message: "(#131026) Message undeliverable" },
      ),
    hangNext: () => graph.hangNext(),
    delivered: async () => graph.accepted.map((m) => ({ messageId: m.messageId, raw: m.raw })),
    close: () => graph.close(),
  };
}

// The shared channel suite against the fake Graph API on loopback: failNext answers the next
// send with Meta's 130429 (throughput, retryable) or 131026 (undeliverable, permanent), hangNext
// never answers it.
describeOtpChannel({
  name: "whatsapp (Cloud API, no pacing)",
  // The suite sends several messages to one number back to back (retry, lockout, unlock; a send
  // right after a failure), which is exactly what per-recipient pacing refuses.
  create: () => harness({ pacing: false }),
});

describeOtpChannel({
  name: "whatsapp (Cloud API, default pacing)",
  // The same suite with pacing on: each request to Meta moves the channel's clock 7 s ahead (a
  // person reading a message before the next one), so Meta's 6 s pair limit is respected and the
  // channel must still meet the whole contract.
  create: () => {
    let offset = 0;
    return harness({
      now: () => Date.now() + offset,
      fetch: (input, init) => {
        offset += 7_000;
        return fetch(input, init);
      },
    });
  },
});
