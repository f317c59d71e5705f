// One partition's log on its leader, in the comfortable density: the newest offsets as cells
// colored by key, an empty slot at the log end offset, and markers for the high watermark, each
// group's committed offset and each consumer's position. The compact density draws its rows with
// CompactRow and their logs on a canvas (CompactLogs).
import { memo } from "react";
import type { PartitionView } from "../../engine/view";
import { showKeyCard } from "../state/actions";
import { useStore } from "../state/store";
import { hideKeyCard, inspect, openContextMenu } from "../state/ui-actions";
import { inspectableProps } from "./inspectable";
import { type Box, cellGeometry, type Metrics } from "./layout";
import type { CommittedMarker, PositionMarker } from "./markers";
import { inkOn, keyColor } from "./palette";

interface Props {
  partitionCount: number;
  /** Each group's committed offset on this partition (the next offset the group will read). */
  committed: CommittedMarker[];
  partition: PartitionView;
  box: Box;
  metrics: Metrics;
  cellsPerRow: number;
  /** Each consumer's position on this partition (the next offset its poll() returns). */
  positions: PositionMarker[];
}

export const PartitionLog = memo(function PartitionLog({
  partition,
  partitionCount,
  committed,
  box,
  metrics: m,
  cellsPerRow,
  positions,
}: Props) {
  const hoveredKey = useStore((s) => s.hoveredKey);
  const { logStartOffset, logEndOffset, highWatermark } = partition;
  const { firstShown, cellX, cellY } = cellGeometry(partition, box, m, cellsPerRow);
  const shown = partition.records.filter((r) => r.offset >= firstShown);
  const name = `${partition.topic}-${partition.partition}`;
  // Labels go right of their marker unless that would run past the partition's box.
  const labelRoom = (x: number) => (x + 130 < box.x + box.width ? 1 : -1);
  return (
    <g
      className={`partition density-${m.density}`}
      data-testid={`partition-${name}`}
      data-leo={logEndOffset}
      data-hw={highWatermark}
      data-replicas={partition.replicas.join(",")}
    >
      <g
        className="partition-button"
        {...inspectableProps(
          { kind: "partition", id: name },
          `Partition ${name}: log start ${logStartOffset}, high watermark ${highWatermark}, log end ${logEndOffset}. Open its details`,
        )}
      >
        <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={10} className="partition-bg" />
        <text x={box.x + 16} y={box.y + 36} className="partition-name">
          {name}
          <title>{replicasNote(partition)}</title>
        </text>
        <text x={box.x + 16} y={box.y + 58} className="partition-meta">
          LEO {logEndOffset} · HW {highWatermark}
        </text>
      </g>
      {firstShown > logStartOffset && (
        <text x={cellX(firstShown) - 10} y={cellY + 31} textAnchor="end" className="partition-ellipsis">
          …
        </text>
      )}
      {shown.map((record) => {
        const fill = keyColor(record.key);
        const dimmed = hoveredKey !== null && record.key !== hoveredKey;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut to the record's details and the partition's menu; keyboard users reach the partition's through its own button.
          <g
            key={record.offset}
            className="record-cell"
            data-offset={record.offset}
            data-key={record.key ?? ""}
            data-producer={record.producerId}
            transform={`translate(${cellX(record.offset)}, ${cellY})`}
            opacity={dimmed ? 0.25 : 1}
            onPointerEnter={(event) =>
              void showKeyCard(
                {
                  key: record.key,
                  topic: partition.topic,
                  partition: partition.partition,
                  offset: record.offset,
                  partitionCount,
                },
                event.clientX,
                event.clientY,
              )
            }
            onPointerLeave={hideKeyCard}
            onClick={() =>
              inspect({
                kind: "record",
                id: `${name}@${record.offset}`,
                record: {
                  ...record,
                  topic: partition.topic,
                  partition: partition.partition,
                  partitionCount,
                },
              })
            }
            onContextMenu={(event) => {
              event.preventDefault();
              openContextMenu({ kind: "partition", id: name }, event.clientX, event.clientY);
            }}
          >
            <rect width={m.cell} height={m.cellHeight} rx={6} fill={fill} className="record-rect" />
            <text x={m.cell / 2} y={29} textAnchor="middle" fill={inkOn(fill)} className="record-offset">
              {record.offset}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${cellX(logEndOffset)}, ${cellY})`} className="leo-slot">
        <rect width={m.cell} height={m.cellHeight} rx={6} />
        <text x={m.cell / 2} y={29} textAnchor="middle">
          {logEndOffset}
        </text>
      </g>
      <line
        x1={cellX(highWatermark) - m.cellGap / 2}
        x2={cellX(highWatermark) - m.cellGap / 2}
        y1={cellY - 8}
        y2={cellY + m.cellHeight + 8}
        className="hw-line"
      />
      {committed.map(({ groupId, offset, color }, i) => {
        const x = offset < firstShown ? cellX(firstShown) - m.cellGap : cellX(offset) - m.cellGap / 2;
        const top = cellY - 14 - i * 3;
        return (
          <g
            key={groupId}
            className="committed-marker"
            data-testid={`committed-${groupId}-${name}`}
            data-offset={offset}
          >
            <title>{`${groupId} committed offset ${offset}: the next record the group reads after a restart or rebalance`}</title>
            <line x1={x} x2={x} y1={top} y2={cellY + m.cellHeight} stroke={color} strokeWidth={3} />
            <path d={`M ${x} ${top} l 12 5 l -12 5 z`} fill={color} />
          </g>
        );
      })}
      {positions.map(({ consumerId, position }, i) => {
        const x = position < firstShown ? cellX(firstShown) - 8 : cellX(position) + m.cell / 2;
        const y = cellY + m.cellHeight + 8 + i * 4;
        const size = 8;
        return (
          <g
            key={consumerId}
            className="position-marker"
            data-testid={`position-${consumerId}-${name}`}
            data-position={position}
          >
            <title>{`${consumerId}: position ${position}`}</title>
            <path d={`M ${x} ${y} l -${size} ${size * 1.5} l ${size * 2} 0 z`} />
            <text
              x={x + labelRoom(x) * 12}
              y={y + 13}
              textAnchor={labelRoom(x) > 0 ? "start" : "end"}
              className="position-label"
            >
              {position < firstShown ? `◀ ${consumerId} @ ${position}` : consumerId}
            </text>
          </g>
        );
      })}
    </g>
  );
}, samePicture);

/**
 * Views arrive as fresh objects, so memo compares what the log draws: its offsets, its records,
 * the markers on it and its place. An unchanged partition (most of them, between two views of a
 * quiet topic) is not re-rendered.
 */
function samePicture(a: Props, b: Props): boolean {
  const pa = a.partition;
  const pb = b.partition;
  if (
    pa.logEndOffset !== pb.logEndOffset ||
    pa.logStartOffset !== pb.logStartOffset ||
    pa.highWatermark !== pb.highWatermark ||
    pa.records.length !== pb.records.length ||
    a.partitionCount !== b.partitionCount ||
    a.cellsPerRow !== b.cellsPerRow ||
    a.metrics !== b.metrics ||
    a.box.x !== b.box.x ||
    a.box.y !== b.box.y ||
    a.box.width !== b.box.width ||
    a.box.height !== b.box.height ||
    a.committed.length !== b.committed.length ||
    pa.leaderBrokerId !== pb.leaderBrokerId ||
    pa.replicas.join() !== pb.replicas.join()
  )
    return false;
  // The same offsets can hold other records after a fork (a producer restarted with new keys).
  for (let i = 0; i < pa.records.length; i++) {
    const ra = pa.records[i]!;
    const rb = pb.records[i]!;
    if (ra.offset !== rb.offset || ra.key !== rb.key || ra.producerId !== rb.producerId) return false;
  }
  for (let i = 0; i < a.committed.length; i++) {
    const ca = a.committed[i]!;
    const cb = b.committed[i]!;
    if (ca.groupId !== cb.groupId || ca.offset !== cb.offset || ca.color !== cb.color) return false;
  }
  if (a.positions.length !== b.positions.length) return false;
  for (let i = 0; i < a.positions.length; i++) {
    const pa = a.positions[i]!;
    const pb = b.positions[i]!;
    if (pa.consumerId !== pb.consumerId || pa.position !== pb.position) return false;
  }
  return true;
}

/** The row name's tooltip: where the partition's replicas are, and that they do not replicate. */
export function replicasNote(
  partition: Pick<PartitionView, "topic" | "partition" | "replicas" | "leaderBrokerId">,
): string {
  const name = `${partition.topic}-${partition.partition}`;
  return partition.replicas.length > 1
    ? `${name}: replicas on brokers ${partition.replicas.join(", ")}, leader first. Replication is not simulated: followers do not fetch, so the HW equals the LEO.`
    : `${name}: one replica, on broker ${partition.leaderBrokerId}.`;
}
