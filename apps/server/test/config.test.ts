import { fileURLToPath } from "node:url";
import { OTP_DEFAULTS, OTP_LIMITS } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import type { Config } from "../src/config.js";
import { ConfigError, loadConfig, parseSecrets } from "../src/config.js";
import { matchesTestRecipient } from "../src/test-recipients.js";

const SECRET = "k1:0123456789abcdef0123456789abcdef-long-enough";
const NAMING_KEY = "n".repeat(32);
const PRODUCTION = {
  NODE_ENV: "production",
  OTPKIT_SECRETS: SECRET,
  OTP_NAMING_KEY: NAMING_KEY,
  PUBLIC_URL: "https://otp.example.com",
  SMTP_URL: "smtps://otp:pw@smtp.example.com:465",
  SMTP_FROM: "Acme <no-reply@example.com>",
};

/** The ConfigError loadConfig throws for `env`. */
function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig defaults", () => {
  it("starts with no configuration at all", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: fileURLToPath(new URL("../../../data", import.meta.url)),
      LOG_LEVEL: "info",
      TRUST_PROXY: 0,
      REDIS_KEY_PREFIX: "otpkit:",
      PRODUCT_NAME: "otpkit",
      OTP_CODE_ALPHABET: "numeric",
      OTP_CODE_LENGTH: 6,
      OTP_TTL_SECONDS: 600,
      OTP_MAX_ATTEMPTS: 3,
      OTP_LOCKOUT_MAX_FAILURES: 5,
      OTP_LOCKOUT_MINUTES: 15,
      OTP_RESEND_COOLDOWN_SECONDS: 30,
      OTP_MAX_SENDS_PER_HOUR: 5,
      OTP_STORAGE: "hash",
      ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: false,
      RETURN_URL_ALLOWLIST: [],
      HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: 30,
      API_BODY_LIMIT_BYTES: 16_384,
      publicUrl: "http://localhost:3000",
      secrets: null,
      namingKey: null,
      OTP_ALLOW_LONG_TTL: false,
      OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: 50,
    } satisfies Partial<Config>);
    for (const optional of [
      "PUBLIC_URL",
      "OTPKIT_SECRETS",
      "OTP_NAMING_KEY",
      "REDIS_URL",
      "DATABASE_URL",
      "SMTP_URL",
      "SMTP_FROM",
      "WHATSAPP_PHONE_NUMBER_ID",
      "WHATSAPP_ACCESS_TOKEN",
      "TEST_RECIPIENTS",
      "TEST_CODE",
    ] as const) {
      expect(config[optional], optional).toBeUndefined();
    }
  });

  it("treats empty values as unset and follows PORT and PUBLIC_URL", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: "", SMTP_URL: "" }).PORT).toBe(3000);
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_URL: "https://otp.example.com/" }).publicUrl).toBe(
      "https://otp.example.com",
    );
    expect(loadConfig({ PORT: "0" }).PORT).toBe(0);
  });

  it("takes a relative DATA_DIR from where the command was typed (INIT_CWD), else the cwd", () => {
    expect(loadConfig({ DATA_DIR: "state", INIT_CWD: "/srv/otp" }).DATA_DIR).toBe("/srv/otp/state");
    expect(loadConfig({ DATA_DIR: "/var/lib/otpkit/" }).DATA_DIR).toBe("/var/lib/otpkit");
    expect(loadConfig({ DATA_DIR: "state" }).DATA_DIR).toBe(`${process.cwd()}/state`);
  });

  it("parses booleans, lists and secrets", () => {
    for (const [text, bool] of [
      ["true", true],
      ["1", true],
      ["yes", true],
      ["false", false],
      ["0", false],
      ["no", false],
    ] as const) {
      expect(loadConfig({ OTP_ALLOW_LONG_TTL: text }).OTP_ALLOW_LONG_TTL, text).toBe(bool);
    }
    // TRUST_PROXY counts the proxies in front: "true" is one.
    for (const [text, hops] of [
      ["false", 0],
      ["true", 1],
      ["1", 1],
      ["2", 2],
      ["10", 10],
    ] as const) {
      expect(loadConfig({ TRUST_PROXY: text }).TRUST_PROXY, text).toBe(hops);
    }
    const config = loadConfig({
      OTPKIT_SECRETS: `${SECRET}, old:${"x".repeat(40)}`,
      RETURN_URL_ALLOWLIST: " https://app.example.com , http://localhost:5173,",
      TEST_RECIPIENTS: "*@example.test, +15550100 ,qa@example.com",
    });
    expect(config.secrets).toEqual([
      { id: "k1", key: SECRET.slice(3) },
      { id: "old", key: "x".repeat(40) },
    ]);
    expect(config.RETURN_URL_ALLOWLIST).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
    expect(config.TEST_RECIPIENTS).toEqual(["*@example.test", "+15550100", "qa@example.com"]);
    expect(config.TEST_CODE).toBe("000000");
    expect(loadConfig({ TEST_RECIPIENTS: "*@x.test", OTP_CODE_ALPHABET: "alpha" }).TEST_CODE).toBe(
      "AAAAAA",
    );
  });
});

