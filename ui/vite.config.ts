import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const uiRoot = fileURLToPath(new URL(".", import.meta.url));

// Tauri loads the dev server from a fixed port and the built files from `ui/dist`.
export default defineConfig({
  root: uiRoot,
  plugins: [react()],
  // Keep Vite's and Vitest's caches in the repository's one node_modules.
  cacheDir: "../node_modules/.vite",
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: "localhost",
    watch: { ignored: ["**/src-tauri/**", "**/crates/**", "**/target/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    // The fake backend keeps time on this process's clock; the screens show
    // the meeting's (Hà Nội's). Tests run in that zone so both agree.
    env: { TZ: "Asia/Ho_Chi_Minh" },
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
