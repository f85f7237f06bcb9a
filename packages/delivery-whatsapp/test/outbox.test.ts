import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestMessage, otpErrorOf } from "@otpkit/otp-testing";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createWhatsAppChannel, DEFAULT_GRAPH_VERSION } from "../src/index.js";
import { readWhatsAppOutbox, whatsappOutboxOptions } from "../src/outbox.js";

const ADA = "+34600123478";
let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "wa-outbox-")), "outbox");
});
afterEach(() => {
  rmSync(join(dir, ".."), { recursive: true, force: true });
});

function code(value: string) {
  return createTestMessage("code", { phone: ADA }, { address: "phone", code: value });
}

describe("the WhatsApp dev outbox", () => {
  test("writes the request Meta would get to a private file and answers with its id", async () => {
    const channel = createWhatsAppChannel(whatsappOutboxOptions({ dir }));
    expect(channel).toMatchObject({ name: "whatsapp", address: "phone" });
    const receipt = await channel.send(code("482913"));
    const names = readdirSync(dir);
    expect(names).toHaveLength(1);
    expect(statSync(join(dir, names[0] as string)).mode & 0o777).toBe(0o600);
    const [entry] = readWhatsAppOutbox(dir);
    expect(receipt.messageId).toBe(`wamid.outbox.${entry?.id}`);
    expect(entry).toMatchObject({
      path: `/${DEFAULT_GRAPH_VERSION}/100000000000000/messages`,
      to: ADA,
      template: "tmpl_otp_code",
      body: { messaging_product: "whatsapp", to: ADA, type: "template" },
    });
    expect(JSON.parse(readFileSync(join(dir, names[0] as string), "utf8"))).toEqual(entry);
    expect(JSON.stringify(entry?.body)).toContain("482913");
  });

  test("does not pace: a second code to the same number right away is written too", async () => {
    const channel = createWhatsAppChannel(whatsappOutboxOptions({ dir }));
    await channel.send(code("111111"));
    await channel.send(code("222222"));
    expect(readWhatsAppOutbox(dir).map((e) => e.to)).toEqual([ADA, ADA]);
  });

  test("refuses a missing dir, naming it", async () => {
    const noDir = await otpErrorOf(() => whatsappOutboxOptions({} as never));
    expect(noDir).toMatchObject({ code: "CONFIG_INVALID", field: "outbox.dir" });
  });

  test("an outbox folder that does not exist yet reads as empty", () => {
    expect(readWhatsAppOutbox(join(dir, "missing"))).toEqual([]);
  });
});

describe("the main entry", () => {
  test("imports no node:* module: only the outbox entry writes files", () => {
    const src = new URL("../src/", import.meta.url);
    const nodeOnly = readdirSync(src)
      .filter((name) => name.endsWith(".ts") && name !== "outbox.ts")
      .filter((name) => /from "node:/.test(readFileSync(new URL(name, src), "utf8")));
    expect(nodeOnly).toEqual([]);
  });
});
