// Command-line options: `--json`, `--quick`, `--only name,name`.
import { FIGURE_NAMES, type FigureName, isFigureName } from "./figures";

export interface BenchOptions {
  json: boolean;
  quick: boolean;
  only: ReadonlySet<FigureName>;
}

export function parseArgs(
  argv: readonly string[],
): { ok: true; options: BenchOptions } | { ok: false; error: string } {
  let json = false;
  let quick = false;
  let only: FigureName[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--quick") quick = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const list = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      if (!list) return { ok: false, error: "--only needs a comma-separated list of figure names" };
      const names = list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !isFigureName(n));
      if (unknown.length > 0) {
        return {
          ok: false,
          error: `unknown figure(s): ${unknown.join(", ")}; known: ${FIGURE_NAMES.join(", ")}`,
        };
      }
      only = [...(only ?? []), ...(names as FigureName[])];
    } else if (arg === "--help" || arg === "-h") {
      return { ok: false, error: "usage: npm run --silent bench -- [--json] [--quick] [--only name,name]" };
    } else {
      return { ok: false, error: `unknown option ${arg}` };
    }
  }
  return { ok: true, options: { json, quick, only: new Set(only ?? FIGURE_NAMES) } };
}
