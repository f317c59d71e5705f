// What the UI sees of consumer groups: the coordinator's state per group, its members with what
// the coordinator assigned and what each client owns, committed offsets, and the table that
// `kafka-consumer-groups --describe --group G` prints (ConsumerGroupCommand.collectGroupsOffsets):
// LOG-END-OFFSET is the high watermark (ListOffsets latest, read_uncommitted), LAG = HW − committed,
// "-" where the tool prints its MISSING_COLUMN_VALUE.
import type { ConsumerState } from "../consumer/types";
import type { SimState } from "../state";
import type { TopicPartition } from "./assignors/types";
import type { ClassicGroupMember, ClassicGroupState, ClassicGroupStateName } from "./coordinator/types";
import { memberMapOrder } from "./coordinator/types";

export interface GroupMemberView {
  memberId: string;
  clientId: string;
  groupInstanceId: string | null;
  clientHost: string;
  isLeader: boolean;
  /** What the leader's SyncGroup gave the member in the current generation (coordinator side). */
  assignedPartitions: TopicPartition[];
  /** What the client owns right now (it may still hold partitions a cooperative rebalance moved). */
  ownedPartitions: TopicPartition[];
  /** Owned but no longer assigned: to be revoked. */
  pendingRevocation: TopicPartition[];
  /** awaitingJoin: its JoinGroup is parked; awaitingSync: its SyncGroup is parked; mustRejoin: the
   * group is rebalancing and it has not rejoined yet; syncPending: joined, SyncGroup not sent yet. */
  status: "awaitingJoin" | "awaitingSync" | "mustRejoin" | "syncPending" | "stable";
  sessionExpiresAtUs: number;
}

/** One line of `kafka-consumer-groups --describe`, column names as the tool prints them. */
export interface DescribeRow {
  GROUP: string;
  TOPIC: string;
  PARTITION: string;
  "CURRENT-OFFSET": string;
  "LOG-END-OFFSET": string;
  LAG: string;
  "CONSUMER-ID": string;
  HOST: string;
  "CLIENT-ID": string;
}

export interface GroupView {
  groupId: string;
  coordinatorBrokerId: number;
  /** The __consumer_offsets partition: abs(groupId.hashCode()) % 50. */
  offsetsPartition: number;
  state: ClassicGroupStateName;
  stateSinceUs: number;
  generationId: number;
  protocolType: string | null;
  /** The selected assignor. */
  protocolName: string | null;
  leaderId: string | null;
  members: GroupMemberView[];
  rebalanceCount: number;
  lastRebalanceDurationMs: number | null;
  rebalanceStartedUs: number | null;
  committedOffsets: { topic: string; partition: number; offset: number; commitTimestampUs: number }[];
  /** Per partition with a committed offset or an owner: the tool's LAG and the HW it is measured to. */
  lag: {
    topic: string;
    partition: number;
    committedOffset: number | null;
    highWatermark: number;
    lag: number | null;
  }[];
  describe: {
    /** What the tool prints on stderr before (or instead of) the table. */
    notice: string | null;
    rows: DescribeRow[];
  };
}

const MISSING = "-";

function ownerClient(
  state: SimState,
  group: ClassicGroupState,
  member: ClassicGroupMember,
): ConsumerState | null {
  for (const c of state.consumers.values()) {
    if (c.group?.groupId === group.groupId && c.group.memberId === member.memberId) return c;
  }
  return null;
}

function memberStatus(group: ClassicGroupState, member: ClassicGroupMember): GroupMemberView["status"] {
  if (member.awaitingJoin) return "awaitingJoin";
  if (member.awaitingSync) return "awaitingSync";
  if (group.state === "PreparingRebalance") return "mustRejoin";
  if (group.state === "CompletingRebalance" && group.pendingSyncMembers.includes(member.memberId))
    return "syncPending";
  return "stable";
}

function memberView(state: SimState, group: ClassicGroupState, member: ClassicGroupMember): GroupMemberView {
  const owned = ownerClient(state, group, member)?.assigned ?? [];
  const assignedKeys = new Set(member.assignment.map((tp) => `${tp.topic}-${tp.partition}`));
  return {
    memberId: member.memberId,
    clientId: member.clientId,
    groupInstanceId: member.groupInstanceId,
    clientHost: member.clientHost,
    isLeader: member.memberId === group.leaderId,
    assignedPartitions: [...member.assignment],
    ownedPartitions: owned.map((tp) => ({ ...tp })),
    pendingRevocation: owned
      .filter((tp) => !assignedKeys.has(`${tp.topic}-${tp.partition}`))
      .map((tp) => ({ ...tp })),
    status: memberStatus(group, member),
    sessionExpiresAtUs: member.heartbeatDeadlineUs,
  };
}

