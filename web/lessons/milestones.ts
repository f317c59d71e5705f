// Moments the timeline marks: a rebalance starting, a member removed, a client crashing or
// failing, a broker stopping or starting, and every command applied (an intervention).
import type { DomainEvent } from "../../engine/events";

export type MarkerKind = "rebalance" | "failure" | "intervention" | "caption";

export interface TimelineMarker {
  /** Event index, or a negative id for captions: unique per run. */
  id: number;
  atUs: number;
  kind: MarkerKind;
  label: string;
}

export function milestoneOf(event: DomainEvent): TimelineMarker | null {
  const at = (kind: MarkerKind, label: string) => ({ id: event.index, atUs: event.atUs, kind, label });
  switch (event.type) {
    case "rebalanceStarted":
      return at("rebalance", `${event.groupId}: rebalance starts (${event.reason})`);
    case "memberRemoved":
      return at("failure", `${event.clientId} removed from ${event.groupId}`);
    case "consumerCrashed":
      return at("failure", `${event.consumerId} crashed`);
    case "consumerFailed":
      return at("failure", `${event.consumerId} failed: ${event.exception}`);
    case "brokerStopped":
      return at("failure", `broker ${event.brokerId} stopped`);
    case "commandApplied":
      return at("intervention", `${event.source === "user" ? "you" : "script"}: ${event.command.type}`);
    default:
      return null;
  }
}
