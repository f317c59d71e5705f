// Messages in flight, drawn from their send and delivery times: position is a function of the
// playhead, so pause and scrub are exact and nothing needs to ask the engine mid-flight.
import type { MessageView } from "../../engine/view";
import { inspectableProps } from "./inspectable";
import { anchorOf, type SceneLayout } from "./layout";
import { API_COLORS } from "./palette";

interface Props {
  messages: MessageView[];
  layout: SceneLayout;
  playheadUs: number;
}

export const MESSAGE_LABELS: Record<string, string> = {
  ProduceRequest: "Produce",
  ProduceResponse: "Produce ✓",
  FetchRequest: "Fetch",
  FetchResponse: "Fetch ✓",
  MetadataRequest: "Metadata",
  MetadataResponse: "Metadata ✓",
  ListOffsetsRequest: "ListOffsets",
  ListOffsetsResponse: "ListOffsets ✓",
  FindCoordinatorRequest: "FindCoordinator",
  FindCoordinatorResponse: "FindCoordinator ✓",
  JoinGroupRequest: "JoinGroup",
  JoinGroupResponse: "JoinGroup ✓",
  SyncGroupRequest: "SyncGroup",
  SyncGroupResponse: "SyncGroup ✓",
  HeartbeatRequest: "Heartbeat",
  HeartbeatResponse: "Heartbeat ✓",
  LeaveGroupRequest: "LeaveGroup",
  LeaveGroupResponse: "LeaveGroup ✓",
  OffsetCommitRequest: "OffsetCommit",
  OffsetCommitResponse: "OffsetCommit ✓",
  OffsetFetchRequest: "OffsetFetch",
  OffsetFetchResponse: "OffsetFetch ✓",
  InitProducerIdRequest: "InitProducerId",
  InitProducerIdResponse: "InitProducerId ✓",
};

/** Above this many messages on the wire, labels would pile up: each is drawn as a colored dot. */
const LABELLED_MAX = 40;

export function MessageLayer({ messages, layout, playheadUs }: Props) {
  const dots = messages.length > LABELLED_MAX;
  return (
    <g className={dots ? "messages messages-dense" : "messages"} data-dense={dots || undefined}>
      {messages.map((m) => {
        const from = anchorOf(layout, m.from, m.to, m.partitionKey);
        const to = anchorOf(layout, m.to, m.from, m.partitionKey);
        const t = Math.min(
          1,
          Math.max(0, (playheadUs - m.sentAtUs) / Math.max(1, m.deliverAtUs - m.sentAtUs)),
        );
        // A gentle arc; requests bow up and responses down so a round trip never overlaps itself.
        const bow = m.api.endsWith("Request") ? -40 : 40;
        const cx = (from.x + to.x) / 2;
        const cy = (from.y + to.y) / 2 + bow;
        const x = (1 - t) ** 2 * from.x + 2 * (1 - t) * t * cx + t ** 2 * to.x;
        const y = (1 - t) ** 2 * from.y + 2 * (1 - t) * t * cy + t ** 2 * to.y;
        const color = API_COLORS[m.api] ?? "#7A7F87";
        const label =
          m.recordCount > 0
            ? `${MESSAGE_LABELS[m.api] ?? m.api} · ${m.recordCount}`
            : (MESSAGE_LABELS[m.api] ?? m.api);
        const width = 18 + label.length * 9.5;
        return (
          <g
            key={m.id}
            className="message"
            data-api={m.api}
            // Messages fly past too fast to tab to; keyboard users open them from the broker's
            // and the partition's inspectors, which list what is in flight.
            {...inspectableProps(
              { kind: "message", id: String(m.id), message: m },
              `${label}, ${m.from} to ${m.to}: open its details`,
              false,
            )}
          >
            {dots ? (
              <circle cx={x} cy={y} r={7} fill={color} />
            ) : (
              <>
                <path
                  d={`M ${from.x} ${from.y} Q ${cx} ${cy} ${to.x} ${to.y}`}
                  className="message-path"
                  stroke={color}
                />
                <g transform={`translate(${x - width / 2}, ${y - 15})`}>
                  <rect width={width} height={30} rx={15} fill={color} />
                  <text x={width / 2} y={21} textAnchor="middle" className="message-label">
                    {label}
                  </text>
                </g>
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}
