// The event-log digest as the engine computed it until the field walker replaced it (two FNV-1a
// lanes over each event's JSON). The format-v1 fixtures recorded their runs' hashes with it, so
// tests recompute it from the event stream (SimulationOptions.onEvent) to show a run is still
// event for event the one it was, whatever digest the engine uses now.
import type { DomainEvent } from "../events";

export function createLegacyDigest() {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 ^ 0x5bd1e995;
  return {
    add(event: DomainEvent): void {
      const text = JSON.stringify(event);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
      a = Math.imul(a ^ 0x1e, 0x01000193);
      b = Math.imul(b ^ 0x1e, 0x5bd1e995);
    },
    hex(): string {
      const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
      return `${hex(a)}${hex(b)}`;
    },
  };
}
