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
// The React plugin is typed against the workspace-root Vite (pulled in by Vitest), so its
// type is narrowed to this Vite's Plugin; at run time it is the same plugin shape.
const reactPlugin = react() as unknown as Plugin;

export default defineConfig({
  plugins: [reactPlugin, copyGovukAssets()],
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
        loadPaths: [path.resolve(import.meta.dirname, "../../node_modules")],
        silenceDeprecations: ["import", "global-builtin", "color-functions", "slash-div", "if-function"],
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
