import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import type { Runtime } from "../src/runtime.js";
import { createRuntime } from "../src/runtime.js";
import type { ServerProcess } from "./support/processes.js";
import { SERVER_DIR, startServer, tempDataDir } from "./support/processes.js";

// The hosted page and the dev outbox in Debian's Chromium, driven by playwright-core. The main
// flows run against a real zero-config `node src/main.ts` process; the expired and locked pages
// need time to pass, so they run against the same app served in this process with a clock the
// test moves (a real process cannot be given a fake clock).

const CHROMIUM = "/usr/bin/chromium";
/** The flags the machine docs prescribe; playwright adds a fresh --user-data-dir per launch. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ARTIFACTS = join(SERVER_DIR, "test-artifacts", "browser");

/** A server a test talks to: its base URL and an API key. */
interface Target {
  url: string;
  token: string;
}

/** The app served in this process, on a real socket, with a clock that can be moved forward. */
interface ClockedServer extends Target {
  rt: Runtime;
  /** Moves the server's clock forward (the browser's own clock is not involved). */
  advance(ms: number): void;
  close(): Promise<void>;
}

let browser: Browser | undefined;
let proc: ServerProcess | undefined;
let clocked: ClockedServer | undefined;
const contexts: BrowserContext[] = [];
const screenshots: string[] = [];

async function startClockedServer(): Promise<ClockedServer> {
  let app: Hono | undefined;
  // Listen first: the port is part of PUBLIC_URL, which the config needs.
  const server: ServerType = serve({
    fetch: (request, env) =>
      app ? app.fetch(request, env) : new Response("starting", { status: 503 }),
    port: 0,
    hostname: "127.0.0.1",
  });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let skew = 0;
  const dataDir = tempDataDir("browser-clocked");
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      LOG_LEVEL: "error",
    });
    const rt = await createRuntime(config, {
      logger: createLogger(config.LOG_LEVEL),
      now: () => Date.now() + skew,
    });
    app = createApp(rt);
    const key = await rt.apiKeys.create("browser test");
    return {
      url,
      token: key.token,
      rt,
      advance(ms) {
        skew += ms;
      },
      async close() {
        const closed = new Promise((resolve) => server.close(resolve));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
        await rt.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts everything once; every test awaits it, so a missing browser FAILS each test, loudly. */
async function prepare(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser test needs Debian's Chromium. Install it with ` +
        "`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium` (.ci/run does this).",
    );
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  // Each resource is recorded as soon as it exists, so afterAll stops it even if another failed.
  const results = await Promise.allSettled([
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }).then((b) => {
      browser = b;
    }),
    startServer({ name: "browser" }).then((p) => {
      proc = p;
    }),
    startClockedServer().then((s) => {
      clocked = s;
    }),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

let ready: Promise<void> | undefined;

beforeEach(async () => {
  ready ??= prepare();
  await ready;
});

afterEach(async () => {
  await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
  await Promise.allSettled([browser?.close(), proc?.stop(), clocked?.close()]);
  if (screenshots.length > 0) {
    process.stdout.write(`browser test screenshots in ${ARTIFACTS}: ${screenshots.join(", ")}\n`);
  }
});

// ------------------------------------------------------------------ helpers

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
}

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await need(browser, "chromium").newContext({ locale: "en-US", ...options });
  contexts.push(context);
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  const file = `${name}.png`;
  await page.screenshot({ path: join(ARTIFACTS, file), fullPage: true });
  screenshots.push(file);
}

/** Page loads after a submit are full navigations: assertions poll until the new page shows. */
const WAIT = { timeout: 15_000, interval: 100 };

/** The trimmed text of the first match, or null while there is none (polled, so never throws). */
function textOf(page: Page, selector: string): () => Promise<string | null> {
  return () =>
    page
      .locator(selector)
      .first()
      .textContent({ timeout: 1_000 })
      .then((t) => t?.trim() ?? null)
      .catch(() => null);
}

/** Whether the first match has the focus (polled). */
function hasFocus(page: Page, selector: string): () => Promise<boolean> {
  return () =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el === document.activeElement, undefined, { timeout: 1_000 })
      .catch(() => false);
}

async function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  return page.locator(selector).first().getAttribute(name);
}

/** A subject and a mailbox no other test uses. */
function person(label: string): { subject: string; email: string } {
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  return { subject: `user-${tag}`, email: `ana.${tag}@example.com` };
}

