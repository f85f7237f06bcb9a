import { otpkitProject } from "../../vitest.shared";

export default otpkitProject("server", { testTimeout: 60_000, hookTimeout: 120_000 });