describe("loadConfig errors name the variable and the fix", () => {
  const cases: Array<[Record<string, string>, string, string]> = [
    [{ PORT: "abc" }, "PORT", "Invalid PORT: use a whole number between 0 and 65535."],
    [{ PORT: "70000" }, "PORT", "Invalid PORT: use a whole number between 0 and 65535."],
    [{ PORT: "3000.5" }, "PORT", "Invalid PORT: use a whole number between 0 and 65535."],
    [
      { OTP_CODE_LENGTH: "12" },
      "OTP_CODE_LENGTH",
      "Invalid OTP_CODE_LENGTH: use a whole number between 4 and 10.",
    ],
    [
      { OTP_CODE_LENGTH: "99" },
      "OTP_CODE_LENGTH",
      "Invalid OTP_CODE_LENGTH: use a whole number between 4 and 10.",
    ],
    [
      { OTP_CODE_LENGTH: "4" },
      "OTP_CODE_LENGTH",
      "Invalid OTP_CODE_LENGTH: 4 numeric symbols make a code under 20 bits; use 6 or more.",
    ],
    [
      { OTP_CODE_LENGTH: "4", OTP_CODE_ALPHABET: "alpha" },
      "OTP_CODE_LENGTH",
      "Invalid OTP_CODE_LENGTH: 4 alpha symbols make a code under 20 bits; use 5 or more.",
    ],
    [
      { REDIS_URL: "http://x" },
      "REDIS_URL",
      "Invalid REDIS_URL: use a redis: or rediss: URL such as redis://127.0.0.1:6379.",
    ],
    [
      { DATABASE_URL: "mysql://x" },
      "DATABASE_URL",
      "Invalid DATABASE_URL: use a postgres: or postgresql: URL such as postgres://user@127.0.0.1:5432/otpkit.",
    ],
    [
      { SMTP_URL: "smtps://user:pass@smtp.example.com:465" },
      "SMTP_FROM",
      'Missing SMTP_FROM: required when SMTP_URL is set; set the sender, e.g. SMTP_FROM="Acme <no-reply@acme.com>".',
    ],
    [
      { WHATSAPP_PHONE_NUMBER_ID: "123456789012345" },
      "WHATSAPP_ACCESS_TOKEN",
      "Missing WHATSAPP_ACCESS_TOKEN: required when the other WhatsApp credential is set; set both WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN, or neither for the dev outbox.",
    ],
    [
      { WHATSAPP_ACCESS_TOKEN: "EAAG-a-long-enough-token-value" },
      "WHATSAPP_PHONE_NUMBER_ID",
      "Missing WHATSAPP_PHONE_NUMBER_ID: required when the other WhatsApp credential is set; set both WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN, or neither for the dev outbox.",
    ],
    [
      { OTPKIT_SECRETS: "k1:tooshort" },
      "OTPKIT_SECRETS",
      "Invalid OTPKIT_SECRETS: use id:secret pairs separated by commas, each secret 32+ characters (openssl rand -base64 48).",
    ],
    [{ NODE_ENV: "staging" }, "NODE_ENV", "Invalid NODE_ENV: use development, production or test."],
    [
      { LOG_LEVEL: "loud" },
      "LOG_LEVEL",
      "Invalid LOG_LEVEL: use fatal, error, warn, info, debug, trace or silent.",
    ],
    [
      { TRUST_PROXY: "maybe" },
      "TRUST_PROXY",
      'Invalid TRUST_PROXY: use "false", "true" (one proxy) or how many proxies stand in front (1-10).',
    ],
    [
      { TRUST_PROXY: "11" },
      "TRUST_PROXY",
      'Invalid TRUST_PROXY: use "false", "true" (one proxy) or how many proxies stand in front (1-10).',
    ],
    [
      { OTP_CODE_ALPHABET: "emoji" },
      "OTP_CODE_ALPHABET",
      "Invalid OTP_CODE_ALPHABET: use numeric, alphanumeric or alpha.",
    ],
    [
      { OTP_TTL_SECONDS: "30" },
      "OTP_TTL_SECONDS",
      "Invalid OTP_TTL_SECONDS: use a whole number between 60 and 86400.",
    ],
    [
      { OTP_TTL_SECONDS: "601" },
      "OTP_TTL_SECONDS",
      "Invalid OTP_TTL_SECONDS: 601 is over 600 seconds, the longest NIST SP 800-63B-4 and OWASP ASVS allow for a code sent by e-mail or message; use 600 or less, or set OTP_ALLOW_LONG_TTL=true if you really mean it.",
    ],
    [
      { OTP_TTL_SECONDS: "86401", OTP_ALLOW_LONG_TTL: "true" },
      "OTP_TTL_SECONDS",
      "Invalid OTP_TTL_SECONDS: use a whole number between 60 and 86400.",
    ],
    [
      { OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: "101" },
      "OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES",
      "Invalid OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: use a whole number between 1 and 100.",
    ],
    [
      { OTP_NAMING_KEY: "too-short" },
      "OTP_NAMING_KEY",
      "Invalid OTP_NAMING_KEY: use 32+ random characters (openssl rand -base64 48), generated once and never changed.",
    ],
    [
      { REDIS_KEY_PREFIX: "{otpkit}:" },
      "REDIS_KEY_PREFIX",
      "Invalid REDIS_KEY_PREFIX: leave out { and }, e.g. otpkit:.",
    ],
    [{ OTP_STORAGE: "plain" }, "OTP_STORAGE", "Invalid OTP_STORAGE: use hash or encrypted."],
    [
      { PUBLIC_URL: "otp.example.com" },
      "PUBLIC_URL",
      "Invalid PUBLIC_URL: use a http: or https: URL such as https://otp.example.com.",
    ],
    [
      { API_BODY_LIMIT_BYTES: "10" },
      "API_BODY_LIMIT_BYTES",
      "Invalid API_BODY_LIMIT_BYTES: use a whole number between 256 and 1048576.",
    ],
  ];

  it.each(cases)("%j → %s", (env, variable, message) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
    expect(error.name).toBe("ConfigError");
  });

  it("never echoes a secret value", () => {
    const secrets: Array<[Record<string, string>, string]> = [
      [{ OTPKIT_SECRETS: "k1:hunter2-is-my-secret" }, "hunter2-is-my-secret"],
      [{ OTPKIT_SECRETS: `bad id!:${"S3cret".repeat(8)}` }, "S3cret"],
      [{ OTPKIT_SECRETS: `${SECRET},k2:short-leaked-secret` }, "short-leaked-secret"],
      [{ SMTP_URL: "http://mailer:Pa55word@smtp.example.com" }, "Pa55word"],
      [{ REDIS_URL: "http://:redisPa55@127.0.0.1:6379" }, "redisPa55"],
      [{ DATABASE_URL: "mysql://app:dbPa55@db/otpkit" }, "dbPa55"],
      [
        { WHATSAPP_PHONE_NUMBER_ID: "123456789012345", WHATSAPP_ACCESS_TOKEN: "EAAGshort" },
        "EAAGshort",
      ],
      [{ WHATSAPP_APP_SECRET: "app-secret" }, "app-secret"],
      [{ HUBSPOT_CLIENT_SECRET: "hs-sec" }, "hs-sec"],
      [{ OTP_NAMING_KEY: "naming-key-leak" }, "naming-key-leak"],
    ];
    for (const [env, secret] of secrets) {
      const error = failure(env);
      expect(error.message, Object.keys(env).join()).not.toContain(secret);
      expect(error.message).toMatch(/^(Invalid|Missing) [A-Z_]+: /);
    }
  });
});

