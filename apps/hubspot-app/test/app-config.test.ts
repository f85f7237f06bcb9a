// The app, card and settings components: OAuth with exactly the scopes the adapter asks for (and
// the README justifies), URLs from the profile that exist on the server, and extension
// directories HubSpot can install as they are.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  collectFileDependencies,
  collectWorkspaceDirectories,
  findAndParsePackageJsonFiles,
  validateWorkspaceProtocolDependencies,
} from "@hubspot/project-parsing-lib/workspaces";
import { HUBSPOT_SCOPES } from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import { HOST_PACKAGES } from "../scripts/bundle-extensions.js";
import { BACKEND_URL_VARIABLE } from "../scripts/generate-actions.js";
import { APP_DIR, EXTENSION_BUNDLES, OAUTH_ROUTES } from "../scripts/project-paths.js";
import type { Json } from "./project.js";
import { PROFILES, readJson, SRC, translateProject } from "./project.js";

const app: Json = readJson("src/app/app-hsmeta.json").config;
const serverRoutes = readFileSync(join(APP_DIR, "../server/src/routes/hubspot.ts"), "utf8");

/** The scopes listed in the README's "Scopes" table (first column, in backticks). */
function readmeScopes(): string[] {
  const readme = readFileSync(join(APP_DIR, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Scopes"));
  return [...(section ?? "").matchAll(/^\| `([a-z.]+)` \|/gm)].map((m) => m[1] as string);
}

describe("app-hsmeta.json", () => {
  it("is a marketplace app with OAuth", () => {
    expect(app.distribution).toBe("marketplace");
    expect(app.auth.type).toBe("oauth");
  });

  it("requires exactly the adapter's scopes (its install URL asks for these), nothing optional", () => {
    expect(app.auth.requiredScopes).toEqual([...HUBSPOT_SCOPES]);
    expect(app.auth.optionalScopes).toEqual([]);
    expect(app.auth.conditionallyRequiredScopes).toEqual([]);
  });

  it("justifies every scope in the README, and no other", () => {
    expect(readmeScopes()).toEqual([...HUBSPOT_SCOPES]);
  });

  it("redirects to the server's OAuth callback, and the server has it", () => {
    expect(app.auth.redirectUrls).toEqual([`\${BACKEND_URL}${OAUTH_ROUTES.callback}`]);
    expect(serverRoutes).toContain(`app.get("${OAUTH_ROUTES.callback.replace("/hubspot", "")}"`);
    expect(serverRoutes).toContain(`app.get("${OAUTH_ROUTES.install.replace("/hubspot", "")}"`);
  });

  it("lets the card and the settings page fetch only from the backend", () => {
    expect(app.permittedUrls).toEqual({ fetch: [BACKEND_URL_VARIABLE], iframe: [], img: [] });
  });

  it.each(PROFILES)("translated with %s: https URLs of the profile's backend", async (profile) => {
    const { intermediateRepresentation: ir } = await translateProject(profile);
    const config: Json = ir.intermediateNodesIndexedByUid["otpkit_app"]?.config;
    const backend = readJson(`src/hsprofile.${profile}.json`).variables.BACKEND_URL;
    expect(config.permittedUrls.fetch).toEqual([backend]);
    expect(config.auth.redirectUrls).toEqual([`${backend}${OAUTH_ROUTES.callback}`]);
    expect(new URL(config.auth.redirectUrls[0]).protocol).toBe("https:");
    expect(config.support.supportEmail).toMatch(/^[^@\s]+@[^@\s]+$/);
  });
});

describe("the card and the settings page", () => {
  const card: Json = readJson("src/app/cards/otp-card-hsmeta.json").config;
  const settings: Json = readJson("src/app/settings/settings-hsmeta.json").config;

  it("put the card in the contact record's sidebar (seed 000)", () => {
    expect(card.location).toBe("crm.record.sidebar");
    expect(card.objectTypes).toEqual(["contacts"]);
  });

  it("point their entrypoints at the bundles the build writes", () => {
    expect([card.entrypoint, settings.entrypoint]).toEqual(
      EXTENSION_BUNDLES.map((b) => b.entrypoint),
    );
    for (const b of EXTENSION_BUNDLES) expect(`src${b.entrypoint}`).toBe(b.outfile);
  });

  it.each(["cards", "settings"])(
    "%s/package.json pins exactly the host packages the bundle was tested against",
    (dir) => {
      const pkg = readJson(`src/app/${dir}/package.json`);
      const installed = Object.fromEntries(
        HOST_PACKAGES.map((name) => [name, readJson(`node_modules/${name}/package.json`).version]),
      );
      expect(pkg.dependencies).toEqual(installed);
      expect(pkg.devDependencies).toBeUndefined();
    },
  );
});

describe("what `hs project upload` installs", () => {
  it("has no workspace:, file: or link: dependency, as the CLI checks before upload", async () => {
    const parsed = await findAndParsePackageJsonFiles(SRC);
    expect(parsed.map((p) => p.path.slice(SRC.length + 1)).sort()).toEqual([
      "app/cards/package.json",
      "app/settings/package.json",
    ]);
    const workspaces = await collectWorkspaceDirectories(parsed);
    expect(workspaces).toEqual([]);
    expect(await collectFileDependencies(parsed)).toEqual([]);
    expect(() => validateWorkspaceProtocolDependencies(parsed, workspaces)).not.toThrow();
    for (const p of parsed) {
      expect(readFileSync(p.path, "utf8")).not.toMatch(/"(workspace|file|link):/);
    }
  });

  it("is not part of the pnpm workspace (apps/* only), so pnpm never links into it", () => {
    const workspace = readFileSync(join(APP_DIR, "../../pnpm-workspace.yaml"), "utf8");
    const globs = [...workspace.matchAll(/^\s+-\s+(\S+)$/gm)].map((m) => m[1]);
    expect(globs).not.toContain("apps/**");
    expect(globs.some((g) => g?.startsWith("apps/hubspot-app/"))).toBe(false);
  });
});
