// Geometry of the rebalance sequence diagram, pure: time runs left to right, one horizontal lane
// per broker the group talks to (the coordinator first) and per member. Time is proportional
// inside an exchange, so a message's slant is its network flight; an idle stretch is capped at a
// few flights (drawn as a break with its real length), so a rebalance of a few hundred ms and the
// seconds of heartbeats around it both fit. The playhead stays at a fixed x; the past scrolls left.
import type {
  ProtocolHistoryView,
  ProtocolMark,
  ProtocolMessageRecord,
} from "../../engine/group/protocol-history";

export interface SequenceMetrics {
  width: number;
  labelWidth: number;
  /** The strip above the lanes, for the group's state and generation. */
  axisHeight: number;
  /** The strip below the lanes, for the times. */
  bottomHeight: number;
  /** A member's lane: its bars carry a label above and the answer below. */
  rowHeight: number;
  /** A broker's lane: arrows only. */
  brokerRowHeight: number;
  /** Horizontal room right of the playhead, for messages still in flight. */
  rightSlack: number;
  /** How wide a typical network flight is drawn, at most; less to fit the latest rebalance. */
  flightPx: number;
  /** Average character width of the labels, to decide whether a label fits. */
  charPx: number;
  /** Average character width of the answers under the bars (monospace). */
  noteCharPx: number;
}

/** The diagram's sizes in the normal view (presenter mode has larger ones). */
export const SEQUENCE_METRICS: Omit<SequenceMetrics, "width"> = {
  labelWidth: 200,
  axisHeight: 30,
  bottomHeight: 28,
  rowHeight: 54,
  brokerRowHeight: 40,
  rightSlack: 110,
  flightPx: 80,
  charPx: 8.8,
  noteCharPx: 7.8,
};

/** Zoom steps (flight width as a fraction of the most), so fitting a rebalance never jitters. */
const ZOOM_STEPS = [1, 0.82, 0.68, 0.56];
/** Room left of the latest rebalance's start for what triggered it (a join, a crash, a leave). */
const REBALANCE_SHARE = 0.68;

export interface Lane {
  /** The actor id: "broker-3", "consumer-2". */
  actor: string;
  kind: "broker" | "consumer";
  title: string;
  subtitle: string;
  y: number;
  /** Where the lane's line starts (the consumer started in view) and ends (it crashed or closed). */
  x1: number;
  x2: number;
  ended: boolean;
  coordinator: boolean;
  leader: boolean;
}

export interface Arrow {
  message: ProtocolMessageRecord;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Where the message is at the playhead, if still on its way. */
  head: { x: number; y: number } | null;
  heartbeat: boolean;
}

/** A request and its response on the member's lane: the time the member waited. */
export interface Exchange {
  key: string;
  api: string;
  lane: string;
  x1: number;
  x2: number;
  y: number;
  label: string | null;
  /** What the response said: an error, "gen 2 · leader", the assignment. */
  note: string | null;
  error: boolean;
  request: ProtocolMessageRecord;
  /** When the answer reached the member; null while it waits (or when none will come). */
  answeredAtUs: number | null;
  /** The whole answer (the note may be shortened to fit). */
  answer: string | null;
}

export interface Band {
  state: string;
  generationId: number;
  x1: number;
  x2: number;
  label: string;
}

export interface AxisLabel {
  x: number;
  text: string;
  anchor: "start" | "middle";
  kind: "playhead" | "time" | "gap";
}

export interface Gap {
  x1: number;
  x2: number;
  fromUs: number;
  toUs: number;
}

export interface SequenceLayout {
  lanes: Lane[];
  arrows: Arrow[];
  exchanges: Exchange[];
  /** Heartbeats drawn as ticks when collapsed (errors are always drawn in full). */
  ticks: { key: string; x: number; y: number }[];
  bands: Band[];
  gaps: Gap[];
  marks: {
    key: string;
    x: number;
    y: number;
    atUs: number;
    consumerId: string;
    kind: ProtocolMark["kind"];
    label: string;
  }[];
  playheadX: number;
  /** Under the lanes: the playhead's time, each gap's length and the time after it, the first time. */
  axisLabels: AxisLabel[];
  plotLeft: number;
  plotRight: number;
  height: number;
}

