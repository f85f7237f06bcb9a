import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWhatsAppOutbox } from "@otpkit/delivery-whatsapp/outbox";
import { createTestMessage } from "@otpkit/otp-testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { envSchema, loadConfig } from "../src/config.js";
import { CHANNEL_ENV, CHANNEL_REGISTRY } from "../src/wiring/channel-registry.js";
import { buildChannels } from "../src/wiring/channels.js";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "otpkit-registry-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the channel registry", () => {
  it("each entry's variables are in the env schema, and no channel variable is declared twice", () => {
    const shape = Object.keys(envSchema.shape);
    const declared = Object.values(CHANNEL_REGISTRY).flatMap((entry) => Object.keys(entry.env));
    expect(new Set(declared).size).toBe(declared.length);
    expect(Object.keys(CHANNEL_ENV).sort()).toEqual([...declared].sort());
    for (const variable of declared) expect(shape).toContain(variable);
  });

  it("builds every registered channel, named and addressed as registered, on the dev outbox", async () => {
    const wired = buildChannels(loadConfig({ DATA_DIR: dataDir }), Date.now);
    try {
      expect(wired.channels.map((c) => [c.name, c.address])).toEqual(
        Object.values(CHANNEL_REGISTRY).map((entry) => [entry.name, entry.address]),
      );
      for (const name of Object.keys(CHANNEL_REGISTRY)) {
        expect(wired.outbox[name as keyof typeof CHANNEL_REGISTRY]).toBe(
          join(dataDir, "outbox", name),
        );
      }
      // The WhatsApp dev outbox is the package's own: the request lands where the server reads it.
      const whatsapp = wired.channels.find((c) => c.name === "whatsapp")!;
      const message = createTestMessage(
        "code",
        { phone: "+34600123478" },
        { address: "phone", code: "482913" },
      );
      const receipt = await whatsapp.send(message);
      const [entry] = readWhatsAppOutbox(wired.outbox.whatsapp!);
      expect(receipt.messageId).toBe(`wamid.outbox.${entry?.id}`);
      // …and the entry's outbox reader lists it for /dev/outbox, with its code and receipt id.
      const rows = await CHANNEL_REGISTRY.whatsapp.outbox.list(wired.outbox.whatsapp!, 10);
      expect(rows).toEqual([
        expect.objectContaining({
          messageId: receipt.messageId,
          code: "482913",
          to: "+34600123478",
        }),
      ]);
    } finally {
      await wired.close();
    }
  });

  it("uses a channel's real provider when its variables are set, and no outbox for it", async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      SMTP_URL: "smtp://127.0.0.1:2525",
      SMTP_FROM: "Acme <no-reply@acme.test>",
    });
    const wired = buildChannels(config, Date.now);
    try {
      expect(wired.options.email).toMatchObject({ smtp: "smtp://127.0.0.1:2525" });
      expect(wired.outbox.email).toBeNull();
      expect(wired.outbox.whatsapp).toBe(join(dataDir, "outbox", "whatsapp"));
    } finally {
      await wired.close();
    }
  });

  it("builds no channel without a provider where the dev outbox is not allowed", async () => {
    const config = { ...loadConfig({ DATA_DIR: dataDir }), outboxAllowed: false };
    const wired = buildChannels(config, Date.now);
    expect(wired.channels).toEqual([]);
    expect(wired.outbox).toEqual({ email: null, whatsapp: null });
  });
});
