import { otpkitProject } from "../vitest.shared.ts";

// The smoke test starts every configuration as a real process (and the otpkit server three
// times), so it gets the server suite's generous timeouts.
export default otpkitProject("bench", { testTimeout: 300_000, hookTimeout: 120_000 });
