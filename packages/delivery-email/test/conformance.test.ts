import { describeOtpChannel } from "@otpkit/otp-testing";
import { createEmailChannel } from "../src/index.js";
import { startSmtpServer } from "./support/smtp-server.js";

// The shared channel suite against a real smtp-server on loopback: failNext rejects the next
// RCPT TO (451 greylisting or 550 unknown user), hangNext never answers the next DATA.
describeOtpChannel({
  name: "email (SMTP)",
  create: async () => {
    const smtp = await startSmtpServer();
    const channel = createEmailChannel({
      from: "Acme <no-reply@acme.test>",
      smtp: { host: "127.0.0.1", port: smtp.port, ignoreTLS: true },
    });
    return {
      channel,
      recipient: { email: "ada@example.com", name: "Ada" },
      failNext: (kind) =>
        smtp.rejectNextRcpt(
          kind === "retryable"
            ? { code: 451, message: "4.7.1 Greylisted, please try again later" }
            : { code: 550, message: "5.1.1 No such user here" },
        ),
      hangNext: () => smtp.hangNextMail(),
      // Decoded text and HTML next to the raw source: quoted-printable may wrap a long HTML line
      // in the middle of the code.
      delivered: async () =>
        smtp.received.map((mail) => ({
          messageId: mail.parsed.messageId,
          raw: `${mail.raw}\n${mail.parsed.text ?? ""}\n${mail.parsed.html || ""}`,
        })),
      close: async () => {
        await channel.close?.();
        await smtp.close();
      },
    };
  },
});
