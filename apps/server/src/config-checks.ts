import { readFileSync } from "node:fs";
import type { Directory } from "@otpkit/conversation-auth";
import { createMemoryDirectory } from "@otpkit/conversation-auth";
import { createCodePolicy, OTP_LIMITS } from "@otpkit/otp-core";
import type { Env } from "./config.js";
import { ConfigError, need } from "./config-error.js";
import { CHANNEL_REGISTRY } from "./wiring/channel-registry.js";

// The checks that span several variables (a credential without its pair, what production
// requires, the engine's code rules named by their variables), and the directory file. Each
// throws one ConfigError naming the variable and the fix.

const SECOND = 1000;

/** Credentials that only work in pairs (each channel's, HubSpot's). */
export function checkPairs(c: Env): void {
  // Each channel checks its own (wiring/channels/*.ts).
  for (const entry of Object.values(CHANNEL_REGISTRY)) entry.check(c);
  const hubspot = [c.HUBSPOT_CLIENT_ID, c.HUBSPOT_CLIENT_SECRET];
  if (hubspot.some(Boolean) && !hubspot.every(Boolean)) {
    need(
      c.HUBSPOT_CLIENT_ID ? "HUBSPOT_CLIENT_SECRET" : "HUBSPOT_CLIENT_ID",
      "when the other HubSpot credential is set",
      "set both HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (the app's Auth tab), or neither to leave HubSpot off",
    );
  }
  if (!c.HUBSPOT_CLIENT_ID) {
    for (const variable of ["HUBSPOT_APP_ID", "HUBSPOT_REDIRECT_URL"] as const) {
      if (c[variable]) {
        need(
          "HUBSPOT_CLIENT_ID",
          `when ${variable} is set`,
          "set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET to turn the HubSpot app on, or unset " +
            variable,
        );
      }
    }
  }
}

/** What production requires: real secrets, a public URL, a stable naming key, a real channel. */
export function checkProduction(c: Env): void {
  if (!c.OTPKIT_SECRETS) {
    need(
      "OTPKIT_SECRETS",
      "in production",
      "generate one with `echo k1:$(openssl rand -base64 48)` and keep it in your secret manager",
    );
  }
  if (!c.PUBLIC_URL)
    need("PUBLIC_URL", "in production", "set the https URL users reach the hosted page at");
  if (!c.OTP_NAMING_KEY) {
    need(
      "OTP_NAMING_KEY",
      "in production",
      "generate one once with `openssl rand -base64 48`, keep it in your secret manager and give every process the same one; never change it (a new one forgets every lock and budget)",
    );
  }
  const realChannel = Object.values(CHANNEL_REGISTRY).some((entry) => entry.configured(c));
  if (!realChannel && !c.ALLOW_DEV_OUTBOX_IN_PRODUCTION) {
    need(
      "SMTP_URL",
      "in production (or the WhatsApp credentials)",
      "configure a real channel; codes must not end in the dev outbox (ALLOW_DEV_OUTBOX_IN_PRODUCTION=true overrides for staging)",
    );
  }
  if (c.TEST_RECIPIENTS && !c.ALLOW_TEST_RECIPIENTS_IN_PRODUCTION) {
    throw new ConfigError(
      "TEST_RECIPIENTS",
      "Refusing to start: TEST_RECIPIENTS is set while NODE_ENV=production. Test recipients get a fixed code; " +
        "remove TEST_RECIPIENTS, or set ALLOW_TEST_RECIPIENTS_IN_PRODUCTION=true if you really mean it (store reviewers).",
    );
  }
}

/** The engine's code rules (10-minute cap, 20-bit floor), named by their variables. */
export function checkCodePolicy(c: Env): void {
  // The engine refuses a code lifetime over 10 minutes without an explicit opt-in (NIST SP
  // 800-63B-4, OWASP ASVS 5.0): mirror it here, naming the variables.
  if (c.OTP_TTL_SECONDS * SECOND > OTP_LIMITS.ttlMsWithoutOptIn && !c.OTP_ALLOW_LONG_TTL) {
    const max = OTP_LIMITS.ttlMsWithoutOptIn / SECOND;
    throw new ConfigError(
      "OTP_TTL_SECONDS",
      `Invalid OTP_TTL_SECONDS: ${c.OTP_TTL_SECONDS} is over ${max} seconds, the longest NIST SP 800-63B-4 and OWASP ASVS allow for a code sent by e-mail or message; use ${max} or less, or set OTP_ALLOW_LONG_TTL=true if you really mean it.`,
    );
  }
  // The engine refuses codes under 20 bits (4 or 5 digits); say so here, naming the variable.
  const strongEnough = (length: number) => {
    try {
      createCodePolicy({ alphabet: c.OTP_CODE_ALPHABET, length });
      return true;
    } catch {
      return false;
    }
  };
  if (!strongEnough(c.OTP_CODE_LENGTH)) {
    let minimum = c.OTP_CODE_LENGTH;
    while (!strongEnough(minimum)) minimum++;
    throw new ConfigError(
      "OTP_CODE_LENGTH",
      `Invalid OTP_CODE_LENGTH: ${c.OTP_CODE_LENGTH} ${c.OTP_CODE_ALPHABET} symbols make a code under 20 bits; use ${minimum} or more.`,
    );
  }
}

/**
 * One conversation directory: the JSON file or a HubSpot portal's contacts, which needs the
 * HubSpot app (its OAuth tokens) and the contact property holding the identifier.
 */
export function checkConversationDirectory(c: Env, identifierFieldSet: boolean): void {
  if (!c.CONVERSATION_HUBSPOT_PORTAL_ID) return;
  if (c.CONVERSATION_DIRECTORY_FILE) {
    throw new ConfigError(
      "CONVERSATION_HUBSPOT_PORTAL_ID",
      "Invalid CONVERSATION_HUBSPOT_PORTAL_ID: CONVERSATION_DIRECTORY_FILE is set too; use one directory (unset one of them).",
    );
  }
  if (!c.HUBSPOT_CLIENT_ID) {
    need(
      "HUBSPOT_CLIENT_ID",
      "when CONVERSATION_HUBSPOT_PORTAL_ID is set",
      "set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET and install the app in that portal, or unset CONVERSATION_HUBSPOT_PORTAL_ID",
    );
  }
  if (!identifierFieldSet) {
    need(
      "CONVERSATION_IDENTIFIER_FIELD",
      "when CONVERSATION_HUBSPOT_PORTAL_ID is set",
      "set it to the contact property holding the identifier, e.g. CONVERSATION_IDENTIFIER_FIELD=employee_number",
    );
  }
}

/** Reads the directory file once; a problem is a ConfigError naming CONVERSATION_DIRECTORY_FILE. */
export function loadDirectoryFile(path: string, field: string): Directory {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(
      "CONVERSATION_DIRECTORY_FILE",
      `Invalid CONVERSATION_DIRECTORY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); use the path of a JSON array of records.`,
    );
  }
  try {
    return createMemoryDirectory(text, { field });
  } catch (error) {
    throw new ConfigError(
      "CONVERSATION_DIRECTORY_FILE",
      `Invalid CONVERSATION_DIRECTORY_FILE: ${path}: ${(error as Error).message}; use a JSON array of records with id, ${field}, email, phone, name and locale fields.`,
    );
  }
}
