// The production build the browser figures use: `vite build` into a private directory (not dist/,
// which e2e runs share), built once per bench run, and the initial-JS size of that build.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { RunContext } from "./engine";
import type { Measured } from "./figures";

export const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

let built: string | null = null;

/** Runs a command from the repo root; its output goes to stderr so stdout stays pure JSON. */
export function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", process.stderr, process.stderr] });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export async function productionBuild(ctx: RunContext): Promise<string> {
  if (built) return built;
  const outDir = mkdtempSync(join(tmpdir(), "topicscope-bench-"));
  process.on("exit", () => rmSync(outDir, { recursive: true, force: true }));
  ctx.log(`building the production bundle into ${outDir}`);
  await run("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"]);
  built = outDir;
  return outDir;
}

/** Relative JS URLs a module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:\bimport\s*|\bfrom\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (let m = pattern.exec(code); m; m = pattern.exec(code)) found.add(m[1]!);
  return [...found];
}

/** Script and modulepreload URLs in index.html. */
export function htmlScripts(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.push(m[1]!);
  return urls;
}

export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

/** The JS index.html loads (its scripts, modulepreloads and their static imports) vs everything else. */
export function initialJs(outDir: string): { initial: string[]; other: string[] } {
  const initial = new Set<string>();
  const queue = htmlScripts(readFileSync(join(outDir, "index.html"), "utf8")).map((u) => resolve(outDir, u));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (initial.has(file) || !file.endsWith(".js")) continue;
    initial.add(file);
    for (const rel of staticImports(readFileSync(file, "utf8"))) queue.push(resolve(dirname(file), rel));
  }
  const all = readdirSync(join(outDir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(outDir, "assets", f));
  return { initial: [...initial], other: all.filter((f) => !initial.has(f)) };
}

export async function measureBundle(ctx: RunContext): Promise<Measured> {
  const outDir = await productionBuild(ctx);
  const { initial, other } = initialJs(outDir);
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipBytes(f), 0);
  const initialJsGzipBytes = sum(initial);
  const workerJsGzipBytes = sum(other);
  const names = (files: string[]) => files.map((f) => f.slice(outDir.length + 1)).join(", ");
  ctx.log(
    `bundle: initial JS ${initialJsGzipBytes} B gzip (${names(initial)}); other JS ${workerJsGzipBytes} B (${names(other)})`,
  );
  return { initialJsGzipBytes, workerJsGzipBytes };
}
