// The rebalance sequence diagram: one lane per broker the group talks to (the coordinator first)
// and per member, every classic-protocol message as an arrow from its send to its delivery, each
// request/response as a bar on the member's lane (how long it waited), the coordinator's states as
// bands. It follows the playhead; a message still on its way is drawn up to where it is now.
// Click an arrow (or focus it, move with ← →, press Enter) to go to the moment it was sent.
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import type { ProtocolMessageRecord } from "../../engine/group/protocol-history";
import { formatSimTime } from "../lessons/narrate";
import { seekTo, showDockTab } from "../state/actions";
import { useStore } from "../state/store";
import { toggleSequenceHeartbeats } from "../state/ui-actions";
import {
  type Arrow,
  apiBase,
  type Band,
  type Exchange,
  layoutSequence,
  SEQUENCE_METRICS,
  type SequenceLayout,
  type SequenceMetrics,
} from "./sequence-layout";
import { useElementWidth } from "./useElementWidth";

const PRESENTER_METRICS: Omit<SequenceMetrics, "width"> = {
  labelWidth: 240,
  axisHeight: 36,
  bottomHeight: 34,
  rowHeight: 66,
  brokerRowHeight: 48,
  rightSlack: 130,
  flightPx: 96,
  charPx: 11,
  noteCharPx: 9.6,
};

const LEGEND = ["JoinGroup", "SyncGroup", "Heartbeat", "OffsetCommit", "LeaveGroup", "FindCoordinator"];

function actorName(actor: string): string {
  return actor.startsWith("broker-") ? `broker ${actor.slice("broker-".length)}` : actor;
}

/** What a screen reader (and the tooltip) says about a message. */
function describe(m: ProtocolMessageRecord, nowUs: number): string {
  const kind = m.api.endsWith("Request") ? "request" : "response";
  const parts = [`${apiBase(m.api)} ${kind} from ${actorName(m.from)} to ${actorName(m.to)}`];
  parts.push(
    m.status === "dropped"
      ? `sent at ${formatSimTime(m.sentAtUs)}, lost`
      : m.deliverAtUs > nowUs
        ? `sent at ${formatSimTime(m.sentAtUs)}, on its way`
        : `sent at ${formatSimTime(m.sentAtUs)}, arrived at ${formatSimTime(m.deliverAtUs)}`,
  );
  if (m.generationId !== null && m.generationId >= 0) parts.push(`generation ${m.generationId}`);
  if (m.error && m.error !== "NONE") parts.push(m.error);
  if (m.detail) parts.push(m.detail);
  return parts.join(", ");
}

/** The bar's tooltip: how long the member waited for the answer, and what it said. */
function waitText(e: Exchange, nowUs: number): string {
  const who = e.lane;
  if (e.api === "LeaveGroup") return `${who} left the group (it does not wait for the answer)`;
  if (e.answeredAtUs === null) {
    const ms = ((nowUs - e.request.sentAtUs) / 1000).toFixed(0);
    return `${who} has been waiting ${ms} ms for the ${e.api} answer`;
  }
  const ms = ((e.answeredAtUs - e.request.sentAtUs) / 1000).toFixed(0);
  return `${who} waited ${ms} ms for the ${e.api} answer${e.answer ? `: ${e.answer}` : ""}`;
}

function arrowHead(a: Arrow, size: number): string {
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const bx = a.x2 - ux * size;
  const by = a.y2 - uy * size;
  const half = size * 0.55;
  return `${a.x2},${a.y2} ${bx - uy * half},${by + ux * half} ${bx + uy * half},${by - ux * half}`;
}

/** The longest of the band's labels that fits its width. */
function bandLabel(band: Band, charPx: number): string {
  const short = band.state.replace(/Rebalance$/, "…");
  const options = [band.label, band.state, short];
  return options.find((text) => text.length * charPx <= band.x2 - band.x1 - 8) ?? "";
}

function ArrowMark({
  arrow,
  nowUs,
  focusable,
  onKey,
  register,
}: {
  arrow: Arrow;
  nowUs: number;
  focusable: boolean;
  onKey: (event: KeyboardEvent, arrow: Arrow) => void;
  register: (id: number, element: SVGGElement | null) => void;
}) {
  const m = arrow.message;
  const label = describe(m, nowUs);
  const end = arrow.head ?? { x: arrow.x2, y: arrow.y2 };
  const className = [
    "seq-arrow",
    `seq-api-${apiBase(m.api)}`,
    arrow.heartbeat ? "is-heartbeat" : "",
    m.api.endsWith("Response") ? "is-response" : "",
    m.status === "dropped" ? "is-dropped" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the arrow is a focusable group.
    <g
      className={className}
      role="button"
      tabIndex={focusable ? 0 : -1}
      aria-label={`${label}. Go to this moment.`}
      data-testid={`seq-msg-${m.api}`}
      data-msg-id={m.id}
      ref={(element) => register(m.id, element)}
      onClick={() => seekTo(m.sentAtUs)}
      onKeyDown={(event) => onKey(event, arrow)}
    >
      <title>{label}</title>
      <line className="seq-hit" x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} />
      {arrow.head && <line className="seq-ghost" x1={end.x} y1={end.y} x2={arrow.x2} y2={arrow.y2} />}
      <line className="seq-line" x1={arrow.x1} y1={arrow.y1} x2={end.x} y2={end.y} />
      {arrow.head ? (
        <circle className="seq-head" cx={end.x} cy={end.y} r={5.5} />
      ) : m.status === "dropped" ? (
        <text className="seq-lost" x={arrow.x2} y={arrow.y2 + 5} textAnchor="middle">
          ✕
        </text>
      ) : (
        <polygon className="seq-head" points={arrowHead(arrow, arrow.heartbeat ? 8 : 11)} />
      )}
    </g>
  );
}

