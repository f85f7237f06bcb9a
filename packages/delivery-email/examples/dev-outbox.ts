import { createEmailChannel, readOutbox, readOutboxMessage } from "@otpkit/delivery-email";

// Development only: the same channel, writing .eml files instead of sending.
const email = createEmailChannel({ from: "no-reply@acme.test", outbox: { dir: ".otpkit/outbox" } });

export async function latestMessage(): Promise<string | undefined> {
  const [newest] = await readOutbox(".otpkit/outbox", { limit: 20 }); // newest first
  if (newest === undefined) return undefined;
  const message = await readOutboxMessage(".otpkit/outbox", newest.id);
  return message?.raw; // RFC 5322 source: open it in a mail client or parse it with mailparser
}

export { email };
