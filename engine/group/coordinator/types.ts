// The classic group coordinator's state as plain data (ClassicGroup, ClassicGroupMember and the
// offsets store), so snapshots stay structured clones. Timers are cancelled by epoch: a timer whose
// epoch no longer matches is stale and does nothing.
import { javaStringHashCode } from "../../core/java-hash";
import { javaSpreadHash } from "../../core/java-hashmap";
import type { AssignorName, TopicPartition } from "../assignors/types";
import type { JoinGroupProtocol } from "../protocol";

/** ClassicGroupState. Dead is terminal; the simulator never deletes groups, so it is never entered. */
export type ClassicGroupStateName =
  | "Empty"
  | "PreparingRebalance"
  | "CompletingRebalance"
  | "Stable"
  | "Dead";

/** A request the coordinator holds and answers later (JoinGroup in PreparingRebalance, SyncGroup). */
export interface ParkedRequest {
  readonly requestId: number;
  /** The client actor to answer. */
  readonly actor: string;
}

export interface ClassicGroupMember {
  memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  /** The assignors the member lists, in its preference order, with its subscription. */
  protocols: JoinGroupProtocol[];
  /** What the leader's SyncGroup gave this member in the current generation. */
  assignment: TopicPartition[];
  /** Joined during this rebalance: the 5-minute new-member join timeout applies until it completes. */
  isNew: boolean;
  awaitingJoin: ParkedRequest | null;
  awaitingSync: ParkedRequest | null;
  /** The session expires at this time unless a heartbeat (or join/sync) moves it. */
  heartbeatDeadlineUs: number;
  /** Bumped when the member is removed or replaced, so its expiry timer goes stale. */
  heartbeatEpoch: number;
}

export interface ClassicGroupState {
  readonly groupId: string;
  /** abs(groupId.hashCode()) % 50: the __consumer_offsets partition holding the group. */
  readonly offsetsPartition: number;
  readonly coordinatorBrokerId: number;
  state: ClassicGroupStateName;
  previousState: ClassicGroupStateName;
  stateSinceUs: number;
  generationId: number;
  protocolType: string | null;
  protocolName: AssignorName | null;
  leaderId: string | null;
  /** Insertion order; Kafka's HashMap order is derived with `memberMapOrder`. */
  members: Map<string, ClassicGroupMember>;
  /** The bucket count Kafka's HashMap of members has grown to (tables never shrink). */
  memberTableCapacity: number;
  /** Dynamic members that were handed an id with MEMBER_ID_REQUIRED and have not joined with it yet. */
  pendingMembers: string[];
  /** Members of the new generation that have not sent SyncGroup yet. */
  pendingSyncMembers: string[];
  /** A member joined during the initial rebalance delay: the delay extends (up to the rebalance timeout). */
  newMemberAdded: boolean;
  /** Cancels the join-phase timer (initial delay or rebalance timeout). */
  joinTimerEpoch: number;
  syncTimerEpoch: number;
  rebalanceCount: number;
  rebalanceStartedUs: number | null;
  lastRebalanceDurationMs: number | null;
}

export interface OffsetEntry {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly commitTimestampUs: number;
}

export interface GroupCoordinatorState {
  groups: Map<string, ClassicGroupState>;
  /** groupId → "topic-partition" → committed offset: the __consumer_offsets contents. */
  offsets: Map<string, Map<string, OffsetEntry>>;
}

export function createGroupCoordinatorState(): GroupCoordinatorState {
  return { groups: new Map(), offsets: new Map() };
}

/** HashMap's default table, and its growth when size exceeds 0.75 · capacity. */
export function grownTableCapacity(capacity: number, size: number): number {
  let next = Math.max(capacity, 16);
  while (size > next * 0.75) next *= 2;
  return next;
}

/**
 * The order Kafka iterates ClassicGroup.members (a HashMap<String, ClassicGroupMember>): it decides
 * the member list the leader gets, the fallback leader, and so the assignors' tie-breaks. Buckets
 * iterate ascending; a bucket keeps insertion order (resizes split buckets preserving it, and a
 * removed then re-added id goes last, as with a JS Map), so (bucket, insertion index) is the order.
 */
export function memberMapOrder(group: ClassicGroupState): ClassicGroupMember[] {
  const mask = Math.max(group.memberTableCapacity, 16) - 1;
  return [...group.members.values()]
    .map((member, index) => ({
      member,
      index,
      bucket: javaSpreadHash(javaStringHashCode(member.memberId)) & mask,
    }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.member);
}

export function isStaticMember(member: ClassicGroupMember): boolean {
  return member.groupInstanceId !== null;
}