function Diagram({
  layout,
  metrics,
  nowUs,
}: {
  layout: SequenceLayout;
  metrics: SequenceMetrics;
  nowUs: number;
}) {
  const [focusId, setFocusId] = useState<number | null>(null);
  const elements = useRef(new Map<number, SVGGElement>());
  const { arrows, lanes, plotLeft, plotRight, height } = layout;
  const top = metrics.axisHeight;
  const bottom = height - metrics.bottomHeight;
  const focusable = arrows.some((a) => a.message.id === focusId)
    ? focusId
    : (arrows[arrows.length - 1]?.message.id ?? null);
  const register = (id: number, element: SVGGElement | null) => {
    if (element) elements.current.set(id, element);
    else elements.current.delete(id);
  };
  // One tab stop for all the arrows (a roving tabindex): ← → move in time, Home / End jump.
  const onKey = (event: KeyboardEvent, arrow: Arrow) => {
    const index = arrows.indexOf(arrow);
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown")
      next = Math.min(arrows.length - 1, index + 1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = Math.max(0, index - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = arrows.length - 1;
    else if (event.key === "Enter" || event.key === " ") seekTo(arrow.message.sentAtUs);
    else return;
    event.preventDefault();
    event.stopPropagation();
    if (next === null) return;
    const id = arrows[next]!.message.id;
    setFocusId(id);
    elements.current.get(id)?.focus();
  };
  const coordinator = lanes.find((lane) => lane.coordinator);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG diagram holding focusable arrows is a labelled group.
    <svg
      className="seq-svg"
      width={metrics.width}
      height={height}
      role="group"
      aria-label={`Sequence of group protocol messages up to ${formatSimTime(nowUs)}; ${arrows.length} messages shown`}
    >
      <defs>
        <clipPath id="seq-plot-clip">
          <rect x={plotLeft} y={0} width={plotRight - plotLeft} height={height} />
        </clipPath>
      </defs>
      <g clipPath="url(#seq-plot-clip)">
        {layout.bands.map((band) => (
          <g key={`${band.x1}-${band.state}`} className={`seq-band seq-state-${band.state}`}>
            <rect
              className="seq-band-fill"
              x={band.x1}
              y={top}
              width={band.x2 - band.x1}
              height={bottom - top}
            />
            <line x1={band.x1} x2={band.x1} y1={4} y2={bottom} className="seq-band-edge" />
            <text x={band.x1 + 5} y={top - 9} className="seq-band-label">
              {bandLabel(band, metrics.noteCharPx)}
            </text>
          </g>
        ))}
        {lanes.map((lane) => (
          <g key={lane.actor}>
            <line
              x1={lane.x1}
              x2={lane.x2}
              y1={lane.y}
              y2={lane.y}
              className={lane.coordinator ? "seq-lane is-coordinator" : "seq-lane"}
            />
            {lane.ended && (
              <line x1={lane.x2} x2={plotRight} y1={lane.y} y2={lane.y} className="seq-lane is-ended" />
            )}
          </g>
        ))}
        {layout.gaps.map((gap) => {
          const mid = (gap.x1 + gap.x2) / 2;
          return (
            <g key={gap.toUs} className="seq-gap">
              <rect className="seq-gap-strip" x={mid - 5} y={top} width={10} height={bottom - top} />
              <line x1={mid - 5} x2={mid - 5} y1={top} y2={bottom} />
              <line x1={mid + 5} x2={mid + 5} y1={top} y2={bottom} />
            </g>
          );
        })}
        {layout.exchanges.map((e) => (
          <g key={e.key} className={`seq-exchange seq-api-${e.api}${e.error ? " is-error" : ""}`}>
            <title>{waitText(e, nowUs)}</title>
            {e.x2 - e.x1 > 2 && (
              <rect
                className="seq-exchange-bar"
                x={e.x1}
                y={e.y - 5}
                width={e.x2 - e.x1}
                height={10}
                rx={3}
              />
            )}
            {e.label && (
              <text x={e.x1 + 2} y={e.y - 10} className="seq-exchange-label">
                {e.label}
              </text>
            )}
            {e.note && (
              <text x={e.x1 + 2} y={e.y + 21} className="seq-exchange-note">
                {e.note}
              </text>
            )}
          </g>
        ))}
        {layout.ticks.map((tick) => (
          <circle key={tick.key} cx={tick.x} cy={tick.y} r={3.5} className="seq-tick" />
        ))}
        {arrows.map((arrow) => (
          <ArrowMark
            key={arrow.message.id}
            arrow={arrow}
            nowUs={nowUs}
            focusable={arrow.message.id === focusable}
            onKey={onKey}
            register={register}
          />
        ))}
        {layout.marks.map((mark) => (
          <g key={mark.key} className={`seq-mark seq-mark-${mark.kind}`}>
            <title>{`${mark.consumerId} ${mark.label} at ${formatSimTime(mark.atUs)}`}</title>
            <text x={mark.x} y={mark.y + 6} textAnchor="middle" className="seq-mark-glyph">
              {mark.kind === "consumerAdded" || mark.kind === "consumerRestarted" ? "●" : "✕"}
            </text>
            {/* Left of the mark, where the lane is quiet; left out when it would be cut off. */}
            {mark.x - 10 - mark.label.length * metrics.noteCharPx >= plotLeft && (
              <text x={mark.x - 10} y={mark.y + 5} textAnchor="end" className="seq-mark-label">
                {mark.label}
              </text>
            )}
          </g>
        ))}
      </g>
      {layout.axisLabels.map((label) => (
        <text
          key={`${label.kind}-${label.x}`}
          x={label.x}
          y={bottom + 19}
          textAnchor={label.anchor}
          className={`seq-axis seq-axis-${label.kind}`}
        >
          {label.text}
        </text>
      ))}
      <line className="seq-playhead" x1={layout.playheadX} x2={layout.playheadX} y1={4} y2={bottom + 4} />
      {lanes.map((lane) => (
        <g key={lane.actor} className={`seq-lane-label${lane.coordinator ? " is-coordinator" : ""}`}>
          <text x={12} y={lane.y - 3} className="seq-lane-title">
            {lane.leader && <tspan className="seq-leader-star">★ </tspan>}
            {lane.title}
          </text>
          <text x={12} y={lane.y + 15} className={lane.leader ? "seq-lane-sub is-leader" : "seq-lane-sub"}>
            {lane.subtitle}
          </text>
        </g>
      ))}
      {coordinator === undefined && (
        <text x={12} y={top - 9} className="seq-lane-sub">
          coordinator not known yet
        </text>
      )}
    </svg>
  );
}

export function SequenceDiagram() {
  const history = useStore((s) => s.view?.protocolHistory ?? null);
  const viewNowUs = useStore((s) => s.view?.nowUs ?? 0);
  const playheadUs = useStore((s) => s.playheadUs);
  const presenter = useStore((s) => s.presenter);
  const showHeartbeats = useStore((s) => s.sequenceHeartbeats);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const nowUs = Math.max(playheadUs, viewNowUs);
  // A view fetched without the history (a scenario just loaded, a link opened) gets one with it.
  useEffect(() => {
    if (history === null) void showDockTab("sequence");
  }, [history]);
  const metrics = useMemo(
    () => ({ ...(presenter ? PRESENTER_METRICS : SEQUENCE_METRICS), width: Math.max(width, 480) }),
    [presenter, width],
  );
  const layout = useMemo(
    () => (history?.groupId ? layoutSequence(history, nowUs, showHeartbeats, metrics) : null),
    [history, nowUs, showHeartbeats, metrics],
  );
  return (
    <div className="sequence" data-testid="sequence-diagram">
      <div className="sequence-toolbar">
        {history && history.groupIds.length > 1 ? (
          <label className="sequence-group">
            Group{" "}
            <select
              value={history.groupId ?? ""}
              onChange={(event) => void showDockTab("sequence", event.target.value)}
              data-testid="sequence-group"
            >
              {history.groupIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        ) : (
          history?.groupId && <span className="sequence-group">Group {history.groupId}</span>
        )}
        <button
          type="button"
          className={showHeartbeats ? "chip chip-on" : "chip"}
          aria-pressed={showHeartbeats}
          onClick={toggleSequenceHeartbeats}
          data-testid="sequence-heartbeats"
        >
          Every heartbeat
        </button>
        <ul className="sequence-legend" aria-label="Message colors">
          {LEGEND.map((api) => (
            <li key={api} className={`seq-api-${api}`}>
              <svg width="18" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="18" y2="5" />
              </svg>
              {api}
            </li>
          ))}
        </ul>
      </div>
      <div className="sequence-canvas" ref={ref}>
        {layout ? (
          <Diagram layout={layout} metrics={metrics} nowUs={nowUs} />
        ) : (
          <p className="inspector-note">
            {history
              ? "No consumer group has talked to a coordinator yet. The diagram shows the group protocol of subscribe() consumers: FindCoordinator, JoinGroup, SyncGroup, Heartbeat, OffsetCommit, LeaveGroup."
              : "Loading the group protocol…"}
          </p>
        )}
      </div>
    </div>
  );
}
