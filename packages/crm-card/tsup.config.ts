import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // The host (HubSpot's card runtime) provides these: never bundled.
  external: ["react", "react/jsx-runtime", "@hubspot/ui-extensions"],
});
