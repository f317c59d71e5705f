// `sim presets [--base-url URL]`: the preset lessons as a JSON array of {id, title, shortLink,
// shareLink}; shareLink carries the whole scenario, shortLink names the preset (`#p=<id>`).
import { DEFAULT_APP_URL, listPresets } from "../scenario/presets/catalog";
import type { CliResult } from "./types";

export function runPresetsCommand(args: string[]): CliResult {
  let baseUrl = DEFAULT_APP_URL;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--base-url" && args[i + 1]) baseUrl = args[++i]!;
    else return { stdout: "", stderr: `presets: unknown option ${args[i]}\n`, exitCode: 2 };
  }
  const presets = listPresets(baseUrl).map(({ id, title, shortLink, shareLink }) => ({
    id,
    title,
    shortLink,
    shareLink,
  }));
  return { stdout: `${JSON.stringify(presets, null, 2)}\n`, stderr: "", exitCode: 0 };
}