describe("the engine's defaults and ranges", () => {
  it("are otp-core's own (OTP_DEFAULTS, OTP_LIMITS), in the variables' units", () => {
    const config = loadConfig({});
    expect(config.OTP_TTL_SECONDS * 1000).toBe(OTP_DEFAULTS.ttlMs);
    expect(config.OTP_MAX_ATTEMPTS).toBe(OTP_DEFAULTS.maxAttempts);
    expect(config.OTP_LOCKOUT_MAX_FAILURES).toBe(OTP_DEFAULTS.lockout.maxFailures);
    expect(config.OTP_LOCKOUT_MINUTES * 60_000).toBe(OTP_DEFAULTS.lockout.durationMs);
    expect(config.OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES).toBe(
      OTP_DEFAULTS.lockout.maxConsecutiveFailures,
    );
    expect(config.OTP_RESEND_COOLDOWN_SECONDS * 1000).toBe(OTP_DEFAULTS.resend.cooldownMs);
    expect(config.OTP_MAX_SENDS_PER_HOUR).toBe(OTP_DEFAULTS.resend.maxSends);
    const [, maxTtlMs] = OTP_LIMITS.ttlMs;
    const longest = loadConfig({
      OTP_TTL_SECONDS: String(maxTtlMs / 1000),
      OTP_ALLOW_LONG_TTL: "true",
    });
    expect(longest.OTP_TTL_SECONDS * 1000).toBe(maxTtlMs);
    const [, maxAttempts] = OTP_LIMITS.maxAttempts;
    expect(failure({ OTP_MAX_ATTEMPTS: String(maxAttempts + 1) }).message).toBe(
      `Invalid OTP_MAX_ATTEMPTS: use a whole number between 1 and ${maxAttempts}.`,
    );
  });
});

