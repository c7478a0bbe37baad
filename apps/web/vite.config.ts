import { cpSync } from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const govukAssets = path.resolve(import.meta.dirname, "../../node_modules/govuk-frontend/dist/govuk/assets");

/** Copies GOV.UK Frontend's images (and fonts) into dist so every asset is served from 'self'. */
function copyGovukAssets(): Plugin {
  return {
    name: "copy-govuk-assets",
    apply: "build",
    writeBundle(options) {
      cpSync(govukAssets, path.join(options.dir ?? "dist", "assets/govuk"), { recursive: true });
    },
  };
}

// The server's CSP allows only 'self' for scripts and styles, so nothing is inlined: no
// module-preload polyfill script, and CSS in files.
export default defineConfig({
  plugins: [react(), copyGovukAssets()],
  publicDir: "public",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  css: {
    preprocessorOptions: {
      scss: {
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "color-functions", "mixed-decls", "slash-div", "if-function"],
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