/** "JoinGroupRequest" → "JoinGroup". */
export function apiBase(api: string): string {
  return api.replace(/(Request|Response)$/, "");
}

/**
 * The member id's short form. Kafka builds it as "<client.id>-<uuid>", or "<group.instance.id>-<uuid>"
 * for a static member: the uuid's first 8 characters, after the instance id when there is one.
 */
export function shortMemberId(memberId: string, clientId: string): string {
  if (memberId === "") return "no member id yet";
  const match = /^(.*)-([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(memberId);
  if (!match) return memberId.length > 12 ? `${memberId.slice(0, 12)}…` : memberId;
  return match[1] === clientId ? `${match[2]}…` : `${match[1]} · ${match[2]}…`;
}

/** Cuts a label to `chars` characters with an ellipsis. */
function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

const isHeartbeat = (m: ProtocolMessageRecord) =>
  m.api === "HeartbeatRequest" || m.api === "HeartbeatResponse";

/** Routine heartbeats: both halves of every exchange whose answer was not an error. */
function quietHeartbeats(messages: readonly ProtocolMessageRecord[]): (m: ProtocolMessageRecord) => boolean {
  const pairKey = (m: ProtocolMessageRecord) => `${m.consumerId}|${m.requestId}`;
  const failed = new Set(
    messages.filter((m) => m.api === "HeartbeatResponse" && m.error !== "NONE").map(pairKey),
  );
  return (m) => isHeartbeat(m) && !failed.has(pairKey(m));
}

function formatSeconds(us: number, digits: number): string {
  return `${(us / 1e6).toFixed(digits)} s`;
}

/** Places labels in priority order (the list's), skipping any that would overlap one placed. */
function placeAxisLabels(candidates: AxisLabel[], charPx: number, minX: number): AxisLabel[] {
  const placed: { label: AxisLabel; left: number; right: number }[] = [];
  for (const label of candidates) {
    const width = label.text.length * charPx;
    const left = label.anchor === "middle" ? label.x - width / 2 : label.x;
    const right = left + width;
    if (left < minX - 2) continue;
    if (placed.some((p) => left < p.right + 10 && right > p.left - 10)) continue;
    placed.push({ label, left, right });
  }
  return placed.map((p) => p.label);
}

/** The time scale: piecewise linear, proportional inside exchanges, gaps capped. */
export interface TimeScale {
  x(us: number): number;
  /** The time drawn at `x` (the inverse of `x`). */
  at(x: number): number;
  gaps: Gap[];
}

export function buildTimeScale(
  anchorsUs: readonly number[],
  nowUs: number,
  flightUs: number,
  metrics: SequenceMetrics,
): TimeScale {
  const pxPerUs = metrics.flightPx / Math.max(1, flightUs);
  const capUs = flightUs * 3;
  const plotLeft = metrics.labelWidth;
  const xNow = metrics.width - metrics.rightSlack;
  // Walk back from the playhead: each step between two anchors is proportional up to the cap.
  const points: { us: number; x: number }[] = [{ us: nowUs, x: xNow }];
  const gaps: Gap[] = [];
  const past = [...new Set(anchorsUs.filter((t) => t < nowUs))].sort((a, b) => b - a);
  let x = xNow;
  let cur = nowUs;
  for (const t of past) {
    const dt = cur - t;
    const width = Math.min(dt, capUs) * pxPerUs;
    if (dt > capUs) gaps.push({ x1: x - width, x2: x, fromUs: t, toUs: cur });
    x -= width;
    cur = t;
    points.unshift({ us: t, x });
    if (x < plotLeft) break;
  }
  const first = points[0]!;
  const scale = (us: number): number => {
    if (us >= nowUs) return xNow + (us - nowUs) * pxPerUs;
    if (us <= first.us) return first.x - (first.us - us) * pxPerUs;
    let lo = 0;
    let hi = points.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (points[mid]!.us <= us) lo = mid;
      else hi = mid;
    }
    const a = points[lo]!;
    const b = points[hi]!;
    return a.x + ((us - a.us) / Math.max(1, b.us - a.us)) * (b.x - a.x);
  };
  const at = (px: number): number => {
    if (px >= xNow) return nowUs + (px - xNow) / pxPerUs;
    if (px <= first.x) return first.us - (first.x - px) / pxPerUs;
    const i = points.findIndex((p) => p.x >= px);
    const a = points[i - 1]!;
    const b = points[i]!;
    return a.us + ((px - a.x) / Math.max(1e-9, b.x - a.x)) * (b.us - a.us);
  };
  return { x: scale, at, gaps };
}

function median(values: number[]): number {
  if (values.length === 0) return 30_000;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The widest zoom step at which the latest rebalance (and some of what led to it) is in view;
 * the most when it is too long ago to fit anyway.
 */
export function fitFlightPx(
  anchorsUs: readonly number[],
  nowUs: number,
  flightUs: number,
  rebalanceAtUs: number | null,
  metrics: SequenceMetrics,
): number {
  if (rebalanceAtUs === null || rebalanceAtUs > nowUs) return metrics.flightPx;
  const unit = buildTimeScale(anchorsUs, nowUs, flightUs, {
    ...metrics,
    flightPx: 1,
    labelWidth: Number.NEGATIVE_INFINITY,
  });
  const flights = unit.x(nowUs) - unit.x(rebalanceAtUs);
  const room = (metrics.width - metrics.rightSlack - metrics.labelWidth) * REBALANCE_SHARE;
  const step = ZOOM_STEPS.find((f) => flights * metrics.flightPx * f <= room);
  return metrics.flightPx * (step ?? 1);
}

function buildLanes(
  history: ProtocolHistoryView,
  messages: ProtocolMessageRecord[],
  m: SequenceMetrics,
): Lane[] {
  const brokers = new Set<string>();
  if (history.coordinatorBrokerId !== null) brokers.add(`broker-${history.coordinatorBrokerId}`);
  for (const msg of messages) brokers.add(msg.from === msg.consumerId ? msg.to : msg.from);
  const lanes: Lane[] = [];
  const coordinator = `broker-${history.coordinatorBrokerId}`;
  const brokerList = [...brokers].sort((a, b) =>
    a === coordinator ? -1 : b === coordinator ? 1 : a.localeCompare(b),
  );
  for (const actor of brokerList) {
    const isCoordinator = actor === coordinator;
    lanes.push({
      actor,
      kind: "broker",
      title: `broker ${actor.slice("broker-".length)}`,
      subtitle: isCoordinator ? "group coordinator" : "FindCoordinator",
      y: 0,
      x1: 0,
      x2: 0,
      ended: false,
      coordinator: isCoordinator,
      leader: false,
    });
  }
  const consumers = new Map(history.consumers.map((c) => [c.id, c]));
  for (const msg of messages)
    if (!consumers.has(msg.consumerId)) consumers.set(msg.consumerId, null as never);
  for (const [id, c] of consumers) {
    const memberId = c?.memberId ?? "";
    const gone = c?.status === "crashed" || c?.status === "closed" ? c.status : null;
    const subtitle = gone ?? `${c?.leader ? "leader · " : ""}${shortMemberId(memberId, id)}`;
    lanes.push({
      actor: id,
      kind: "consumer",
      // The leader's name carries a star (drawn before it), so the title keeps room for it.
      title: clip(id, Math.floor((m.labelWidth - 16) / (m.charPx * 1.15)) - (c?.leader ? 2 : 0)),
      subtitle: clip(subtitle, Math.floor((m.labelWidth - 16) / m.noteCharPx)),
      y: 0,
      x1: 0,
      x2: 0,
      ended: false,
      coordinator: false,
      leader: c?.leader ?? false,
    });
  }
  let y = m.axisHeight;
  for (const lane of lanes) {
    const height = lane.kind === "broker" ? m.brokerRowHeight : m.rowHeight;
    lane.y = y + height / 2;
    y += height;
  }
  return lanes;
}

function responseNote(response: ProtocolMessageRecord | undefined): { note: string | null; error: boolean } {
  if (!response) return { note: null, error: false };
  if (response.error && response.error !== "NONE") return { note: response.error, error: true };
  switch (response.api) {
    case "JoinGroupResponse":
      return { note: `${response.leader ? "leader · " : ""}gen ${response.generationId}`, error: false };
    case "SyncGroupResponse":
    case "FindCoordinatorResponse":
      return { note: response.detail || null, error: false };
    default:
      return { note: null, error: false };
  }
}

function buildExchanges(
  messages: ProtocolMessageRecord[],
  laneY: Map<string, number>,
  x: (us: number) => number,
  nowUs: number,
  m: SequenceMetrics,
): Exchange[] {
  const exchanges: Exchange[] = [];
  const open = new Map<string, number>();
  for (const msg of messages) {
    const key = `${msg.consumerId}|${apiBase(msg.api)}|${msg.requestId ?? ""}`;
    if (msg.api.endsWith("Request")) {
      // A member that leaves does not wait for the answer; a request lost on the way gets none.
      const done = msg.api === "LeaveGroupRequest" || msg.status === "dropped";
      if (!done) open.set(key, exchanges.length);
      exchanges.push({
        key: `x${msg.id}`,
        api: apiBase(msg.api),
        lane: msg.consumerId,
        x1: x(msg.sentAtUs),
        x2: done ? x(Math.min(msg.deliverAtUs, nowUs)) : x(nowUs),
        y: laneY.get(msg.consumerId) ?? 0,
        label: apiBase(msg.api),
        note: msg.status === "dropped" ? "lost" : null,
        error: msg.status === "dropped",
        request: msg,
        answeredAtUs: null,
        answer: msg.status === "dropped" ? "lost" : null,
      });
      continue;
    }
    const index = open.get(key);
    if (index === undefined) continue;
    open.delete(key);
    const exchange = exchanges[index]!;
    exchange.x2 = x(Math.min(msg.deliverAtUs, nowUs));
    if (msg.deliverAtUs <= nowUs && msg.status === "delivered") exchange.answeredAtUs = msg.deliverAtUs;
    // An answer lost on the way (its member crashed meanwhile) never told the member anything.
    const said = msg.status === "dropped" ? { note: "lost", error: true } : responseNote(msg);
    Object.assign(exchange, msg.deliverAtUs <= nowUs ? said : {});
    exchange.answer = exchange.note;
  }
  const byLane = new Map<string, Exchange[]>();
  for (const e of exchanges) byLane.set(e.lane, [...(byLane.get(e.lane) ?? []), e]);
  for (const list of byLane.values()) placeLaneText(list, m);
  return exchanges;
}

/** Which labels win when a lane is crowded: the rebalance's own messages and errors first. */
function textRank(e: Exchange): number {
  if (e.error || ["JoinGroup", "SyncGroup", "LeaveGroup", "FindCoordinator"].includes(e.api)) return 0;
  return e.api === "Heartbeat" ? 2 : 1;
}

/**
 * Places a lane's labels (above its bars) and answers (below) by rank, then time: a label that
 * would overlap one already placed is dropped; an answer is shortened to the room it has.
 */
function placeLaneText(list: Exchange[], m: SequenceMetrics): void {
  const order = [...list].sort((a, b) => textRank(a) - textRank(b) || a.x1 - b.x1);
  const labels: [number, number][] = [];
  const notes: [number, number][] = [];
  const free = (placed: [number, number][], from: number, to: number, margin: number) =>
    placed.every(([a, b]) => to + margin <= a || from >= b + margin);
  for (const e of order) {
    if (e.label) {
      const right = e.x1 + e.label.length * m.charPx;
      if (free(labels, e.x1, right, 12)) labels.push([e.x1, right]);
      else e.label = null;
    }
    if (e.note) {
      if (!free(notes, e.x1, e.x1 + 1, 14)) {
        e.note = null;
        continue;
      }
      const limit = Math.min(...notes.map(([a]) => a).filter((a) => a > e.x1), Number.POSITIVE_INFINITY);
      const room = limit - e.x1 - 14;
      if (e.note.length * m.noteCharPx > room) {
        const chars = Math.floor(room / m.noteCharPx) - 1;
        e.note = chars >= 6 ? `${e.note.slice(0, chars)}…` : null;
      }
      if (e.note) notes.push([e.x1, e.x1 + e.note.length * m.noteCharPx]);
    }
  }
}

function buildBands(
  history: ProtocolHistoryView,
  x: (us: number) => number,
  nowUs: number,
  plotLeft: number,
): Band[] {
  const bands: Band[] = [];
  let state: string = history.stateAtFromUs.state;
  let generationId = history.stateAtFromUs.generationId;
  let startUs = Number.NEGATIVE_INFINITY;
  const close = (endUs: number) => {
    const x1 = Math.max(plotLeft, startUs === Number.NEGATIVE_INFINITY ? plotLeft : x(startUs));
    const x2 = x(endUs);
    if (x2 > x1) bands.push({ state, generationId, x1, x2, label: `${state} · gen ${generationId}` });
  };
  for (const mark of history.marks) {
    if (mark.kind !== "state" || mark.atUs > nowUs) continue;
    close(mark.atUs);
    state = mark.to;
    generationId = mark.generationId;
    startUs = mark.atUs;
  }
  close(nowUs);
  return bands;
}

/** Why the coordinator removed a member (MemberRemovalReason), in words. */
const REMOVAL_REASONS: Record<string, string> = {
  sessionTimeout: "session timeout",
  leftGroup: "left the group",
  pollTimeout: "max.poll.interval.ms passed",
  didNotRejoin: "did not rejoin",
  didNotSync: "did not sync",
  pendingMemberExpired: "never rejoined with its id",
  newMemberJoinTimeout: "new member join timeout",
};

const MARK_LABELS: Record<Exclude<ProtocolMark["kind"], "state">, string> = {
  memberRemoved: "removed",
  consumerCrashed: "crashed",
  consumerClosed: "closed",
  consumerAdded: "started",
  consumerRestarted: "restarted",
};

export function layoutSequence(
  history: ProtocolHistoryView,
  nowUs: number,
  showHeartbeats: boolean,
  metrics: SequenceMetrics,
): SequenceLayout {
  const messages = history.messages.filter((msg) => msg.sentAtUs <= nowUs);
  const isQuietHeartbeat = quietHeartbeats(messages);
  const drawn = showHeartbeats ? messages : messages.filter((msg) => !isQuietHeartbeat(msg));
  const flightUs = median(drawn.map((msg) => msg.deliverAtUs - msg.sentAtUs));
  const anchors = [
    ...drawn.flatMap((msg) => [msg.sentAtUs, msg.deliverAtUs]),
    ...history.marks.map((mark) => mark.atUs),
  ];
  const flightPx = fitFlightPx(anchors, nowUs, flightUs, history.latestRebalanceAtUs, metrics);
  const scale = buildTimeScale(anchors, nowUs, flightUs, { ...metrics, flightPx });
  const x = scale.x;
  const plotLeft = metrics.labelWidth;
  const plotRight = metrics.width;
  const visible = (msg: ProtocolMessageRecord) => x(msg.deliverAtUs) >= plotLeft - 40;
  // A broker other than the coordinator gets a lane only while its messages are in view.
  const lanes = buildLanes(history, drawn.filter(visible), metrics);
  const laneY = new Map(lanes.map((lane) => [lane.actor, lane.y]));
  for (const lane of lanes) {
    lane.x1 = plotLeft;
    lane.x2 = plotRight;
    for (const mark of history.marks) {
      if (mark.kind === "state" || mark.consumerId !== lane.actor || mark.atUs > nowUs) continue;
      const started = mark.kind === "consumerAdded" || mark.kind === "consumerRestarted";
      const ended = mark.kind === "consumerCrashed" || mark.kind === "consumerClosed";
      if (started) Object.assign(lane, { x1: Math.max(plotLeft, x(mark.atUs)), x2: plotRight, ended: false });
      if (ended) Object.assign(lane, { x2: x(mark.atUs), ended: true });
    }
  }
  const arrows: Arrow[] = drawn.filter(visible).map((msg) => {
    const x1 = x(msg.sentAtUs);
    const y1 = laneY.get(msg.from) ?? 0;
    const x2 = x(msg.deliverAtUs);
    const y2 = laneY.get(msg.to) ?? 0;
    const progress = Math.min(1, (nowUs - msg.sentAtUs) / Math.max(1, msg.deliverAtUs - msg.sentAtUs));
    const head =
      msg.deliverAtUs > nowUs ? { x: x1 + (x2 - x1) * progress, y: y1 + (y2 - y1) * progress } : null;
    return { message: msg, x1, y1, x2, y2, head, heartbeat: isHeartbeat(msg) };
  });
  const ticks = showHeartbeats
    ? []
    : messages
        .filter(
          (msg) => msg.api === "HeartbeatRequest" && isQuietHeartbeat(msg) && x(msg.sentAtUs) >= plotLeft,
        )
        .map((msg) => ({ key: `h${msg.id}`, x: x(msg.sentAtUs), y: laneY.get(msg.consumerId) ?? 0 }));
  const exchanges = buildExchanges(drawn, laneY, x, nowUs, metrics).filter((e) => e.x2 >= plotLeft);
  const marks = history.marks.flatMap((mark) =>
    mark.kind === "state" || mark.atUs > nowUs || x(mark.atUs) < plotLeft
      ? []
      : [
          {
            key: `${mark.kind}-${mark.consumerId}-${mark.atUs}`,
            x: x(mark.atUs),
            y: laneY.get(mark.consumerId) ?? 0,
            atUs: mark.atUs,
            consumerId: mark.consumerId,
            kind: mark.kind,
            label:
              mark.kind === "memberRemoved"
                ? `removed: ${REMOVAL_REASONS[mark.reason] ?? mark.reason}`
                : MARK_LABELS[mark.kind],
          },
        ],
  );
  const gaps = scale.gaps.filter((gap) => gap.x2 > plotLeft);
  const axisLabels = placeAxisLabels(
    [
      { x: x(nowUs), text: formatSeconds(nowUs, 3), anchor: "middle", kind: "playhead" },
      ...gaps.map((gap) => ({
        x: gap.x2,
        text: formatSeconds(gap.toUs, 3),
        anchor: "start" as const,
        kind: "time" as const,
      })),
      ...gaps.map((gap) => ({
        x: (gap.x1 + gap.x2) / 2,
        text: `+${formatSeconds(gap.toUs - gap.fromUs, gap.toUs - gap.fromUs >= 10e6 ? 0 : 1)}`,
        anchor: "middle" as const,
        kind: "gap" as const,
      })),
      { x: plotLeft, text: formatSeconds(Math.max(0, scale.at(plotLeft)), 3), anchor: "start", kind: "time" },
    ],
    metrics.noteCharPx,
    plotLeft,
  );
  return {
    lanes,
    arrows,
    exchanges,
    ticks,
    bands: buildBands(history, x, nowUs, plotLeft),
    gaps,
    marks,
    playheadX: x(nowUs),
    axisLabels,
    plotLeft,
    plotRight,
    height:
      metrics.axisHeight +
      lanes.reduce(
        (sum, lane) => sum + (lane.kind === "broker" ? metrics.brokerRowHeight : metrics.rowHeight),
        0,
      ) +
      metrics.bottomHeight,
  };
}
