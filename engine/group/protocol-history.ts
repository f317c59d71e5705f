// The classic group protocol's history per group, for the rebalance sequence diagram: every
// FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit and OffsetFetch
// message between a member and a broker (send and delivery time, outcome) and the coordinator's
// state changes. The view's recent events cannot serve: produce and fetch traffic pushes a whole
// rebalance out of them in seconds. Kept in the simulation state, so a snapshot, a restore and a
// seek reproduce it exactly; fed from the emitted events (one call in SimContext.emit), so it adds
// no step and no event and cannot change the run. Bounded: the oldest entries go first.
import type { DomainEvent } from "../events";
import type { SimState } from "../state";
import type { ClassicGroupStateName } from "./coordinator/types";
import { type GroupApiName, type GroupError, type GroupMessageBody, isGroupMessage } from "./protocol";

/** Messages kept per group: minutes of heartbeats for a classroom group, then the oldest go. */
export const PROTOCOL_MESSAGES_PER_GROUP_MAX = 1_500;
/** State changes and membership marks kept per group. */
export const PROTOCOL_MARKS_PER_GROUP_MAX = 300;

export interface ProtocolMessageRecord {
  readonly id: number;
  readonly api: GroupApiName;
  readonly from: string;
  readonly to: string;
  /** The consumer on the client side of the exchange: the lane the message starts or ends at. */
  readonly consumerId: string;
  readonly sentAtUs: number;
  readonly deliverAtUs: number;
  /** Pairs a request with its response (per consumer); null for FindCoordinator, which has none. */
  readonly requestId: number | null;
  status: "inFlight" | "delivered" | "dropped";
  /** The member id the message carries ("" for a member that has none yet); null when it has none. */
  readonly memberId: string | null;
  readonly generationId: number | null;
  readonly error: GroupError | null;
  /** JoinGroup response naming this member the leader, or the leader's SyncGroup. */
  readonly leader: boolean;
  /** Plain-language detail: the reason to join, the assignment, the offsets committed. */
  detail: string;
}

export type ProtocolMark =
  | {
      readonly kind: "state";
      readonly atUs: number;
      readonly from: ClassicGroupStateName;
      readonly to: ClassicGroupStateName;
      readonly generationId: number;
      readonly reason: string;
    }
  | {
      readonly kind:
        | "memberRemoved"
        | "consumerCrashed"
        | "consumerClosed"
        | "consumerAdded"
        | "consumerRestarted";
      readonly atUs: number;
      readonly consumerId: string;
      readonly reason: string;
    };

export interface GroupProtocolHistory {
  messages: ProtocolMessageRecord[];
  marks: ProtocolMark[];
  /** The group's state before the oldest kept mark, so a window starting earlier knows its state. */
  stateBeforeMarks: { state: ClassicGroupStateName; generationId: number };
}

export interface ProtocolHistoryState {
  groups: Map<string, GroupProtocolHistory>;
}

export function createProtocolHistoryState(): ProtocolHistoryState {
  return { groups: new Map() };
}

function historyOf(state: SimState, groupId: string): GroupProtocolHistory {
  let history = state.protocolHistory.groups.get(groupId);
  if (!history) {
    history = { messages: [], marks: [], stateBeforeMarks: { state: "Empty", generationId: 0 } };
    state.protocolHistory.groups.set(groupId, history);
  }
  return history;
}

function groupOfConsumer(state: SimState, consumerId: string): string | null {
  return state.consumers.get(consumerId)?.group?.groupId ?? null;
}

const isBroker = (actor: string) => actor.startsWith("broker-");

const partitionList = (list: readonly { topic: string; partition: number }[]) =>
  list.map((tp) => `${tp.topic}-${tp.partition}`).join(", ");

