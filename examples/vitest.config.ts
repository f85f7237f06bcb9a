import { otpkitProject } from "../vitest.shared";

export default otpkitProject("examples");
