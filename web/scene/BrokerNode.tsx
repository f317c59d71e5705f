// A broker and the partitions it leads. A stopped broker is drawn dimmed and crossed out.
import type { SimView } from "../../engine/view";
import { CompactRow } from "./CompactRow";
import { inspectableProps } from "./inspectable";
import type { SceneLayout } from "./layout";
import type { LogMarkers } from "./markers";
import { PartitionLog } from "./PartitionLog";

interface Props {
  view: SimView;
  layout: SceneLayout;
  markers: LogMarkers;
  brokerId: number;
}

export function BrokerNode({ view, layout, markers, brokerId }: Props) {
  const box = layout.brokers.get(brokerId)!;
  const broker = view.brokers.find((b) => b.id === brokerId)!;
  const all = view.topics.flatMap((t) => t.partitions);
  const partitions = all.filter((p) => p.leaderBrokerId === brokerId);
  // Followers are placement only (no replication traffic), counted so the layout is visible.
  const follows = all.filter((p) => p.leaderBrokerId !== brokerId && p.replicas.includes(brokerId)).length;
  return (
    <g className={broker.up ? "broker" : "broker broker-down"} data-testid={`broker-${brokerId}`}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={14} className="broker-bg" />
      <g
        className="broker-header"
        {...inspectableProps(
          { kind: "broker", id: String(brokerId) },
          `Broker ${brokerId}, ${broker.up ? "up" : "stopped"}: open its details`,
        )}
      >
        <rect
          x={box.x}
          y={box.y}
          width={box.width}
          height={layout.metrics.density === "compact" ? 40 : 48}
          rx={14}
          className="hit-area"
        />
        <text
          x={box.x + 18}
          y={box.y + (layout.metrics.density === "compact" ? 28 : 34)}
          className="broker-name"
        >
          Broker {brokerId}
          {broker.rack !== null && <tspan className="broker-rack"> · rack {broker.rack}</tspan>}
        </text>
        <text
          x={box.x + box.width - 18}
          y={box.y + (layout.metrics.density === "compact" ? 28 : 34)}
          textAnchor="end"
          className="broker-meta"
        >
          {broker.up
            ? `leader of ${partitions.length} partition${partitions.length === 1 ? "" : "s"}${follows > 0 ? ` · follower of ${follows}` : ""}`
            : "stopped"}
        </text>
      </g>
      {partitions.map((p) => {
        const key = `${p.topic}-${p.partition}`;
        const partitionCount = view.topics.find((t) => t.name === p.topic)?.partitions.length ?? 1;
        return layout.metrics.density === "compact" ? (
          <CompactRow
            key={key}
            topic={p.topic}
            partition={p.partition}
            partitionCount={partitionCount}
            replicas={p.replicas.join(",")}
            leaderBrokerId={p.leaderBrokerId}
            box={layout.partitions.get(key)!}
            metrics={layout.metrics}
            cellsPerRow={layout.cellsPerRow}
          />
        ) : (
          <PartitionLog
            key={key}
            partition={p}
            committed={markers.committed.get(key) ?? []}
            partitionCount={partitionCount}
            box={layout.partitions.get(key)!}
            metrics={layout.metrics}
            cellsPerRow={layout.cellsPerRow}
            positions={markers.positions.get(key) ?? []}
          />
        );
      })}
    </g>
  );
}
