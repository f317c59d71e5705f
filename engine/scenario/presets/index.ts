// The preset lessons, in teaching order. Each is a scenario file with a lesson; its id is its
// short link (`#p=<id>`) and the CLI's `--preset <id>`.
import helloKafka from "./01-hello-kafka.json";
import keysAndOrdering from "./02-keys-and-ordering.json";
import javaVsLibrdkafka from "./03-java-vs-librdkafka.json";
import batching from "./04-batching.json";
import scalingAGroup from "./05-scaling-a-group.json";
import idleConsumers from "./06-idle-consumers.json";

export interface PresetEntry {
  readonly id: string;
  /** The scenario as stored; it goes through the same decoder as any file or link. */
  readonly raw: unknown;
}

export const PRESETS: readonly PresetEntry[] = [
  { id: "hello-kafka", raw: helloKafka },
  { id: "keys-and-ordering", raw: keysAndOrdering },
  { id: "java-vs-librdkafka", raw: javaVsLibrdkafka },
  { id: "batching", raw: batching },
  { id: "scaling-a-group", raw: scalingAGroup },
  { id: "idle-consumers", raw: idleConsumers },
];

export function presetById(id: string): PresetEntry | undefined {
  return PRESETS.find((p) => p.id === id);
}
