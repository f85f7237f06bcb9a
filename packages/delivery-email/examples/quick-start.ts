import { createEmailChannel } from "@otpkit/delivery-email";

const email = createEmailChannel({
  from: "Acme <no-reply@acme.test>",
  smtp: process.env["SMTP_URL"] ?? "smtps://user:pass@smtp.acme.test:465",
  supportContact: "help@acme.test",
});

// otp-core builds this message and calls send(); called directly here.
const to = { to: "ana@example.com", recipient: { name: "Ana" }, locale: "es-MX", purpose: "login" };
const code = { kind: "code", code: "493817", ttlMs: 600_000, deliveryId: "dlv_1" } as const;
const receipt = await email.send({ ...to, ...code });
console.log(receipt.messageId, receipt.serverMessageId); // "<otp.code.dlv_1@acme.test>", queue id
await email.close?.();
