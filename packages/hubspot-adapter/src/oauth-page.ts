// Internal to oauth.ts: what the browser gets back from the OAuth callback. Not re-exported.

/** Why a callback was refused; shown on the page and in the `X-OTPKit-Reason` header. */
export type CallbackFailure =
  | "method_not_allowed"
  | "query_ambiguous"
  | "install_denied"
  | "code_missing"
  | "state_missing"
  | "state_invalid"
  | "code_rejected"
  | "hubspot_unavailable";

const FAILURES: Record<CallbackFailure, { status: number; message: string }> = {
  method_not_allowed: { status: 405, message: "The install callback only answers GET." },
  query_ambiguous: { status: 400, message: "The callback URL repeats a parameter." },
  install_denied: { status: 400, message: "The installation was cancelled in HubSpot." },
  code_missing: { status: 400, message: "The callback URL has no valid authorization code." },
  state_missing: {
    status: 400,
    message: "The callback URL has no state: start the installation from the app's install link.",
  },
  state_invalid: {
    status: 400,
    message: "This installation link expired or was already used: start the installation again.",
  },
  code_rejected: {
    status: 400,
    message: "HubSpot refused the authorization code (expired or already used): start again.",
  },
  hubspot_unavailable: {
    status: 502,
    message: "HubSpot could not be reached to finish the installation: try again in a minute.",
  },
};

/** A failed callback, or a successful one with where to send the browser next. */
export type CallbackOutcome =
  | { reason: CallbackFailure }
  | { portalId: number; returnUrl: string | null; successUrl: string | undefined };

/**
 * The callback's answer. A success goes to HubSpot's `returnUrl` when it is an https URL on a
 * hubspot.com host (anything else would make this route an open redirect), else to
 * `successUrl?portalId=<id>`, else a small page. Failures are a page with their status.
 */
export function callbackPage(outcome: CallbackOutcome): Response {
  if ("reason" in outcome) {
    const { status, message } = FAILURES[outcome.reason];
    const headers: Record<string, string> = {
      "X-OTPKit-Reason": outcome.reason,
      ...(status === 405 ? { Allow: "GET" } : {}),
    };
    return page(status, "Installation failed", `${message} (${outcome.reason})`, headers);
  }
  const back = hubspotReturnUrl(outcome.returnUrl);
  if (back !== undefined) return redirect(back);
  if (outcome.successUrl !== undefined) {
    const next = new URL(outcome.successUrl);
    next.searchParams.set("portalId", String(outcome.portalId));
    return redirect(next.toString());
  }
  return page(
    200,
    "App installed",
    `The app is installed in HubSpot account ${outcome.portalId}. You can close this window.`,
    {},
  );
}

function hubspotReturnUrl(value: string | null): string | undefined {
  if (value === null) return undefined;
  try {
    const parsed = new URL(value);
    const hubspot = parsed.hostname === "hubspot.com" || parsed.hostname.endsWith(".hubspot.com");
    const clean = parsed.username === "" && parsed.password === "" && parsed.port === "";
    return parsed.protocol === "https:" && hubspot && clean ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

// The callback URL carries the authorization code: the page loads nothing and sends no referrer,
// and nothing of it is cached.
const SECURITY_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, ...SECURITY_HEADERS } });
}

function page(status: number, title: string, text: string, extra: Record<string, string>) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      ...SECURITY_HEADERS,
      ...extra,
    },
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
