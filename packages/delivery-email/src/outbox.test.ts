import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OtpMessage } from "@otpkit/otp-core";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmailChannel } from "./email-channel.js";
import { readOutbox, readOutboxMessage } from "./outbox.js";

const CODE = "482913";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "otpkit-outbox-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function message(overrides: Partial<OtpMessage> = {}): OtpMessage {
  return {
    kind: "code",
    to: "ana@example.com",
    recipient: { name: "Ana" },
    code: CODE,
    ttlMs: 600_000,
    locale: "es",
    purpose: "login",
    deliveryId: "dlv_1",
    ...overrides,
  };
}

describe("dev outbox", () => {
  it("writes each message as .eml plus a JSON index entry that mailparser reads back", async () => {
    const folder = join(dir, "nested", "outbox");
    const channel = createEmailChannel({
      from: "Acme <no-reply@acme.test>",
      outbox: { dir: folder },
    });
    const receipt = await channel.send(message());
    await channel.close?.();

    const [entry, ...rest] = await readOutbox(folder);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      messageId: "<otp.code.dlv_1@acme.test>",
      to: "ana@example.com",
      subject: "Tu código de verificación de Acme",
      kind: "code",
      file: `${entry?.id}.eml`,
    });
    expect(Date.parse(entry!.createdAt)).not.toBeNaN();
    // Same receipt shape as SMTP: the outbox id plays the server's queue id.
    expect(receipt).toEqual({ messageId: entry!.messageId, serverMessageId: entry!.id });

    const parsed = await simpleParser(await readFile(join(folder, entry!.file)));
    expect(parsed.subject).toBe("Tu código de verificación de Acme");
    expect(parsed.text).toContain(CODE);
    expect(parsed.html).toContain(`>${CODE}</span>`);
    expect(parsed.html).toContain('lang="es"');
    expect(parsed.to).toMatchObject({ value: [{ address: "ana@example.com" }] });
  });

  it("creates files readable by the owner only (they hold live codes)", async () => {
    const folder = join(dir, "private");
    const channel = createEmailChannel({ from: "no-reply@acme.test", outbox: { dir: folder } });
    await channel.send(message());
    const [entry] = await readOutbox(folder);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, entry!.file))).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, `${entry!.id}.json`))).mode & 0o777).toBe(0o600);
  });

  it("lists newest first, honours limit, and reads one message by id", async () => {
    const channel = createEmailChannel({ from: "no-reply@acme.test", outbox: { dir } });
    await channel.send(message({ deliveryId: "a" }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await channel.send(
      message({
        kind: "lockout",
        code: undefined,
        lockedUntil: Date.now() + 60_000,
        deliveryId: "b",
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await channel.send(message({ kind: "unlock", code: undefined, deliveryId: "c" }));

    const entries = await readOutbox(dir);
    expect(entries.map((e) => e.kind)).toEqual(["unlock", "lockout", "code"]);
    expect((await readOutbox(dir, { limit: 1 })).map((e) => e.kind)).toEqual(["unlock"]);

    const lockout = await readOutboxMessage(dir, entries[1]!.id);
    expect(lockout?.entry).toEqual(entries[1]);
    expect(lockout?.raw).toMatch(/^X-Otpkit-Kind: lockout/m);
    expect(lockout?.raw).not.toContain(CODE);
  });

  it("returns an empty list for a missing folder and skips files it did not write", async () => {
    expect(await readOutbox(join(dir, "missing"))).toEqual([]);
    await writeFile(join(dir, "notes.json"), "{}");
    await writeFile(join(dir, "0000000aa-0123456789ab.json"), "not json");
    expect(await readOutbox(dir)).toEqual([]);
  });

  it("refuses ids that are not outbox ids (no path traversal)", async () => {
    for (const id of ["../etc/passwd", "..", "/etc/passwd", "0000000aa-0123456789ab/../x", ""]) {
      expect(await readOutboxMessage(dir, id)).toBeUndefined();
    }
  });

  it("writes nothing for a refused recipient or an aborted signal", async () => {
    const channel = createEmailChannel({ from: "no-reply@acme.test", outbox: { dir } });
    await expect(channel.send(message({ to: "a@x.com, b@y.com" }))).rejects.toMatchObject({
      code: "RECIPIENT_INVALID",
    });
    await expect(channel.send(message(), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "ABORTED",
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("fails with a non-retryable DELIVERY_FAILED when the folder cannot be written", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "");
    const channel = createEmailChannel({
      from: "no-reply@acme.test",
      outbox: { dir: join(file, "sub") },
    });
    const error = await channel.send(message()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: false, source: "email" });
    expect(JSON.stringify(error)).not.toContain(CODE);
  });

  it("rejects a missing dir at construction", () => {
    expect(() => createEmailChannel({ from: "no-reply@acme.test", outbox: { dir: "" } })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "outbox.dir" }),
    );
  });
});