async function issue(
  target: Target,
  who: { subject: string; email: string },
): Promise<{ id: string; verifyUrl: string }> {
  const response = await fetch(`${target.url}/api/v1/verifications`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
    body: JSON.stringify({
      subject: who.subject,
      // No recipient locale: the page language can only come from the browser's Accept-Language.
      recipient: { email: who.email, name: "Ana" },
    }),
  });
  const body = (await response.json()) as { id: string; verifyUrl: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

/**
 * Reads the code the way a person would: the dev outbox in the browser, the newest message to
 * `email`, the code on a line of its own in the plain-text part.
 */
async function codeFromOutbox(target: Target, email: string): Promise<string> {
  const page = await newPage();
  await page.goto(`${target.url}/dev/outbox`);
  await expect.poll(textOf(page, "h1"), WAIT).toBe("Dev outbox");
  const rows = page.locator("tbody tr").filter({ hasText: email });
  await rows.first().getByRole("link").first().click();
  await page.waitForURL(/\/dev\/outbox\/email\//);
  const text = (await page.locator('pre[data-part="text"]').textContent()) ?? "";
  const code = /^\s*(\d{6})\s*$/m.exec(text)?.[1];
  if (!code) throw new Error(`no code in the outbox message to ${email}:\n${text}`);
  await page.context().close();
  return code;
}

/** A code of the same shape that is certainly wrong. */
function wrong(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}

/** `123456` → `123-456` or `123 456`: how codes are often shown and pasted. */
function grouped(code: string, separator: string): string {
  return `${code.slice(0, 3)}${separator}${code.slice(3)}`;
}

/** Puts text on the clipboard and pastes it into the focused element with the keyboard. */
async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(page.url()).origin,
  });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rgba = (value: string): [number, number, number, number] => {
        const parts =
          /rgba?\(([^)]+)\)/
            .exec(value)?.[1]
            ?.split(/[\s,/]+/)
            .filter(Boolean) ?? [];
        const [r = 0, g = 0, b = 0, a = 1] = parts.map(Number);
        return [r, g, b, Number.isNaN(a) ? 1 : a];
      };
      const luminance = ([r, g, b]: [number, number, number, number]) => {
        const lin = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const fg = rgba(getComputedStyle(element).color);
      let bg: [number, number, number, number] = [255, 255, 255, 1];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const candidate = rgba(getComputedStyle(node).backgroundColor);
        if (candidate[3] > 0) {
          bg = candidate;
          break;
        }
      }
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    });
}

/** The accessibility properties of the code form that can be checked without a person. */
async function expectAccessibleForm(page: Page, lang: "en" | "es", label: string): Promise<void> {
  expect(await attribute(page, "html", "lang")).toBe(lang);
  // The input is named by a real <label> (getByLabel resolves label[for] → the input).
  const input = page.getByLabel(label, { exact: true });
  expect(await input.getAttribute("id")).toBe("code");
  expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.length ?? 0)).toBe(1);
  expect(await input.getAttribute("autocomplete")).toBe("one-time-code");
  expect(await input.getAttribute("inputmode")).toBe("numeric");
  // The result region is announced without moving focus.
  const result = page.locator("#result");
  expect(await result.getAttribute("aria-live")).toBe("polite");
  expect(await result.getAttribute("role")).toBe("status");
  expect(await input.getAttribute("aria-describedby")).toMatch(/\bresult\b/);
  // The submit button reads at least at body size (its style asks for 1.1rem, bold).
  const button = page.locator("button[type=submit]").first();
  const size = await button.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size, "font size of the submit button, px").toBeGreaterThanOrEqual(16);
  for (const selector of ["h1", "label", ".hint", "#code", "button[type=submit]"]) {
    expect(await contrastOf(page, selector), `contrast of ${selector}`).toBeGreaterThanOrEqual(4.5);
  }
}

// ------------------------------------------------------------------ tests

