// Runs a bench script in a child Node process (tsx loaded, extra node flags allowed) and parses
// the last line it prints as JSON: figures measured in a fresh isolate, like the app's worker,
// not in a process that has already run every other bench.
import { spawn } from "node:child_process";
import { REPO_ROOT } from "./build";

export function runChildJson<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  return new Promise<T>((done, fail) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script, ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`${script} exited with ${code}`));
      try {
        done(JSON.parse(stdout.trim().split("\n").pop()!) as T);
      } catch (error) {
        fail(error as Error);
      }
    });
  });
}
