// The hosted page as a browser uses it, for the hosted-page tests: start a verification through
// the API, open its page (keeping the CSRF cookie and the form's token), post the code form and
// "Send a new code".
import { expect } from "vitest";
import { lastEmailCode } from "./outbox.js";
import type { TestServer } from "./runtime.js";

/** The recipient of the hosted-page tests. */
export const ANA = { email: "ana@example.com" };
/** The success heading, as escaped in the HTML. */
export const VERIFIED = "You&#39;re verified";

/** Starts a verification through the API; returns its id and the code from the outbox. */
export async function verification(
  s: TestServer,
  extra: Record<string, unknown> = {},
  subject = "user-1",
): Promise<{ id: string; code: string }> {
  const res = await s.api("/api/v1/verifications", {
    body: { subject, recipient: ANA, ...extra },
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { id, code: await lastEmailCode(s.rt, "ana@example.com") };
}

/** A browser session on the hosted page: keeps the CSRF cookie and the form's token. */
export interface Session {
  cookie: string;
  csrf: string;
  html: string;
  status: number;
}

/** GET /verify/:id, and the session it starts. */
export async function open(s: TestServer, id: string, headers: Record<string, string> = {}) {
  const res = await s.app.request(`/verify/${id}`, { headers });
  const html = await res.text();
  const cookie = /otpkit_csrf=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { res, html, session: { cookie, csrf, html, status: res.status } satisfies Session };
}

/** POST /verify/:id with these form fields (and the CSRF cookie, when given). */
export function submit(
  s: TestServer,
  id: string,
  fields: Record<string, string>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return Promise.resolve(
    s.app.request(`/verify/${id}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.cookie ? { cookie: `otpkit_csrf=${options.cookie}` } : {}),
        ...options.headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Types `code` into the page's form (a fresh session unless one is given). */
export async function enter(s: TestServer, id: string, code: string, session?: Session) {
  const own = session ?? (await open(s, id)).session;
  const res = await submit(s, id, { csrf: own.csrf, code }, { cookie: own.cookie });
  return { res, html: await res.text() };
}

/** The "Send a new code" button of the page, posted with the page's own token. */
export async function resend(s: TestServer, id: string, session: Session, headers = {}) {
  const res = await s.app.request(`/verify/${id}/resend`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `otpkit_csrf=${session.cookie}`,
      ...headers,
    },
    body: new URLSearchParams({ csrf: session.csrf }).toString(),
  });
  return { res, html: await res.text() };
}
