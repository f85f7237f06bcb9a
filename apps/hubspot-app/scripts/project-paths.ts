import { fileURLToPath } from "node:url";

// Where the HubSpot project lives and what the build writes: one table, read by the build script
// and the tests, so a file name is never spelled twice.

/** `apps/hubspot-app`, absolute. */
export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The project's `srcDir` (what `hs project upload` uploads), relative to {@link APP_DIR}. */
export const SRC_DIR = "src";

/** The server routes the workflow actions POST to, below the profile's `BACKEND_URL`. */
export const ACTION_ROUTES = Object.freeze({
  generate: "/hubspot/actions/generate-otp",
  verify: "/hubspot/actions/verify-otp",
  wait: "/hubspot/actions/wait-for-verification",
} as const);

/** The OAuth routes of the server (`apps/server/src/routes/hubspot.ts`, mounted at `/hubspot`). */
export const OAUTH_ROUTES = Object.freeze({
  install: "/hubspot/oauth/install",
  callback: "/hubspot/oauth/callback",
} as const);

/**
 * The UI extensions the build bundles: the crm-card package's entries (each calls
 * `hubspot.extend`) into the files the card's and the settings page's hsmeta `entrypoint` names.
 * Paths relative to {@link APP_DIR}.
 */
export const EXTENSION_BUNDLES = Object.freeze([
  Object.freeze({
    name: "card",
    entry: "../../packages/crm-card/src/extension/card.tsx",
    outfile: "src/app/cards/OtpCard.jsx",
    /** The hsmeta `entrypoint`: relative to srcDir, starting with `/app/`. */
    entrypoint: "/app/cards/OtpCard.jsx",
  }),
  Object.freeze({
    name: "settings",
    entry: "../../packages/crm-card/src/extension/settings.tsx",
    outfile: "src/app/settings/SettingsPage.jsx",
    entrypoint: "/app/settings/SettingsPage.jsx",
  }),
]);

/** The workflow-action hsmeta files the generator writes, relative to {@link APP_DIR}. */
export const ACTION_FILES = Object.freeze({
  generate: "src/app/workflow-actions/generate-otp-hsmeta.json",
  verify: "src/app/workflow-actions/verify-otp-hsmeta.json",
  wait: "src/app/workflow-actions/wait-for-verification-hsmeta.json",
} as const);

/** An action of the app, as the adapter names its handlers. */
export type ActionKey = keyof typeof ACTION_FILES;