describe("hosted page in Chromium, against a real zero-config server process", () => {
  it("reads the code in the outbox; a wrong code leaves 2 attempts, the right one pasted with a dash verifies", async () => {
    const server = need(proc, "the server process");
    const who = person("main");
    const { verifyUrl } = await issue(server, who);
    // The link the API hands out is the one a person opens: it names the port really in use.
    expect(new URL(verifyUrl).port).toBe(new URL(server.url).port);

    // The outbox lists the newest message first; open it from the list like a person would.
    const outbox = await newPage();
    await outbox.goto(`${server.url}/dev/outbox`);
    await expect.poll(textOf(outbox, "tbody tr"), WAIT).toContain(who.email);
    await shot(outbox, "01-outbox");
    await outbox.locator("tbody tr").first().getByRole("link").first().click();
    const text = (await outbox.locator('pre[data-part="text"]').textContent()) ?? "";
    const code = /^\s*(\d{6})\s*$/m.exec(text)?.[1];
    expect(code, text).toBeDefined();
    await shot(outbox, "02-outbox-message");
    const right = code!;

    const page = await newPage();
    await page.goto(verifyUrl);
    await expect.poll(textOf(page, "h1"), WAIT).toBe("Enter your verification code");
    await expectAccessibleForm(page, "en", "Verification code");
    await shot(page, "03-form");

    // Five digits cannot be the code: the page says what a code looks like and counts nothing
    // (the wrong code below still leaves 2 of 3 attempts).
    await page.getByLabel("Verification code").fill(right.slice(0, 5));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toBe("Enter the 6-digit code.");

    await page.getByLabel("Verification code").fill(wrong(right));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("That code is not right. 2 attempts remaining.");
    expect(await page.getByLabel("Verification code").getAttribute("aria-invalid")).toBe("true");
    expect(await contrastOf(page, "#result")).toBeGreaterThanOrEqual(4.5);
    await shot(page, "04-wrong-code");

    const input = page.getByLabel("Verification code");
    await input.clear();
    await input.focus();
    await paste(page, ` ${grouped(right, "-")} `);
    expect(await input.inputValue()).toBe(` ${grouped(right, "-")} `);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(textOf(page, "h1"), WAIT).toBe("You're verified");
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("your code is correct");
    await shot(page, "05-verified");

    // Verified stays verified: opening the link again shows success, not a form.
    await page.goto(verifyUrl);
    await expect.poll(textOf(page, "h1"), WAIT).toBe("You're verified");
  });

  it("speaks Spanish to a browser that asks for es-ES", async () => {
    const server = need(proc, "the server process");
    const who = person("es");
    const { verifyUrl } = await issue(server, who);
    const code = await codeFromOutbox(server, who.email);

    const page = await newPage({ locale: "es-ES" });
    await page.goto(verifyUrl);
    await expect.poll(textOf(page, "h1"), WAIT).toBe("Introduce tu código de verificación");
    await expectAccessibleForm(page, "es", "Código de verificación");
    expect(await page.getByRole("button", { name: "Verificar" }).isVisible()).toBe(true);
    await shot(page, "06-es-form");

    await page.getByLabel("Código de verificación").fill(wrong(code));
    await page.getByRole("button", { name: "Verificar" }).click();
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("El código no es correcto. Quedan 2 intentos.");
    await shot(page, "07-es-wrong-code");

    await page.getByLabel("Código de verificación").fill(grouped(code, " "));
    await page.getByRole("button", { name: "Verificar" }).click();
    await expect.poll(textOf(page, "h1"), WAIT).toBe("Verificación completada");
    expect(await attribute(page, "html", "lang")).toBe("es");
    await shot(page, "08-es-verified");
  });

  it("works with the keyboard only: focus starts in the input, Tab reaches the button, Enter submits", async () => {
    const server = need(proc, "the server process");
    const who = person("keys");
    const { verifyUrl } = await issue(server, who);
    const code = await codeFromOutbox(server, who.email);

    const page = await newPage();
    await page.goto(verifyUrl);
    // autofocus: a person can type at once, without a mouse.
    await expect.poll(hasFocus(page, "#code"), WAIT).toBe(true);
    await page.keyboard.press("Tab");
    await expect.poll(hasFocus(page, "button[type=submit]"), WAIT).toBe(true);
    await page.keyboard.press("Shift+Tab");
    await expect.poll(hasFocus(page, "#code"), WAIT).toBe(true);

    await page.keyboard.type(wrong(code));
    await page.keyboard.press("Enter");
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("That code is not right. 2 attempts remaining.");
    // After a wrong code the input has focus again, ready for the next try.
    await expect.poll(hasFocus(page, "#code"), WAIT).toBe(true);
    await shot(page, "09-keyboard-wrong-code");

    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await expect.poll(textOf(page, "h1"), WAIT).toBe("You're verified");
  });

  it("works without JavaScript", async () => {
    const server = need(proc, "the server process");
    const who = person("nojs");
    const { verifyUrl } = await issue(server, who);
    const code = await codeFromOutbox(server, who.email);

    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(verifyUrl);
    expect(await page.locator("script").count()).toBe(0);
    expect(await attribute(page, "html", "lang")).toBe("en");
    await page.getByLabel("Verification code").fill(wrong(code));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("That code is not right. 2 attempts remaining.");
    await shot(page, "10-nojs-wrong-code");
    await page.getByLabel("Verification code").fill(grouped(code, "-"));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(textOf(page, "h1"), WAIT).toBe("You're verified");
    await shot(page, "11-nojs-verified");
  });
});

