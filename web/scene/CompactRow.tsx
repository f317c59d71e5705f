// A partition's row in the compact density: its name, focus, menu and inspector. Its log (cells,
// markers, log end offset) is on the CompactLogs canvas above it, so the row depends on nothing
// that changes while the run plays and does not re-render with each view; hovering or clicking it
// looks up the record under the pointer in the latest view.
import { type MouseEvent, memo, type PointerEvent, useRef } from "react";
import type { PartitionView } from "../../engine/view";
import { showKeyCard } from "../state/actions";
import { useStore } from "../state/store";
import { hideKeyCard, inspect } from "../state/ui-actions";
import { recordAt } from "./CompactLogs";
import { inspectableProps } from "./inspectable";
import type { Box, Metrics } from "./layout";
import { replicasNote } from "./PartitionLog";

interface Props {
  topic: string;
  partition: number;
  partitionCount: number;
  /** Replicas and leader, as "1,2,3" (a string, so the memo compares it by value). */
  replicas: string;
  leaderBrokerId: number;
  box: Box;
  metrics: Metrics;
  cellsPerRow: number;
}

export const CompactRow = memo(function CompactRow({
  topic,
  partition,
  partitionCount,
  replicas,
  leaderBrokerId,
  box,
  metrics: m,
  cellsPerRow,
}: Props) {
  const hovered = useRef<number | null>(null);
  const name = `${topic}-${partition}`;
  /** The record under the pointer, in the latest view (the canvas draws it; this row has no cells). */
  const pointed = (event: PointerEvent | MouseEvent) => {
    const live = useStore
      .getState()
      .view?.topics.find((t) => t.name === topic)
      ?.partitions.find((p) => p.partition === partition);
    const ctm = (event.currentTarget as SVGGraphicsElement).ownerSVGElement?.getScreenCTM();
    if (!live || !ctm) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    return recordAt(live, box, m, cellsPerRow, point.x, point.y);
  };
  const placement: Pick<PartitionView, "topic" | "partition" | "replicas" | "leaderBrokerId"> = {
    topic,
    partition,
    replicas: replicas.split(",").map(Number),
    leaderBrokerId,
  };
  return (
    <g
      className="partition density-compact"
      data-testid={`partition-${name}`}
      data-replicas={replicas}
      data-log-x={box.x + m.logXOffset}
      onPointerMove={(event) => {
        const record = pointed(event);
        if (record?.offset === hovered.current) return;
        hovered.current = record?.offset ?? null;
        if (!record) return hideKeyCard();
        void showKeyCard(
          { key: record.key, topic, partition, offset: record.offset, partitionCount },
          event.clientX,
          event.clientY,
        );
      }}
      onPointerLeave={() => {
        if (hovered.current === null) return;
        hovered.current = null;
        hideKeyCard();
      }}
      onClickCapture={(event) => {
        const record = pointed(event);
        if (!record) return;
        event.stopPropagation();
        inspect({
          kind: "record",
          id: `${name}@${record.offset}`,
          record: { ...record, topic, partition, partitionCount },
        });
      }}
    >
      <g
        className="partition-button"
        {...inspectableProps(
          { kind: "partition", id: name },
          `Partition ${name}, led by broker ${leaderBrokerId}: open its details (offsets, records, groups)`,
        )}
      >
        <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={5} className="partition-bg" />
        <text x={box.x + 8} y={box.y + box.height / 2 + 5} className="partition-name">
          {name}
          <title>{replicasNote(placement)}</title>
        </text>
      </g>
    </g>
  );
}, sameRow);

/** Layouts are recomputed with each view: a row is the same if its values and its box's are. */
function sameRow(a: Props, b: Props): boolean {
  return (
    a.topic === b.topic &&
    a.partition === b.partition &&
    a.partitionCount === b.partitionCount &&
    a.replicas === b.replicas &&
    a.leaderBrokerId === b.leaderBrokerId &&
    a.metrics === b.metrics &&
    a.cellsPerRow === b.cellsPerRow &&
    a.box.x === b.box.x &&
    a.box.y === b.box.y &&
    a.box.width === b.box.width &&
    a.box.height === b.box.height
  );
}
