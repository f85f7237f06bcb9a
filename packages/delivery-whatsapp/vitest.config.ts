import { otpkitProject } from "../../vitest.shared";

export default otpkitProject("delivery-whatsapp");
