// HubSpot's own parsing library (the one `hs project upload` runs) on the project, offline: what
// it finds, what it skips, which uids and types it produces, with each profile applied.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Components } from "@hubspot/project-parsing-lib/constants";
import { validateProfileVariables } from "@hubspot/project-parsing-lib/profiles";
import {
  getProjectMetadata,
  isLegacyProject,
  parseProjectConfig,
} from "@hubspot/project-parsing-lib/projects";
import { mapToUserFacingType } from "@hubspot/project-parsing-lib/transform";
import { translate } from "@hubspot/project-parsing-lib/translate";
import { validateUid } from "@hubspot/project-parsing-lib/uid";
import { describe, expect, it } from "vitest";
import { APP_DIR } from "../scripts/project-paths.js";
import type { Json } from "./project.js";
import {
  EXPECTED_UIDS,
  hsmetaFiles,
  PROFILES,
  readJson,
  SRC,
  translateProject,
} from "./project.js";

const APP_UID = "otpkit_app";

describe("hsproject.json", () => {
  it("is a 2026.03 project with srcDir src, as the CLI reads it", () => {
    const config = parseProjectConfig(APP_DIR);
    expect(config).toEqual({
      name: "otpkit-hubspot-app",
      srcDir: "src",
      platformVersion: "2026.03",
    });
    expect(isLegacyProject(config.platformVersion)).toBe(false);
  });

  it("has one app, one card, one settings page and three workflow actions", async () => {
    const { components } = await getProjectMetadata(SRC);
    const count = (type: string) => components[type]?.count;
    expect([count("app"), count("card"), count("settings"), count("workflow-action")]).toEqual([
      1, 1, 1, 3,
    ]);
  });
});

describe("every *-hsmeta.json", () => {
  const files = hsmetaFiles();

  it("is found: six files", () => {
    expect(files).toHaveLength(6);
  });

  it.each(files)("%s is JSON with only uid, type and config, and a valid uid", (file) => {
    const doc = readJson(`src/${file}`);
    expect(Object.keys(doc).sort()).toEqual(["config", "type", "uid"]);
    expect(validateUid(doc.uid)).toBeUndefined();
    expect(typeof doc.config).toBe("object");
  });

  it.each(files)("%s sits in the directory its type requires", (file) => {
    const { type } = readJson(`src/${file}`);
    const component = Components[type];
    expect(component, `unknown component type ${type}`).toBeDefined();
    const parent = component?.parentComponent ? Components[component.parentComponent]?.dir : "";
    expect(dirname(file)).toBe([parent, component?.dir].filter(Boolean).join("/"));
  });
});

describe.each(PROFILES)("translated with profile %s", (profile) => {
  it("skips no file and yields exactly the committed uids and types", async () => {
    const { intermediateRepresentation: ir, skippedHsMetaFiles } = await translateProject(profile);
    expect(skippedHsMetaFiles).toEqual([]);
    const nodes = ir.intermediateNodesIndexedByUid;
    const types = Object.fromEntries(Object.values(nodes).map((n) => [n.uid, n.componentType]));
    expect(types).toEqual(EXPECTED_UIDS);
    // Invalid JSON silently drops a file from the translation: every file must be a node.
    expect(
      Object.values(nodes)
        .map((n) => n.metaFilePath)
        .sort(),
    ).toEqual(hsmetaFiles());
  });

  it("hangs every component under the app and leaves no profile variable unreplaced", async () => {
    const { intermediateRepresentation: ir } = await translateProject(profile);
    for (const node of Object.values(ir.intermediateNodesIndexedByUid)) {
      if (node.uid !== APP_UID) expect(node.componentDeps["app"], node.uid).toBe(APP_UID);
      expect(mapToUserFacingType(node.componentType)).toBe(
        readJson(`src/${node.metaFilePath}`).type,
      );
      expect(JSON.stringify(node.config)).not.toContain("${");
    }
  });

  it("passes the profile's variables on as strings (BACKEND_URL reaches the card)", async () => {
    const { intermediateRepresentation: ir } = await translateProject(profile);
    const vars = ir.profileData?.vars.profileVariables ?? {};
    expect(vars["BACKEND_URL"]?.variableType).toBe("PROFILE_STRING");
    expect(vars["BACKEND_URL"]?.value).toBe(
      readJson(`src/hsprofile.${profile}.json`).variables.BACKEND_URL,
    );
  });
});

describe.each(PROFILES)("src/hsprofile.%s.json", (profile) => {
  const file: Json = readJson(`src/hsprofile.${profile}.json`);

  it("has a numeric accountId and valid variables", () => {
    expect(Number.isSafeInteger(file.accountId)).toBe(true);
    expect(validateProfileVariables(file.variables, `hsprofile.${profile}.json`)).toEqual({
      success: true,
      errors: [],
    });
  });

  it("sets BACKEND_URL to an https origin without a trailing slash (the server's PUBLIC_URL)", () => {
    const url = new URL(file.variables.BACKEND_URL);
    expect(url.protocol).toBe("https:");
    expect(["localhost", "127.0.0.1"]).not.toContain(url.hostname);
    expect(file.variables.BACKEND_URL).toBe(url.origin);
  });

  it("sets the same variables as every other profile", () => {
    const other = readJson(`src/hsprofile.${PROFILES.find((p) => p !== profile)}.json`);
    expect(Object.keys(file.variables).sort()).toEqual(Object.keys(other.variables).sort());
  });
});

describe("a profile without BACKEND_URL", () => {
  it("fails the translation naming the variable, rather than upload a placeholder", async () => {
    const copy = await mkdtemp(join(tmpdir(), "hubspot-app-"));
    try {
      await cp(SRC, copy, { recursive: true });
      await writeFile(
        join(copy, "hsprofile.bad.json"),
        JSON.stringify({ accountId: 1, variables: { SUPPORT_EMAIL: "a@example.com" } }),
      );
      await expect(
        translate(
          { projectSourceDir: copy, platformVersion: "2026.03" },
          { skipValidation: true, profile: "bad" },
        ),
      ).rejects.toThrow(/Missing value for BACKEND_URL/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
