import { otpkitProject } from "../../vitest.shared";

export default otpkitProject("otp-testing");