describe("production", () => {
  it("requires OTPKIT_SECRETS and PUBLIC_URL", () => {
    const noSecret = failure({ NODE_ENV: "production", PUBLIC_URL: "https://otp.example.com" });
    expect(noSecret.variable).toBe("OTPKIT_SECRETS");
    expect(noSecret.message).toBe(
      "Missing OTPKIT_SECRETS: required in production; generate one with `echo k1:$(openssl rand -base64 48)` and keep it in your secret manager.",
    );
    const noUrl = failure({ NODE_ENV: "production", OTPKIT_SECRETS: SECRET });
    expect(noUrl.variable).toBe("PUBLIC_URL");
    expect(noUrl.message).toBe(
      "Missing PUBLIC_URL: required in production; set the https URL users reach the hosted page at.",
    );
    const { OTP_NAMING_KEY: _key, ...noNamingKey } = PRODUCTION;
    const noKey = failure(noNamingKey);
    expect(noKey.variable).toBe("OTP_NAMING_KEY");
    expect(noKey.message).toBe(
      "Missing OTP_NAMING_KEY: required in production; generate one once with `openssl rand -base64 48`, keep it in your secret manager and give every process the same one; never change it (a new one forgets every lock and budget).",
    );
    expect(loadConfig(PRODUCTION).namingKey).toBe(NAMING_KEY);
    const config = loadConfig(PRODUCTION);
    expect(config.publicUrl).toBe("https://otp.example.com");
    expect(config.secrets).toEqual([{ id: "k1", key: SECRET.slice(3) }]);
  });

  it("needs a real channel: codes must not end in the dev outbox unless explicitly allowed", () => {
    const { SMTP_URL: _url, SMTP_FROM: _from, ...noChannel } = PRODUCTION;
    const refused = failure(noChannel);
    expect(refused.variable).toBe("SMTP_URL");
    expect(refused.message).toBe(
      "Missing SMTP_URL: required in production (or the WhatsApp credentials); configure a real channel; " +
        "codes must not end in the dev outbox (ALLOW_DEV_OUTBOX_IN_PRODUCTION=true overrides for staging).",
    );
    expect(loadConfig(PRODUCTION).outboxAllowed).toBe(false);
    expect(loadConfig({ ...noChannel, ALLOW_DEV_OUTBOX_IN_PRODUCTION: "true" }).outboxAllowed).toBe(
      true,
    );
    expect(loadConfig({}).outboxAllowed).toBe(true);
  });

  it("refuses TEST_RECIPIENTS unless ALLOW_TEST_RECIPIENTS_IN_PRODUCTION=true", () => {
    const refused = failure({ ...PRODUCTION, TEST_RECIPIENTS: "*@example.test" });
    expect(refused.variable).toBe("TEST_RECIPIENTS");
    expect(refused.message).toBe(
      "Refusing to start: TEST_RECIPIENTS is set while NODE_ENV=production. Test recipients get a fixed code; " +
        "remove TEST_RECIPIENTS, or set ALLOW_TEST_RECIPIENTS_IN_PRODUCTION=true if you really mean it (store reviewers).",
    );
    expect(
      failure({
        ...PRODUCTION,
        TEST_RECIPIENTS: "*@example.test",
        ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: "false",
      }).variable,
    ).toBe("TEST_RECIPIENTS");
    const forced = loadConfig({
      ...PRODUCTION,
      TEST_RECIPIENTS: "*@example.test",
      ALLOW_TEST_RECIPIENTS_IN_PRODUCTION: "true",
    });
    expect(forced.TEST_RECIPIENTS).toEqual(["*@example.test"]);
    // Outside production, test recipients are fine.
    expect(loadConfig({ TEST_RECIPIENTS: "*@example.test" }).TEST_RECIPIENTS).toHaveLength(1);
  });
});