/** What the message says, in a few words (the diagram's tooltip and accessible label). */
function describeBody(
  body: GroupMessageBody,
): Pick<ProtocolMessageRecord, "memberId" | "generationId" | "error" | "leader" | "detail"> {
  const none = { memberId: null, generationId: null, error: null, leader: false, detail: "" };
  switch (body.api) {
    case "FindCoordinatorRequest":
      return { ...none, detail: `where is group ${body.key}?` };
    case "FindCoordinatorResponse":
      return { ...none, error: body.error, detail: body.nodeId >= 0 ? `broker ${body.nodeId}` : "" };
    case "JoinGroupRequest":
      return { ...none, memberId: body.memberId, detail: body.memberId === "" ? "no member id yet" : "" };
    case "JoinGroupResponse": {
      const leader = body.error === "NONE" && body.leader === body.memberId;
      const detail = leader
        ? `leader of ${body.members.length} members`
        : body.error === "NONE"
          ? "follower"
          : "";
      return { memberId: body.memberId, generationId: body.generationId, error: body.error, leader, detail };
    }
    case "SyncGroupRequest": {
      const leader = body.assignments.length > 0;
      const detail = leader ? `assignment for ${body.assignments.length} members` : "";
      return { ...none, memberId: body.memberId, generationId: body.generationId, leader, detail };
    }
    case "SyncGroupResponse":
      return { ...none, error: body.error, detail: partitionList(body.assignment) || "no partitions" };
    case "HeartbeatRequest":
      return { ...none, memberId: body.memberId, generationId: body.generationId };
    case "HeartbeatResponse":
    case "LeaveGroupResponse":
      return { ...none, error: body.error };
    case "LeaveGroupRequest":
      return { ...none, memberId: body.members[0]?.memberId ?? null, detail: body.members[0]?.reason ?? "" };
    case "OffsetCommitRequest":
      return {
        ...none,
        memberId: body.memberId,
        generationId: body.generationId,
        detail: body.offsets.map((o) => `${o.topic}-${o.partition}@${o.offset}`).join(", "),
      };
    case "OffsetCommitResponse":
    case "OffsetFetchResponse":
      return { ...none, error: body.error };
    case "OffsetFetchRequest":
      return { ...none, detail: partitionList(body.partitions) };
  }
}

function groupOfMessage(state: SimState, body: GroupMessageBody, consumerId: string): string | null {
  if ("groupId" in body) return body.groupId;
  if (body.api === "FindCoordinatorRequest" || body.api === "FindCoordinatorResponse") return body.key;
  return groupOfConsumer(state, consumerId);
}

function recordSent(state: SimState, messageId: number): void {
  const message = state.network.inFlight.get(messageId);
  if (!message || !isGroupMessage(message.body)) return;
  const consumerId = isBroker(message.from) ? message.to : message.from;
  const groupId = groupOfMessage(state, message.body, consumerId);
  if (groupId === null) return;
  const history = historyOf(state, groupId);
  history.messages.push({
    id: message.id,
    api: message.body.api,
    from: message.from,
    to: message.to,
    consumerId,
    sentAtUs: message.sentAtUs,
    deliverAtUs: message.deliverAtUs,
    requestId: "requestId" in message.body ? message.body.requestId : null,
    status: "inFlight",
    ...describeBody(message.body),
  });
  // Amortised trimming: cut back to the maximum once the list is half as long again.
  if (history.messages.length > PROTOCOL_MESSAGES_PER_GROUP_MAX * 1.5) {
    history.messages.splice(0, history.messages.length - PROTOCOL_MESSAGES_PER_GROUP_MAX);
  }
}

function recordArrival(
  state: SimState,
  event: { messageId: number; from: string; to: string },
  dropped: boolean,
) {
  const consumerId = isBroker(event.from) ? event.to : event.from;
  const groupId = groupOfConsumer(state, consumerId);
  const messages = groupId === null ? undefined : state.protocolHistory.groups.get(groupId)?.messages;
  if (!messages) return;
  // Messages in flight are among the newest: the search from the end is short.
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.id === event.messageId) {
      messages[i]!.status = dropped ? "dropped" : "delivered";
      return;
    }
  }
}

function addMark(state: SimState, groupId: string, mark: ProtocolMark): void {
  const history = historyOf(state, groupId);
  history.marks.push(mark);
  if (history.marks.length <= PROTOCOL_MARKS_PER_GROUP_MAX * 1.5) return;
  const dropped = history.marks.splice(0, history.marks.length - PROTOCOL_MARKS_PER_GROUP_MAX);
  for (const old of dropped) {
    if (old.kind === "state") history.stateBeforeMarks = { state: old.to, generationId: old.generationId };
  }
}

/** The client-side reason of a JoinGroup or LeaveGroup, sent just before in the same step. */
function attachDetail(
  state: SimState,
  groupId: string,
  consumerId: string,
  api: GroupApiName,
  detail: string,
) {
  const messages = state.protocolHistory.groups.get(groupId)?.messages;
  const last = messages?.[messages.length - 1];
  if (last && last.consumerId === consumerId && last.api === api && last.sentAtUs === state.nowUs) {
    last.detail = last.detail ? `${detail}; ${last.detail}` : detail;
  }
}

