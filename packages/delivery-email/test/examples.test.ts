import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { SmtpFixture } from "./support/smtp-server.js";
import { startSmtpServer } from "./support/smtp-server.js";

// The README's quick start is examples/quick-start.ts (checked by scripts/check-readme-snippets):
// here it runs against a real SMTP server.
let smtp: SmtpFixture;
beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

it("the quick start sends a Spanish code e-mail", async () => {
  vi.stubEnv("SMTP_URL", smtp.url);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await import("../examples/quick-start.js");
  expect(log).toHaveBeenCalledWith("<otp.code.dlv_1@acme.test>", "TESTQ0001");
  log.mockRestore();
  expect(smtp.received).toHaveLength(1);
  expect(smtp.received[0]?.parsed.subject).toBe("Tu código de verificación de Acme");
  expect(smtp.received[0]?.parsed.text).toContain("493817");
});

it("the template example builds a valid channel (templates are validated at construction)", async () => {
  const { email } = await import("../examples/custom-templates.js");
  expect(email.name).toBe("email");
  await email.close?.();
});

it("the outbox example lists an empty outbox", async () => {
  const { email, latestMessage } = await import("../examples/dev-outbox.js");
  expect(await latestMessage()).toBeUndefined();
  await email.close?.();
});
