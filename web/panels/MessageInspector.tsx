// The message inspector: one request or response, what it is for in Kafka's protocol, who sent it
// to whom, when it left and when it arrives. The copy it was opened with stays after delivery.
import type { MessageView } from "../../engine/view";
import { formatSimTime } from "../lessons/narrate";
import { MESSAGE_LABELS } from "../scene/MessageLayer";
import { useStore } from "../state/store";

const PURPOSE: Record<string, string> = {
  Produce: "A producer's batches for the partitions this broker leads; acks decides when the broker answers.",
  Fetch:
    "A consumer asks the leader for records from its position on; the broker may hold it up to fetch.max.wait.ms until fetch.min.bytes of log (batch headers included) are there, and answers whole batches, at most max.partition.fetch.bytes per partition (the first batch always).",
  Metadata:
    "Which brokers lead which partitions: clients ask at start and when leadership or partition counts change.",
  ListOffsets:
    "Where a partition starts or ends: used for auto.offset.reset when a group has no committed offset.",
  FindCoordinator: "Which broker coordinates this group: the leader of its __consumer_offsets partition.",
  JoinGroup:
    "A member (re)joins the group; the coordinator waits for all members, then answers, giving the leader everyone's subscriptions.",
  SyncGroup:
    "After the join phase: the leader sends the assignment it computed, every member receives its partitions.",
  Heartbeat:
    "Keeps the member's session alive (session.timeout.ms); its answer tells the member when a rebalance has started.",
  LeaveGroup:
    "A member leaves on close(): the group rebalances at once instead of waiting for its session to expire.",
  OffsetCommit:
    "Stores the group's positions in __consumer_offsets: where to resume after a restart or rebalance.",
  OffsetFetch: "A member reads the group's committed offsets for its new partitions.",
  InitProducerId:
    "An idempotent producer gets its producer id and epoch, so brokers can drop duplicate batches.",
};

export function MessageInspector({ message }: { message: MessageView }) {
  const nowUs = useStore((s) => s.view?.nowUs ?? 0);
  const label = MESSAGE_LABELS[message.api] ?? message.api;
  const base = label.replace(" ✓", "");
  const response = message.api.endsWith("Response");
  const state =
    nowUs < message.sentAtUs ? "not sent yet" : nowUs < message.deliverAtUs ? "in flight" : "delivered";
  return (
    <>
      <p className="inspector-lede">
        A {base} {response ? "response" : "request"}. {PURPOSE[base] ?? ""}
      </p>
      <dl className="inspector-stats" data-testid="message-stats">
        <dt>from</dt>
        <dd>{message.from}</dd>
        <dt>to</dt>
        <dd>{message.to}</dd>
        <dt>sent at</dt>
        <dd>{formatSimTime(message.sentAtUs)}</dd>
        <dt>arrives at</dt>
        <dd>{formatSimTime(message.deliverAtUs)}</dd>
        <dt>network time</dt>
        <dd>{((message.deliverAtUs - message.sentAtUs) / 1000).toFixed(1)} ms</dd>
        {message.recordCount > 0 && (
          <>
            <dt>records</dt>
            <dd>{message.recordCount}</dd>
          </>
        )}
        {message.partitionKey && (
          <>
            <dt>first partition</dt>
            <dd>{message.partitionKey}</dd>
          </>
        )}
        <dt>now</dt>
        <dd data-testid="message-state">{state}</dd>
      </dl>
    </>
  );
}