/** Called for every emitted event; returns at once for the produce and fetch traffic. */
export function recordProtocolEvent(state: SimState, event: DomainEvent): void {
  switch (event.type) {
    case "messageSent":
      if (isGroupMessage(event)) recordSent(state, event.messageId);
      return;
    case "messageDelivered":
    case "messageDropped":
      if (isGroupMessage(event)) recordArrival(state, event, event.type === "messageDropped");
      return;
    case "joinGroupSent":
      return attachDetail(state, event.groupId, event.consumerId, "JoinGroupRequest", event.reason);
    case "groupStateChanged":
      return addMark(state, event.groupId, {
        kind: "state",
        atUs: event.atUs,
        from: event.from,
        to: event.to,
        generationId: event.generationId,
        reason: event.reason,
      });
    case "memberRemoved":
      return addMark(state, event.groupId, {
        kind: "memberRemoved",
        atUs: event.atUs,
        consumerId: event.clientId,
        reason: event.reason,
      });
    case "consumerCrashed":
    case "consumerClosed":
    case "consumerAdded":
    case "consumerRestarted":
      if (event.groupId === null) return;
      return addMark(state, event.groupId, {
        kind: event.type,
        atUs: event.atUs,
        consumerId: event.consumerId,
        reason: "",
      });
    default:
      return;
  }
}

export interface ProtocolHistoryOptions {
  /** The group to show; null: the first group with a history. */
  groupId: string | null;
  /** How far back from now to include, in µs. */
  windowUs: number;
}

export interface ProtocolLaneConsumer {
  id: string;
  /** The member id the client holds now ("" before it has one). */
  memberId: string;
  /** The coordinator's leader of the current generation. */
  leader: boolean;
  status: string;
}

export interface ProtocolHistoryView {
  /** Every group with a protocol history, for the selector. */
  groupIds: string[];
  groupId: string | null;
  fromUs: number;
  coordinatorBrokerId: number | null;
  /** The group's consumers, in the scenario's order (added ones last). */
  consumers: ProtocolLaneConsumer[];
  /** Messages delivered in the window or still in flight, oldest first. */
  messages: ProtocolMessageRecord[];
  /** State changes and membership marks in the window, oldest first. */
  marks: ProtocolMark[];
  /** The group's state and generation when the window starts. */
  stateAtFromUs: { state: ClassicGroupStateName; generationId: number };
  /** When the latest rebalance began (PreparingRebalance entered), if one is remembered. */
  latestRebalanceAtUs: number | null;
}

export function buildProtocolHistoryView(
  state: SimState,
  options: ProtocolHistoryOptions,
): ProtocolHistoryView {
  const groups = state.protocolHistory.groups;
  const groupIds = [...groups.keys()];
  const groupId =
    options.groupId !== null && groups.has(options.groupId) ? options.groupId : (groupIds[0] ?? null);
  const history = groupId === null ? undefined : groups.get(groupId);
  const fromUs = state.nowUs - Math.max(0, options.windowUs);
  const coordinatorGroup = groupId === null ? undefined : state.groupCoordinator.groups.get(groupId);
  let stateAtFromUs = history?.stateBeforeMarks ?? { state: "Empty" as const, generationId: 0 };
  let latestRebalanceAtUs: number | null = null;
  const marks: ProtocolMark[] = [];
  for (const mark of history?.marks ?? []) {
    if (mark.kind === "state" && mark.to === "PreparingRebalance") latestRebalanceAtUs = mark.atUs;
    if (mark.atUs >= fromUs) marks.push(mark);
    else if (mark.kind === "state") stateAtFromUs = { state: mark.to, generationId: mark.generationId };
  }
  const messages = (history?.messages ?? []).filter(
    (m) => m.deliverAtUs >= fromUs || m.status === "inFlight",
  );
  const consumers: ProtocolLaneConsumer[] = [];
  for (const c of state.consumers.values()) {
    if (c.group?.groupId !== groupId || groupId === null) continue;
    const memberId = c.group.memberId;
    const leader = memberId !== "" && coordinatorGroup?.leaderId === memberId;
    consumers.push({ id: c.id, memberId, leader, status: c.status });
  }
  return {
    groupIds,
    groupId,
    fromUs,
    coordinatorBrokerId: coordinatorGroup?.coordinatorBrokerId ?? null,
    consumers,
    messages: messages.map((m) => ({ ...m })),
    marks: marks.map((m) => ({ ...m })),
    stateAtFromUs: { ...stateAtFromUs },
    latestRebalanceAtUs,
  };
}
