// A consumer client: what its application is doing and, for each partition it reads, its position
// (the next offset poll() returns), its committed offset and its lag (high watermark − position).
// A group member also shows its generation and whether it leads; an idle member says so.
import type { ConsumerView } from "../../engine/view";
import { inspectableProps } from "./inspectable";
import { type Box, CARD_ROWS_MAX } from "./layout";

interface Props {
  consumer: ConsumerView;
  box: Box;
  nowUs: number;
  /** Dense scenes: the topic heads the table and rows name partitions as P0, P1, … */
  compact?: boolean;
}

const ACTIVITY_TEXT: Record<string, string> = {
  starting: "starting",
  findingCoordinator: "finding its coordinator",
  joining: "rejoining (JoinGroup)",
  syncing: "awaiting assignment (SyncGroup)",
  revoking: "revoking, committing",
  committing: "committing offsets",
  waiting: "waiting for records",
  paused: "paused",
  closing: "closing",
  dead: "crashed or closed",
};

function statusText(consumer: ConsumerView, nowUs: number): string {
  if (consumer.mode === "subscribe" && consumer.activity !== "processing") {
    return ACTIVITY_TEXT[consumer.activity] ?? consumer.activity;
  }
  switch (consumer.status) {
    case "processing": {
      const leftMs =
        consumer.processingUntilUs === null ? 0 : Math.max(0, (consumer.processingUntilUs - nowUs) / 1000);
      return `processing · ${leftMs.toFixed(0)} ms left`;
    }
    case "waitingForData":
      return "poll() waiting for records";
    case "failed":
      return "stopped: poll() threw";
    default:
      return consumer.status;
  }
}

function metaText(consumer: ConsumerView): string {
  if (consumer.mode === "assign") return `assign() · ${consumer.processingTimeMs} ms/record`;
  const generation =
    consumer.generationId !== null && consumer.generationId >= 0
      ? `gen ${consumer.generationId}`
      : "no generation";
  return `${consumer.isLeader ? "leader · " : ""}${generation} · ${consumer.processingTimeMs} ms/rec`;
}

export function ConsumerNode({ consumer, box, nowUs, compact = false }: Props) {
  // With more partitions than rows, list the ones lagging most and summarise the rest.
  const rows =
    consumer.partitions.length <= CARD_ROWS_MAX
      ? consumer.partitions
      : [...consumer.partitions]
          .sort((a, b) => (b.lag ?? -1) - (a.lag ?? -1) || a.partition - b.partition)
          .slice(0, CARD_ROWS_MAX);
  const hidden = consumer.partitions.length - rows.length;
  const totalLag = consumer.partitions.reduce((n, p) => n + (p.lag ?? 0), 0);
  const dead = consumer.mode === "subscribe" && consumer.activity === "dead";
  const stopped =
    consumer.mode === "subscribe" && ["joining", "syncing", "revoking"].includes(consumer.activity);
  // Columns right to left, each as wide as its longest number (offsets grow to five digits and
  // more on a busy topic): 19 px monospace digits are about 11.4 px wide.
  const digits = (pick: (p: (typeof rows)[number]) => number | null) =>
    Math.max(3, ...rows.map((p) => String(pick(p) ?? "—").length)) * 11.4 + 14;
  const lagEdge = box.x + box.width - 14;
  const cmtEdge = lagEdge - digits((p) => p.lag);
  const posEdge = cmtEdge - digits((p) => p.committed);
  return (
    <g
      className={`client consumer inspectable${dead ? " consumer-dead" : ""}${stopped ? " consumer-rebalancing" : ""}`}
      {...inspectableProps(
        { kind: "consumer", id: consumer.id },
        `${consumer.id}: inspect, crash, close or restart it`,
      )}
      data-testid={`consumer-${consumer.id}`}
      data-activity={consumer.mode === "subscribe" ? consumer.activity : consumer.status}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={14} className="client-bg" />
      <text x={box.x + 16} y={box.y + 30} className="client-name">
        {consumer.id}
      </text>
      <text x={box.x + 16} y={box.y + 54} className="client-meta">
        {metaText(consumer)}
      </text>
      <text
        x={box.x + 16}
        y={box.y + 78}
        className={`consumer-status status-${consumer.mode === "subscribe" ? consumer.activity : consumer.status}`}
      >
        {statusText(consumer, nowUs)}
      </text>
      <text x={box.x + 16} y={box.y + 104} className="client-section">
        {compact ? consumer.topic : "partition"}
      </text>
      <text x={posEdge} y={box.y + 104} textAnchor="end" className="client-section">
        pos
      </text>
      <text x={cmtEdge} y={box.y + 104} textAnchor="end" className="client-section">
        cmt
      </text>
      <text x={lagEdge} y={box.y + 104} textAnchor="end" className="client-section">
        lag
      </text>
      {rows.length === 0 && (
        <text x={box.x + 16} y={box.y + 132} className="consumer-idle">
          {consumer.mode === "assign"
            ? "no partitions"
            : stopped
              ? "none during the rebalance"
              : "idle: no partition assigned"}
        </text>
      )}
      {rows.map((p, i) => (
        <g key={`${p.topic}-${p.partition}`} className="consumer-row">
          <text x={box.x + 16} y={box.y + 132 + i * 30} className="consumer-cell">
            {compact && p.topic === consumer.topic ? `P${p.partition}` : `${p.topic}-${p.partition}`}
          </text>
          <text x={posEdge} y={box.y + 132 + i * 30} textAnchor="end" className="consumer-cell strong">
            {p.position ?? "—"}
          </text>
          <text x={cmtEdge} y={box.y + 132 + i * 30} textAnchor="end" className="consumer-cell">
            {p.committed ?? "—"}
          </text>
          <text
            x={lagEdge}
            y={box.y + 132 + i * 30}
            textAnchor="end"
            className={p.lag ? "consumer-cell lagging" : "consumer-cell"}
          >
            {p.lag ?? "—"}
          </text>
        </g>
      ))}
      {hidden > 0 && (
        <text x={box.x + 16} y={box.y + 132 + rows.length * 30} className="client-stats">
          +{hidden} more · total lag {totalLag}
        </text>
      )}
    </g>
  );
}
