// A consumer group's lane: its state (a badge that explains itself on hover), generation, assignor,
// leader and coordinator, around the cards of its members.
import type { GroupView } from "../../engine/group/view";
import { inspectableProps } from "./inspectable";
import type { Box } from "./layout";

export const GROUP_STATE_EXPLANATIONS: Record<string, string> = {
  Empty:
    "Empty: no members. Committed offsets stay until the group has been empty for offsets.retention.minutes.",
  PreparingRebalance:
    "PreparingRebalance: the coordinator waits for every member to rejoin with JoinGroup, up to the rebalance timeout (the members' max.poll.interval.ms). Heartbeats get REBALANCE_IN_PROGRESS; commits of the current generation are still accepted.",
  CompletingRebalance:
    "CompletingRebalance: everyone has rejoined and the new generation exists; the coordinator waits for the leader's SyncGroup carrying the assignment. Followers' SyncGroups wait; commits get REBALANCE_IN_PROGRESS.",
  Stable:
    "Stable: every member has its assignment for this generation and heartbeats every heartbeat.interval.ms.",
  Dead: "Dead: the group no longer exists on this coordinator.",
};

const STATE_CLASS: Record<string, string> = {
  Empty: "state-empty",
  PreparingRebalance: "state-preparing",
  CompletingRebalance: "state-completing",
  Stable: "state-stable",
  Dead: "state-dead",
};

export function GroupLane({
  group,
  box,
  leaderClient,
  delivery,
}: {
  group: GroupView;
  box: Box;
  leaderClient: string | null;
  /** Records the group received more than once, and committed past without processing. */
  delivery: { lost: number; duplicated: number };
}) {
  const badgeWidth = 14 + group.state.length * 9.6;
  return (
    <g
      className="group-lane"
      data-testid={`group-${group.groupId}`}
      data-state={group.state}
      data-generation={group.generationId}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={16} className="group-bg" />
      <g
        className="inspectable group-header"
        {...inspectableProps(
          { kind: "group", id: group.groupId },
          `group ${group.groupId}: describe it, add a consumer`,
        )}
      >
        <rect
          x={box.x + 4}
          y={box.y + 4}
          width={box.width - 8}
          height={28}
          rx={8}
          className="group-header-hit"
        />
        <text x={box.x + 14} y={box.y + 26} className="group-name">
          {group.groupId} ›
        </text>
      </g>
      <g
        transform={`translate(${box.x + 14}, ${box.y + 40})`}
        className={`group-badge ${STATE_CLASS[group.state] ?? ""}`}
      >
        <title>{GROUP_STATE_EXPLANATIONS[group.state] ?? group.state}</title>
        <rect width={badgeWidth} height={24} rx={12} />
        <text x={badgeWidth / 2} y={17} textAnchor="middle">
          {group.state}
        </text>
      </g>
      <text x={box.x + 24 + badgeWidth} y={box.y + 57} className="group-meta">
        gen {group.generationId}
      </text>
      <text x={box.x + 14} y={box.y + 84} className="group-meta">
        assignor {group.protocolName ?? "—"}
      </text>
      {(delivery.lost > 0 || delivery.duplicated > 0) && (
        <text
          x={box.x + box.width - 14}
          y={box.y + 84}
          textAnchor="end"
          className="group-meta group-delivery"
          data-testid={`delivery-${group.groupId}`}
          data-lost={delivery.lost}
          data-duplicated={delivery.duplicated}
        >
          <title>
            Duplicated: records poll() returned to this group more than once. Lost: records the group
            committed past without processing them. Click the group's name for the table.
          </title>
          {[
            delivery.duplicated > 0 ? `${delivery.duplicated} duplicated` : null,
            delivery.lost > 0 ? `${delivery.lost} lost` : null,
          ]
            .filter((x) => x !== null)
            .join(" · ")}
        </text>
      )}
      <text x={box.x + 14} y={box.y + 106} className="group-meta">
        leader {leaderClient ?? "—"} · coordinator B{group.coordinatorBrokerId}
      </text>
    </g>
  );
}
