// Messages in flight, drawn from their send and delivery times: position is a function of the
// playhead, so pause and scrub are exact and nothing needs to ask the engine mid-flight.
import type { MessageView } from "../../engine/view";
import { DenseMessages } from "./DenseMessages";
import { flightOf } from "./flight";
import { inspectableProps } from "./inspectable";
import type { SceneLayout } from "./layout";

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
export const LABELLED_MAX = 40;

export function MessageLayer({ messages, layout, playheadUs }: Props) {
  // Above LABELLED_MAX, labels would pile up: each message is a colored dot, drawn on a canvas.
  if (messages.length > LABELLED_MAX)
    return <DenseMessages messages={messages} layout={layout} playheadUs={playheadUs} />;
  return (
    <g className="messages">
      {messages.map((m) => {
        const { from, to, cx, cy, x, y, color } = flightOf(m, layout, playheadUs);
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
          </g>
        );
      })}
    </g>
  );
}
