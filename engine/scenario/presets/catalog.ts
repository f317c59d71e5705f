// The presets as users reach them: decoded (every preset must pass the same decoder as any file),
// with a short link (`#p=<id>`) and a full share link that carries the scenario itself.
import { decodeScenario } from "../decode";
import type { Scenario } from "../schema";
import { encodeShareFragment } from "../share-link";
import { PRESETS } from "./index";

/** Where `npm start` serves the app; links are relative to wherever the app is deployed. */
export const DEFAULT_APP_URL = "http://127.0.0.1:4173/";

export interface PresetInfo {
  id: string;
  title: string;
  learn: string[];
  shortLink: string;
  shareLink: string;
}

export function decodePreset(id: string): Scenario | undefined {
  const entry = PRESETS.find((p) => p.id === id);
  if (!entry) return undefined;
  const decoded = decodeScenario(entry.raw);
  if (!decoded.ok) throw new Error(`preset ${id} is invalid: ${decoded.errors.join("; ")}`);
  return decoded.scenario;
}

export function listPresets(appUrl = DEFAULT_APP_URL): PresetInfo[] {
  const base = appUrl.split("#")[0]!;
  return PRESETS.map(({ id }) => {
    const scenario = decodePreset(id)!;
    return {
      id,
      title: scenario.title,
      learn: scenario.lesson?.learn ?? [],
      shortLink: `${base}#p=${id}`,
      shareLink: `${base}#${encodeShareFragment({ scenario, commands: [] }, 0)}`,
    };
  });
}
