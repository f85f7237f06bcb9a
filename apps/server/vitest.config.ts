import { otpkitProject } from "../../vitest.shared.ts";

export default otpkitProject("server", { testTimeout: 60_000, hookTimeout: 120_000 });
