// The preset lessons, in teaching order. Each is a scenario file with a lesson; its id is its
// short link (`#p=<id>`) and the CLI's `--preset <id>`.
import helloKafka from "./01-hello-kafka.json";

export interface PresetEntry {
  readonly id: string;
  /** The scenario as stored; it goes through the same decoder as any file or link. */
  readonly raw: unknown;
}

export const PRESETS: readonly PresetEntry[] = [{ id: "hello-kafka", raw: helloKafka }];

export function presetById(id: string): PresetEntry | undefined {
  return PRESETS.find((p) => p.id === id);
}