describe("TEST_RECIPIENTS and TEST_CODE", () => {
  it("refuses a pattern that is not a phone, an address or *@domain", () => {
    for (const pattern of [
      "bob",
      "*@",
      "@example.test",
      "5550100",
      "*.example.test",
      "a b@x.test",
    ]) {
      const error = failure({ TEST_RECIPIENTS: pattern });
      expect(error.variable, pattern).toBe("TEST_RECIPIENTS");
      expect(error.message).toContain(`"${pattern}" is not a phone (+15550100)`);
    }
  });

  it("refuses a TEST_CODE that does not fit the code policy, without echoing it", () => {
    for (const [env, shown] of [
      [{ TEST_CODE: "12345" }, "numeric"],
      [{ TEST_CODE: "ABCDEF" }, "numeric"],
      [{ TEST_CODE: "12345O", OTP_CODE_ALPHABET: "alphanumeric" }, "alphanumeric"],
    ] as const) {
      const error = failure({ TEST_RECIPIENTS: "*@example.test", ...env });
      expect(error.variable).toBe("TEST_CODE");
      expect(error.message).toBe(
        `Invalid TEST_CODE: use 6 symbols of the ${shown} alphabet (OTP_CODE_LENGTH).`,
      );
    }
    expect(
      loadConfig({
        TEST_RECIPIENTS: "*@example.test",
        TEST_CODE: "abc234",
        OTP_CODE_ALPHABET: "alphanumeric",
      }).TEST_CODE,
    ).toBe("abc234");
  });
});

describe("RETURN_URL_ALLOWLIST", () => {
  it("accepts origins (a trailing slash is dropped) and refuses anything else", () => {
    expect(
      loadConfig({ RETURN_URL_ALLOWLIST: "https://app.example.com/,http://localhost:5173" })
        .RETURN_URL_ALLOWLIST,
    ).toEqual(["https://app.example.com", "http://localhost:5173"]);
    for (const value of [
      "app.example.com",
      "https://app.example.com/path",
      "https://app.example.com?x=1",
      "https://App.Example.com",
      "https://app.example.com:443",
      "javascript:alert(1)",
      "*",
    ]) {
      const error = failure({ RETURN_URL_ALLOWLIST: value });
      expect(error.variable, value).toBe("RETURN_URL_ALLOWLIST");
      expect(error.message).toBe(
        `Invalid RETURN_URL_ALLOWLIST: "${value}" is not an origin; use comma-separated origins such as https://app.example.com.`,
      );
    }
  });
});

describe("matchesTestRecipient", () => {
  const patterns = ["*@example.test", "qa@acme.com", "+15550100"];
  it.each([
    [{ email: "anyone@example.test" }, true],
    [{ email: "QA@Example.TEST" }, true],
    [{ email: "qa@acme.com" }, true],
    [{ email: "QA@ACME.COM" }, true],
    [{ phone: "+15550100" }, true],
    [{ email: "anyone@example.test", phone: "+34600123478" }, true],
    [{ email: "other@acme.com" }, false],
    [{ email: "anyone@sub.example.test" }, false],
    [{ email: "anyone@notexample.test" }, false],
    [{ email: "anyone@example.test.evil.com" }, false],
    [{ email: "example.test@evil.com" }, false],
    [{ phone: "+155501000" }, false],
    [{ phone: "+34600123478" }, false],
    [{}, false],
  ])("%j → %s", (recipient, expected) => {
    expect(matchesTestRecipient(patterns, recipient)).toBe(expected);
  });

  it("matches nothing without patterns", () => {
    expect(matchesTestRecipient([], { email: "a@example.test" })).toBe(false);
  });
});

describe("parseSecrets", () => {
  it("accepts id:secret pairs with 32+ character secrets, first one first", () => {
    const long = "s".repeat(32);
    expect(parseSecrets(`new:${long},old:${long}x`)).toEqual([
      { id: "new", key: long },
      { id: "old", key: `${long}x` },
    ]);
    expect(parseSecrets(`k1:${long}:with:colons`)).toEqual([
      { id: "k1", key: `${long}:with:colons` },
    ]);
    for (const bad of [
      "",
      "k1",
      `:${long}`,
      `k1:${"s".repeat(31)}`,
      `bad id:${long}`,
      `k1:${long},`,
    ]) {
      expect(parseSecrets(bad), bad).toBeNull();
    }
  });
});
