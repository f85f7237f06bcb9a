import { readdir } from "node:fs/promises";
import { readOutboxMessage } from "@otpkit/delivery-email";
import { simpleParser } from "mailparser";
import type { CodeSource } from "./mail-sink.js";

/**
 * The codes in a dev outbox folder (`<DATA_DIR>/outbox/email`), read as a person reads them: each
 * new `.eml` parsed once, its code line taken. For loads on a server that delivers to its outbox
 * (`delivery: "outbox"` in stack.ts). `countFor` answers from what was read so far; `codeFor`
 * reads the folder again first (a code is written before the API answers).
 *
 * @example
 * const codes = outboxCodes(join(server.dataDir, "outbox", "email"));
 * const code = await codes.codeFor("ana@example.com");
 */
export function outboxCodes(dir: string, codeLength = 6): CodeSource {
  const seen = new Set<string>();
  const byRecipient = new Map<string, string[]>();
  const codeLine = new RegExp(`^\\s*(\\d{${codeLength}})\\s*$`, "m");
  let reading: Promise<void> = Promise.resolve();
  const refresh = () => {
    reading = reading.then(async () => {
      let names: string[] = [];
      try {
        names = await readdir(dir);
      } catch {
        return; // no message yet: no folder yet
      }
      const ids = names
        .filter((n) => n.endsWith(".json") && !n.startsWith("."))
        .map((n) => n.slice(0, -5))
        .filter((id) => !seen.has(id))
        .sort();
      for (const id of ids) {
        const message = await readOutboxMessage(dir, id);
        if (!message) continue;
        seen.add(id);
        const code = codeLine.exec((await simpleParser(message.raw)).text ?? "")?.[1];
        const to = message.entry.to.toLowerCase();
        if (code) byRecipient.set(to, [...(byRecipient.get(to) ?? []), code]);
      }
    });
    return reading;
  };
  return {
    codes: () => [...byRecipient.values()].flat(),
    countFor: (to) => byRecipient.get(to.toLowerCase())?.length ?? 0,
    async codeFor(to, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      for (;;) {
        await refresh();
        const list = byRecipient.get(to.toLowerCase()) ?? [];
        if (list.length > (options.after ?? 0)) return list[list.length - 1]!;
        if (Date.now() > deadline) throw new Error(`no code e-mail to ${to} in ${dir}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
