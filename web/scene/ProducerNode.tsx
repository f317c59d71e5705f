// A producer client: its workload, the Kafka configs that shape batching, and one bar per partition
// showing how full the open batch is against batch.size.
import type { ProducerView } from "../../engine/view";
import { inspectableProps } from "./inspectable";
import { type Box, CARD_ROWS_MAX } from "./layout";

interface Props {
  producer: ProducerView;
  box: Box;
  partitionCount: number;
}

export function ProducerNode({ producer, box, partitionCount }: Props) {
  const batchSize = Number(producer.config["batch.size"] ?? 16384);
  // With more partitions than rows, list the partitions that have an open batch.
  const partitionNumbers =
    partitionCount <= CARD_ROWS_MAX
      ? Array.from({ length: partitionCount }, (_, p) => p)
      : [...new Set(producer.openBatches.map((b) => b.partition))]
          .sort((a, b) => a - b)
          .slice(0, CARD_ROWS_MAX);
  const barX = box.x + 70;
  const barWidth = box.width - 90;
  return (
    <g
      className="client producer inspectable"
      data-testid={`producer-${producer.id}`}
      {...inspectableProps({ kind: "producer", id: producer.id }, `${producer.id}: open its configs`)}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={14} className="client-bg" />
      <text x={box.x + 18} y={box.y + 36} className="client-name">
        {producer.id}
      </text>
      <text x={box.x + 18} y={box.y + 62} className="client-meta">
        → {producer.topic} ·{" "}
        {producer.status === "closing"
          ? "closing…"
          : producer.paused
            ? "paused"
            : `${producer.recordsPerSec} rec/s`}
      </text>
      <text x={box.x + 18} y={box.y + 90} className="client-config">
        acks={String(producer.config.acks)} · linger.ms={String(producer.config["linger.ms"])}
      </text>
      <text x={box.x + 18} y={box.y + 114} className="client-config">
        batch.size={batchSize}
      </text>
      <text x={box.x + 18} y={box.y + 146} className="client-section">
        {partitionCount <= CARD_ROWS_MAX
          ? "Open batches"
          : `Open batches (${partitionNumbers.length}/${partitionCount})`}
      </text>
      {partitionNumbers.map((partition, row) => {
        const batch = producer.openBatches.find((b) => b.partition === partition);
        const fill = batch ? Math.max(0.04, Math.min(1, batch.sizeBytes / batchSize)) : 0;
        const y = box.y + 160 + row * 30;
        return (
          <g key={partition}>
            <text x={box.x + 18} y={y + 17} className="batch-label">
              P{partition}
            </text>
            <rect x={barX} y={y + 2} width={barWidth} height={20} rx={5} className="batch-track" />
            {batch && (
              <rect x={barX} y={y + 2} width={barWidth * fill} height={20} rx={5} className="batch-fill" />
            )}
            {batch && (
              <text x={barX + barWidth - 8} y={y + 17} textAnchor="end" className="batch-count">
                {batch.recordCount} rec
              </text>
            )}
          </g>
        );
      })}
      <text x={box.x + 18} y={box.y + box.height - 14} className="client-stats">
        produced {producer.accumulatedRecords} · acked {producer.acknowledgedRecords}
      </text>
    </g>
  );
}
