import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackedProject } from "./support/packed-project.js";
import { createPackedProject, lastJson, ROOT } from "./support/packed-project.js";

// The libraries as a user gets them: every publishable package packed (`pnpm pack:all`, after
// `pnpm build`: turbo runs the builds before this package's tests), the tarballs installed with
// plain npm into a scratch project outside the workspace, every README example type-checked there
// with `module: nodenext` against the installed .d.ts, and every quick start run with plain node
// against the real services. A package whose `exports` or `files` would break an installed user
// fails here, and so does a README install line that leaves out a package it needs.

const env = {
  OTP_SECRET: "packed-quick-start-secret-0123456789abcdef",
  OTP_NAMING_KEY: "packed-quick-start-naming-key-0123456789abcdef",
};

let project: PackedProject;
beforeAll(async () => {
  project = await createPackedProject();
}, 300_000);
afterAll(async () => {
  await project?.remove();
});

const RUNS: Record<string, () => Promise<void>> = {
  "otp-core": async () => {
    expect(await project.node(["dist/quick-starts/otp-core.js"])).toBe("verified\n");
  },
  "store-sqlite": async () => {
    const stdout = await project.node(["dist/quick-starts/store-sqlite.js"], env);
    expect(stdout).toContain("status: 'verified'");
    expect(existsSync(join(project.dir, "data", "otp.db"))).toBe(true);
  },
  "store-redis": async () => {
    const { stdout } = lastJson<{ stdout: string }>(
      await project.node(["drivers/store-redis.mjs"], env),
    );
    expect(stdout).toContain("status: 'verified'");
  },
  "store-postgres": async () => {
    const report = lastJson<{ stdout: string; migrated: boolean }>(
      await project.node(["drivers/store-postgres.mjs"], env),
    );
    expect(report.stdout).toContain("status: 'verified'");
    expect(report.migrated, "migrate() created otp_store").toBe(true);
  },
  "delivery-email": async () => {
    const report = lastJson<{ stdout: string; received: Array<{ to: string[] }> }>(
      await project.node(["drivers/delivery-email.mjs"]),
    );
    expect(report.stdout).toBe("<otp.code.dlv_1@acme.test> PACKED0001\n");
    expect(report.received).toEqual([expect.objectContaining({ to: ["ana@example.com"] })]);
  },
  "delivery-whatsapp": async () => {
    const whatsapp = {
      WA_PHONE_NUMBER_ID: "106540352242922",
      WA_ACCESS_TOKEN: "EAAG-packed-token",
    };
    const stdout = await project.node(
      ["--import", "./drivers/fake-graph.mjs", "dist/quick-starts/delivery-whatsapp.js"],
      { ...env, ...whatsapp },
    );
    const { graph } = lastJson<{ graph: Record<string, string> }>(stdout);
    expect(graph).toMatchObject({
      url: "https://graph.facebook.com/v25.0/106540352242922/messages",
      method: "POST",
      to: "+34600123478",
      type: "template",
    });
  },
  "hubspot-adapter": async () => {
    const hubspot = {
      HUBSPOT_CLIENT_ID: "packed-client",
      HUBSPOT_CLIENT_SECRET: "packed-client-secret-0123456789",
    };
    const report = lastJson<{ unsigned: number; signed: number; body: unknown }>(
      await project.node(["drivers/hubspot-adapter.mjs"], { ...env, ...hubspot }),
    );
    expect(report).toMatchObject({ unsigned: 401, signed: 403 });
    expect(report.body).toMatchObject({ error: { code: "NOT_INSTALLED" } });
  },
  "conversation-auth": async () => {
    const stdout = await project.node(["dist/quick-starts/conversation-auth.js"], env);
    expect(stdout).toContain("We sent a verification code to the number ***78");
    expect(stdout).toContain("state: 'authenticated'");
  },
  "conversation-mcp": async () => {
    const report = lastJson<{ started: { state: string; reply: string } }>(
      await project.node(["drivers/conversation-mcp.mjs"], env),
    );
    expect(report.started.state).toBe("pending");
    expect(report.started.reply).toContain("***78 registered in your profile");
  },
};

describe("the packed libraries, installed with plain npm outside the workspace", () => {
  it("packs exactly the packages that are not private, each with dist, README and package.json only", async () => {
    const workspace = [
      join(ROOT, "examples"),
      ...(await folders("apps")),
      ...(await folders("packages")),
    ];
    const publishable: string[] = [];
    for (const dir of workspace) {
      const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      if (manifest.private !== true) publishable.push(manifest.name);
    }
    expect(project.packages.map((p) => p.name).sort()).toEqual(publishable.sort());
    for (const pkg of project.packages) {
      const outside = pkg.files.filter((f) => !/^(dist\/|README\.md$|package\.json$)/.test(f));
      expect(outside, `${pkg.name} packs only dist/, README.md and package.json`).toEqual([]);
      expect(pkg.files.filter((f) => /\.test\.|fixtures?\//.test(f))).toEqual([]);
    }
  });

  it("builds every packed package before it runs (examples/turbo.json)", async () => {
    const turbo = JSON.parse(await readFile(join(ROOT, "examples", "turbo.json"), "utf8"));
    const builds = project.packages.map((p) => `${p.name}#build`).sort();
    expect([...turbo.tasks.test.dependsOn].sort()).toEqual(builds);
  });

  it("type-checks every README example against the installed types (module nodenext)", () => {
    expect(project.typecheck).toBe("");
  });

  it("imports every export of every package with plain node", async () => {
    const counts = lastJson<Record<string, number>>(await project.node(["dist/exports.js"]));
    const empty = Object.entries(counts).filter(([, count]) => count === 0);
    expect(Object.keys(counts)).toContain("@otpkit/otp-core");
    expect(empty, "an export with no names").toEqual([]);
  });

  it("runs every README quick start here", () => {
    expect(Object.keys(RUNS).sort()).toEqual(project.quickStarts);
  });

  for (const [name, check] of Object.entries(RUNS)) {
    it(`the ${name} quick start runs with plain node`, check, 90_000);
  }
});

async function folders(parent: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, parent), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(ROOT, parent, e.name, "package.json")))
    .map((e) => join(ROOT, parent, e.name));
}
