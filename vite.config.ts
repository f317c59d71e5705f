import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The app is a static site: relative base so it can be served from any path (course pages, slides).
export default defineConfig({
  base: "./",
  plugins: [react()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
});
