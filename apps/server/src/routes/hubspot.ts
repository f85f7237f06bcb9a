import { Hono } from "hono";
import type { HubSpotRuntime } from "../hubspot-runtime.js";

/**
 * The HubSpot app's routes, mounted at `/hubspot` when the credentials are configured.
 *
 * Every handler is the adapter's own (a web `Request` in, a `Response` out) and gets the request
 * untouched (`c.req.raw`): the signature covers the raw body, so nothing here reads, parses or
 * validates it first, and the adapter checks the signature before it parses anything. Its error
 * codes are the adapter's tables (`WORKFLOW_ERRORS`, `FETCH_API_ERRORS`), listed in the README.
 */
export function hubspotRoutes(hubspot: HubSpotRuntime): Hono {
  const { handlers } = hubspot.app;
  const { card, settings } = hubspot;
  const app = new Hono();

  // Workflow actions (HubSpot's servers call these, signed v3/v2).
  app.post("/actions/generate-otp", (c) => handlers.generate(c.req.raw));
  app.post("/actions/verify-otp", (c) => handlers.verify(c.req.raw));
  app.post("/actions/wait-for-verification", (c) => handlers.wait(c.req.raw));

  // OAuth install (a browser).
  app.get("/oauth/install", (c) => handlers.oauthInstall(c.req.raw));
  app.get("/oauth/callback", (c) => handlers.oauthCallback(c.req.raw));

  // The contact card (hubspot.fetch, signed v3).
  app.get("/card/status", (c) => card.status(c.req.raw));
  app.post("/card/generate", (c) => card.generate(c.req.raw));
  app.post("/card/resend", (c) => card.resend(c.req.raw));
  app.post("/card/regenerate", (c) => card.regenerate(c.req.raw));

  // The settings page (hubspot.fetch, signed v3).
  app.get("/settings", (c) => settings.get(c.req.raw));
  app.put("/settings", (c) => settings.put(c.req.raw));
  app.get("/settings/properties", (c) => settings.properties(c.req.raw));
  app.post("/settings/preview", (c) => settings.preview(c.req.raw));

  return app;
}