const byPartitionThenTopic = (a: TopicPartition, b: TopicPartition) =>
  a.partition - b.partition || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

function describeNotice(group: ClassicGroupState): string | null {
  switch (group.state) {
    case "Dead":
      return `Consumer group '${group.groupId}' does not exist.`;
    case "Empty":
      return `Consumer group '${group.groupId}' has no active members.`;
    case "PreparingRebalance":
    case "CompletingRebalance":
      return `Warning: Consumer group '${group.groupId}' is rebalancing.`;
    case "Stable":
      return null;
  }
}

export function describeRows(state: SimState, group: ClassicGroupState): DescribeRow[] {
  const committed = state.groupCoordinator.offsets.get(group.groupId) ?? new Map();
  const row = (tp: TopicPartition, consumer: [string, string, string]): DescribeRow => {
    const hw = state.partitions.get(`${tp.topic}-${tp.partition}`)?.highWatermark;
    const offset = committed.get(`${tp.topic}-${tp.partition}`)?.offset;
    return {
      GROUP: group.groupId,
      TOPIC: tp.topic,
      PARTITION: String(tp.partition),
      "CURRENT-OFFSET": offset === undefined ? MISSING : String(offset),
      "LOG-END-OFFSET": hw === undefined ? MISSING : String(hw),
      LAG: offset === undefined || hw === undefined ? MISSING : String(hw - offset),
      "CONSUMER-ID": consumer[0],
      HOST: consumer[1],
      "CLIENT-ID": consumer[2],
    };
  };
  // DescribeGroups returns member assignments only for a Stable group.
  const members =
    group.state === "Stable" ? memberMapOrder(group).filter((m) => m.assignment.length > 0) : [];
  const sorted = [...members].sort((a, b) => b.assignment.length - a.assignment.length);
  const rows: DescribeRow[] = [];
  const assigned = new Set<string>();
  for (const m of sorted) {
    for (const tp of [...m.assignment].sort(byPartitionThenTopic)) {
      assigned.add(`${tp.topic}-${tp.partition}`);
      rows.push(row(tp, [m.memberId, m.clientHost, m.clientId]));
    }
  }
  const unassigned = [...committed.values()].filter((o) => !assigned.has(`${o.topic}-${o.partition}`));
  for (const o of unassigned.sort(byPartitionThenTopic)) rows.push(row(o, [MISSING, MISSING, MISSING]));
  return rows;
}

export function lagOf(state: SimState, group: ClassicGroupState): GroupView["lag"] {
  const committed = state.groupCoordinator.offsets.get(group.groupId) ?? new Map();
  const keys = new Map<string, TopicPartition>();
  for (const m of group.members.values())
    for (const tp of m.assignment) keys.set(`${tp.topic}-${tp.partition}`, tp);
  for (const o of committed.values()) keys.set(`${o.topic}-${o.partition}`, o);
  return [...keys.values()]
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition))
    .map((tp) => {
      const highWatermark = state.partitions.get(`${tp.topic}-${tp.partition}`)?.highWatermark ?? 0;
      const committedOffset = committed.get(`${tp.topic}-${tp.partition}`)?.offset ?? null;
      return {
        topic: tp.topic,
        partition: tp.partition,
        committedOffset,
        highWatermark,
        lag: committedOffset === null ? null : highWatermark - committedOffset,
      };
    });
}

export function buildGroupViews(state: SimState): GroupView[] {
  return [...state.groupCoordinator.groups.values()].map((group) => ({
    groupId: group.groupId,
    coordinatorBrokerId: group.coordinatorBrokerId,
    offsetsPartition: group.offsetsPartition,
    state: group.state,
    stateSinceUs: group.stateSinceUs,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leaderId: group.leaderId,
    members: memberMapOrder(group).map((m) => memberView(state, group, m)),
    rebalanceCount: group.rebalanceCount,
    lastRebalanceDurationMs: group.lastRebalanceDurationMs,
    rebalanceStartedUs: group.rebalanceStartedUs,
    committedOffsets: [...(state.groupCoordinator.offsets.get(group.groupId)?.values() ?? [])].map((o) => ({
      ...o,
    })),
    lag: lagOf(state, group),
    describe: { notice: describeNotice(group), rows: describeRows(state, group) },
  }));
}
