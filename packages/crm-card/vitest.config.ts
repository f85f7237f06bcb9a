import { otpkitProject } from "../../vitest.shared.ts";

// The card renders through @hubspot/ui-extensions/testing (remote-ui, no DOM): node environment.
const project = otpkitProject("crm-card", {
  include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "test/**/*.test.tsx"],
});
export default { ...project, esbuild: { jsx: "automatic" } };
