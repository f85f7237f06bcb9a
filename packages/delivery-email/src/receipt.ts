// nodemailer 10.2+ already sets `info.serverMessageId` for the replies it knows (Microsoft 365,
// Amazon SES: smtp-connection/server-message-id.js). These cover the common queue-id replies it
// leaves alone, so a receipt can be matched against the relay's logs:
//   Postfix, SendGrid, smtp-server: "250 2.0.0 Ok: queued as 4Xb7Kq1ZyTz9"
//   Exim:                            "250 OK id=1rABCd-000ABC-2x"
//   Mailgun, Postmark, others:       "250 Ok <20261122.abc@mailgun.org>" / "250 2.0.0 OK: <id>"
const QUEUED_AS = /\bqueued as:?\s+<?([A-Za-z0-9][A-Za-z0-9._@=+-]{2,127})>?/i;
const EXIM_ID = /\bid=([A-Za-z0-9][A-Za-z0-9._-]{2,127})\b/;
const BRACKETED = /^250[ -](?:\d\.\d\.\d\s+)?ok:?\s+(<[A-Za-z0-9._@=+$%-]{3,200}>)/i;

/**
 * Reads the server's queue id out of its final `250` reply, or `undefined`.
 * Only ids made of safe characters are returned: the value is stored and shown.
 */
export function parseServerMessageId(response: unknown): string | undefined {
  if (typeof response !== "string" || !response.startsWith("250")) return undefined;
  const line = response.slice(0, 512);
  return QUEUED_AS.exec(line)?.[1] ?? EXIM_ID.exec(line)?.[1] ?? BRACKETED.exec(line)?.[1];
}
