import { otpkitProject } from "../../vitest.shared.ts";

// `pnpm test:reliability`: soak, faults, hostile input and the secret scan (reliability/). One
// file at a time, so each load figure is measured on a machine the other files leave alone; the
// figures each file records are printed together at the end (reliability/support/figures.ts).
export default otpkitProject("server-reliability", {
  include: ["reliability/**/*.test.ts"],
  fileParallelism: false,
  testTimeout: 600_000,
  hookTimeout: 300_000,
  globalSetup: ["reliability/support/global-setup.ts"],
});
