import { readFileSync, writeFileSync } from "node:fs";
import type { OtpMessage } from "@otpkit/otp-core";
import { describe, expect, test } from "vitest";
import { renderWhatsAppRequest } from "../src/index.js";

// The recorded request bodies in docs/requests/*.json (and pasted into the README) are exactly
// what renderWhatsAppRequest produces. Regenerate with `UPDATE_SAMPLES=1 pnpm test`, then
// `biome format --write docs`.

const options = { languages: ["en_US", "es_MX"] };
const recipient = { phone: "+34600123478", locale: "en" };
const base = { to: "+34600123478", recipient, purpose: "login", locale: "en" };
const SAMPLES: Record<string, OtpMessage> = {
  code: { ...base, kind: "code", code: "482913", deliveryId: "dlv_Jq2mX4tPz8Rw" },
  retry: {
    ...base,
    kind: "retry",
    code: "564738",
    locale: "es-MX",
    deliveryId: "dlv_b7Kc1NvQe3Ys",
  },
  lockout: {
    ...base,
    kind: "lockout",
    lockedUntil: 1_795_338_000_000,
    deliveryId: "dlv_Hn5Ux9Lw2Ga6",
  },
  unlock: { ...base, kind: "unlock", deliveryId: "dlv_Tz3Pq8Vd1Mk4" },
};

const file = (name: string) => new URL(`../docs/requests/${name}.json`, import.meta.url);
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("recorded request bodies", () => {
  test.each(Object.keys(SAMPLES))(
    "docs/requests/%s.json is renderWhatsAppRequest's output, pasted in the README",
    (name) => {
      const rendered = renderWhatsAppRequest(SAMPLES[name]!, options);
      if (process.env["UPDATE_SAMPLES"] === "1") {
        writeFileSync(file(name), `${JSON.stringify(rendered, null, 2)}\n`);
      }
      const recorded = readFileSync(file(name), "utf8");
      expect(JSON.parse(recorded)).toEqual(rendered);
      expect(readme).toContain(
        `<!-- snippet: docs/requests/${name}.json -->\n\`\`\`json\n${recorded.trim()}\n\`\`\``,
      );
    },
  );
});
