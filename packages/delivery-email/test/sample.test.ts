import { expect, it } from "vitest";
import { renderEmail } from "../src/index.js";

// The sample in docs/ (linked from the README) is this renderer's real output. After changing
// a built-in template, refresh it with `npx vitest run test/sample.test.ts -u`.
const NOW = Date.UTC(2026, 10, 22, 14, 54);

it("docs/sample-code-email.{txt,html} match the renderer", async () => {
  const email = renderEmail(
    {
      kind: "code",
      code: "493817",
      ttlMs: 600_000,
      expiresAt: NOW + 600_000,
      locale: "en",
      recipient: { name: "Ana" },
    },
    { productName: "Acme", supportContact: "help@acme.test", now: () => NOW },
  );
  await expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchFileSnapshot(
    "../docs/sample-code-email.txt",
  );
  await expect(email.html).toMatchFileSnapshot("../docs/sample-code-email.html");
});

it("docs/sample-lockout-email-es.txt matches the renderer", async () => {
  const email = renderEmail(
    { kind: "lockout", lockedUntil: NOW + 15 * 60_000, locale: "es", recipient: { name: "Ana" } },
    {
      productName: "Acme",
      supportContact: "help@acme.test",
      timeZone: "Europe/Madrid",
      now: () => NOW,
    },
  );
  await expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchFileSnapshot(
    "../docs/sample-lockout-email-es.txt",
  );
});

it("docs/sample-code-email-ar.html (right to left) matches the renderer", async () => {
  const email = renderEmail(
    { kind: "code", code: "493817", expiresAt: NOW + 600_000, locale: "ar", recipient: {} },
    { productName: "Acme", supportContact: "help@acme.test", now: () => NOW },
  );
  await expect(email.html).toMatchFileSnapshot("../docs/sample-code-email-ar.html");
});
