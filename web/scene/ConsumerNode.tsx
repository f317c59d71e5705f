// A consumer client in assign() mode: what its application is doing, and for each assigned
// partition its position (the next offset poll() returns) and its lag (high watermark − position).
import type { ConsumerView } from "../../engine/view";
import { type Box, CARD_ROWS_MAX } from "./layout";

interface Props {
  consumer: ConsumerView;
  box: Box;
  nowUs: number;
}

function statusText(consumer: ConsumerView, nowUs: number): string {
  switch (consumer.status) {
    case "processing": {
      const leftMs =
        consumer.processingUntilUs === null ? 0 : Math.max(0, (consumer.processingUntilUs - nowUs) / 1000);
      return `processing · ${leftMs.toFixed(0)} ms left`;
    }
    case "waitingForData":
      return "poll() waiting for records";
    case "failed":
      return "stopped: NoOffsetForPartitionException";
    default:
      return "starting";
  }
}

export function ConsumerNode({ consumer, box, nowUs }: Props) {
  // With more partitions than rows, list the ones lagging most and summarise the rest.
  const rows =
    consumer.partitions.length <= CARD_ROWS_MAX
      ? consumer.partitions
      : [...consumer.partitions]
          .sort((a, b) => (b.lag ?? -1) - (a.lag ?? -1) || a.partition - b.partition)
          .slice(0, CARD_ROWS_MAX);
  const hidden = consumer.partitions.length - rows.length;
  const totalLag = consumer.partitions.reduce((n, p) => n + (p.lag ?? 0), 0);
  return (
    <g className="client consumer" data-testid={`consumer-${consumer.id}`}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={14} className="client-bg" />
      <text x={box.x + 18} y={box.y + 36} className="client-name">
        {consumer.id}
      </text>
      <text x={box.x + 18} y={box.y + 62} className="client-meta">
        assign() · {consumer.processingTimeMs} ms/record
      </text>
      <text x={box.x + 18} y={box.y + 90} className={`consumer-status status-${consumer.status}`}>
        {statusText(consumer, nowUs)}
      </text>
      <text x={box.x + 18} y={box.y + 124} className="client-section">
        partition
      </text>
      <text x={box.x + box.width - 76} y={box.y + 124} textAnchor="end" className="client-section">
        position
      </text>
      <text x={box.x + box.width - 18} y={box.y + 124} textAnchor="end" className="client-section">
        lag
      </text>
      {rows.map((p, i) => (
        <g key={p.partition} className="consumer-row">
          <text x={box.x + 18} y={box.y + 156 + i * 34} className="consumer-cell">
            {consumer.topic}-{p.partition}
          </text>
          <text
            x={box.x + box.width - 76}
            y={box.y + 156 + i * 34}
            textAnchor="end"
            className="consumer-cell strong"
          >
            {p.position ?? "—"}
          </text>
          <text
            x={box.x + box.width - 18}
            y={box.y + 156 + i * 34}
            textAnchor="end"
            className={p.lag ? "consumer-cell lagging" : "consumer-cell"}
          >
            {p.lag ?? "—"}
          </text>
        </g>
      ))}
      {hidden > 0 && (
        <text x={box.x + 18} y={box.y + 156 + rows.length * 34} className="client-stats">
          +{hidden} more · total lag {totalLag}
        </text>
      )}
    </g>
  );
}