describe("expired and locked pages in Chromium, against the app with a movable clock", () => {
  it('a code entered after its lifetime shows "This code has expired"', async () => {
    const server = need(clocked, "the clocked server");
    const who = person("expired");
    const { verifyUrl } = await issue(server, who);
    const code = await codeFromOutbox(server, who.email);

    const page = await newPage();
    await page.goto(verifyUrl);
    await expect.poll(hasFocus(page, "#code"), WAIT).toBe(true);
    // The page stays open past the code's lifetime, then the (right) code is entered.
    server.advance(server.rt.config.OTP_TTL_SECONDS * 1000 + 1_000);
    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("This code has expired. Request a new code.");
    expect(await attribute(page, "html", "lang")).toBe("en");
    expect(await page.locator("#code").count()).toBe(0);
    await shot(page, "12-expired");

    // Opening the link later says the same.
    await page.goto(verifyUrl);
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("This code has expired. Request a new code.");
  });

  it('"Send a new code" without JavaScript: the wait, then a new code to the same address', async () => {
    const server = need(clocked, "the clocked server");
    const who = person("resend");
    const { verifyUrl } = await issue(server, who);
    const first = await codeFromOutbox(server, who.email);

    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(verifyUrl);
    const button = page.getByRole("button", { name: "Send a new code" });
    expect(await button.isVisible()).toBe(true);
    // Named by a hint that says why it is there and how long the resend rules hold it back.
    expect(await page.locator("#resend-hint").textContent()).toMatch(
      /^Didn't get the code\? You can ask for a new code in \d+ seconds\.$/,
    );
    expect(await button.getAttribute("aria-describedby")).toBe("resend-hint");
    expect(await contrastOf(page, "button.secondary")).toBeGreaterThanOrEqual(4.5);
    await shot(page, "15-resend-offer");

    // Pressed at once: the page says how long to wait, and sends nothing.
    await button.click();
    await expect
      .poll(textOf(page, "#resend-hint"), WAIT)
      .toMatch(/You can ask for a new code in \d+ seconds\./);
    expect(await codeFromOutbox(server, who.email)).toBe(first);

    // After the cooldown: a new code, said plainly with its attempts; the new code verifies.
    server.advance(server.rt.config.OTP_RESEND_COOLDOWN_SECONDS * 1000 + 1_000);
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toMatch(/^We sent a new code to \S+@example\.com\. Enter the new code \(3 attempts\)\.$/);
    expect(await page.locator("script").count()).toBe(0);
    await shot(page, "16-resent");
    const fresh = await codeFromOutbox(server, who.email);
    await page.getByLabel("Verification code").fill(fresh);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(textOf(page, "h1"), WAIT).toBe("You're verified");
  });

  it('five wrong codes across a resend pause sign-in: "Sign-in is paused"', async () => {
    const server = need(clocked, "the clocked server");
    const { OTP_MAX_ATTEMPTS, OTP_LOCKOUT_MAX_FAILURES, OTP_RESEND_COOLDOWN_SECONDS } =
      server.rt.config;
    expect([OTP_MAX_ATTEMPTS, OTP_LOCKOUT_MAX_FAILURES]).toEqual([3, 5]); // the defaults
    const who = person("locked");

    // First code: three wrong tries use it up (failures 1-3 of 5).
    const first = await issue(server, who);
    const firstCode = await codeFromOutbox(server, who.email);
    const page = await newPage();
    await page.goto(first.verifyUrl);
    const submit = async (value: string) => {
      await page.getByLabel("Verification code").fill(value);
      await page.getByRole("button", { name: "Verify" }).click();
    };
    await submit(wrong(firstCode));
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("2 attempts remaining");
    await submit(wrong(firstCode));
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("1 attempt remaining");
    await submit(wrong(firstCode));
    await expect
      .poll(textOf(page, "[aria-live]"), WAIT)
      .toBe("Too many wrong attempts for this code. Request a new code.");
    await shot(page, "13-exhausted");

    // A new code after the resend cooldown: the failure budget is per person, not per code.
    server.advance(OTP_RESEND_COOLDOWN_SECONDS * 1000 + 1_000);
    const second = await issue(server, who);
    const secondCode = await codeFromOutbox(server, who.email);
    expect(secondCode).not.toBe("");
    await page.goto(second.verifyUrl);
    await submit(wrong(secondCode));
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("1 attempt remaining");
    await submit(wrong(secondCode));
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("Sign-in is paused");
    expect(await textOf(page, "[aria-live]")()).toContain(
      `try again in ${server.rt.config.OTP_LOCKOUT_MINUTES} minutes`,
    );
    expect(await page.locator("#code").count()).toBe(0);
    expect(await attribute(page, "html", "lang")).toBe("en");
    expect(await contrastOf(page, "[aria-live]")).toBeGreaterThanOrEqual(4.5);
    await shot(page, "14-locked");

    // Both links now show the pause; the right code no longer helps while it lasts.
    await page.goto(first.verifyUrl);
    await expect.poll(textOf(page, "[aria-live]"), WAIT).toContain("Sign-in is paused");
    const api = await fetch(`${server.url}/api/v1/verifications/${second.id}/check`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body: JSON.stringify({ code: secondCode }),
    });
    expect(((await api.json()) as { status: string }).status).toBe("locked");
  });
});
