// The markers a partition's log carries besides its records: each group's committed offset and
// each consumer's position, gathered once per view for every partition ("topic-partition") by the
// scene. The SVG rows (PartitionLog) and the compact canvas (CompactLogs) draw them from here.
import type { SimView } from "../../engine/view";
import { GROUP_COLORS } from "./palette";

export interface CommittedMarker {
  groupId: string;
  offset: number;
  color: string;
}

export interface PositionMarker {
  consumerId: string;
  position: number;
}

/** Each group's committed offset per partition, colored by the group's order in the view. */
function committedByPartition(view: SimView): Map<string, CommittedMarker[]> {
  const out = new Map<string, CommittedMarker[]>();
  view.groups.forEach((g, i) => {
    for (const c of g.committedOffsets) {
      const name = `${c.topic}-${c.partition}`;
      const list = out.get(name) ?? [];
      list.push({ groupId: g.groupId, offset: c.offset, color: GROUP_COLORS[i % GROUP_COLORS.length]! });
      out.set(name, list);
    }
  });
  return out;
}

/** Each consumer's position per partition, in the consumers' order. */
function positionsByPartition(view: SimView): Map<string, PositionMarker[]> {
  const out = new Map<string, PositionMarker[]>();
  for (const c of view.consumers)
    for (const p of c.partitions) {
      if (p.position === null) continue;
      const name = `${c.topic}-${p.partition}`;
      const list = out.get(name) ?? [];
      list.push({ consumerId: c.id, position: p.position });
      out.set(name, list);
    }
  return out;
}

export interface LogMarkers {
  committed: Map<string, CommittedMarker[]>;
  positions: Map<string, PositionMarker[]>;
}

export function logMarkers(view: SimView): LogMarkers {
  return { committed: committedByPartition(view), positions: positionsByPartition(view) };
}
