// Where everything sits in the scene, computed from the view: producers on the left, brokers with
// the partition logs they lead in the middle, consumers on the right. Pure geometry, no React.
// Two densities: "comfortable" (big cells with offsets, one broker column) for classroom-sized
// topics, and "compact" (small cells, two broker columns) once there are more than 12 partitions.
import type { PartitionView, SimView } from "../../engine/view";

export const SCENE_WIDTH = 1600;
const TOP = 24;
const PRODUCER_X = 24;
const BROKER_GAP = 20;
export const COMPACT_THRESHOLD_PARTITIONS = 12;

export type Density = "comfortable" | "compact";

/** Sizes that change with density. */
export interface Metrics {
  density: Density;
  cardWidth: number;
  brokerX: number;
  brokerAreaWidth: number;
  brokerColumns: number;
  brokerHeader: number;
  partitionRow: number;
  cell: number;
  cellHeight: number;
  cellGap: number;
  logXOffset: number;
}

const COMFORTABLE: Metrics = {
  density: "comfortable",
  cardWidth: 296,
  // Wide gutters between clients and brokers: messages need room to be seen travelling.
  brokerX: 420,
  brokerAreaWidth: 680,
  brokerColumns: 1,
  brokerHeader: 50,
  partitionRow: 82,
  cell: 50,
  cellHeight: 44,
  cellGap: 6,
  logXOffset: 176,
};

const COMPACT: Metrics = {
  density: "compact",
  // Room for "payments-group-c10" and five-digit offsets in a consumer's table.
  cardWidth: 300,
  brokerX: 380,
  brokerAreaWidth: 840,
  brokerColumns: 2,
  brokerHeader: 40,
  partitionRow: 28,
  cell: 20,
  cellHeight: 20,
  cellGap: 3,
  // Room for "payments-10" and a four-digit log end offset before the first cell.
  logXOffset: 152,
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneLayout {
  metrics: Metrics;
  height: number;
  producers: Map<string, Box>;
  brokers: Map<number, Box>;
  /** "topic-partition" → the row box inside its leader's broker box. */
  partitions: Map<string, Box>;
  consumers: Map<string, Box>;
  /** Consumer groups: a lane around the group's members, with a header. */
  groups: Map<string, Box>;
  /** How many record cells fit in a partition row (the LEO slot included). */
  cellsPerRow: number;
}

/** Rows of per-partition detail a client card lists before summarising. */
export const CARD_ROWS_MAX = 12;

export function producerCardHeight(partitions: number): number {
  return 196 + Math.min(partitions, CARD_ROWS_MAX) * 30;
}

export function consumerCardHeight(partitions: number): number {
  return 116 + Math.max(1, Math.min(partitions, CARD_ROWS_MAX)) * 30 + (partitions > CARD_ROWS_MAX ? 30 : 0);
}

export const GROUP_HEADER = 118;
const GROUP_PADDING = 10;

/** Consumers stacked on the right: each group's members inside its lane, standalone ones after. */
function layoutConsumers(view: SimView, x: number, width: number) {
  const consumers = new Map<string, Box>();
  const groups = new Map<string, Box>();
  let y = TOP;
  const groupIds = [...new Set(view.consumers.map((c) => c.groupId).filter((g): g is string => g !== null))];
  for (const groupId of groupIds) {
    const top = y;
    y += GROUP_HEADER;
    for (const c of view.consumers.filter((c) => c.groupId === groupId)) {
      const height = consumerCardHeight(c.partitions.length);
      consumers.set(c.id, { x: x + GROUP_PADDING, y, width: width - 2 * GROUP_PADDING, height });
      y += height + GROUP_PADDING;
    }
    groups.set(groupId, { x, y: top, width, height: y - top });
    y += BROKER_GAP;
  }
  for (const c of view.consumers.filter((c) => c.groupId === null)) {
    const height = consumerCardHeight(c.partitions.length);
    consumers.set(c.id, { x, y, width, height });
    y += height + BROKER_GAP;
  }
  return { consumers, groups, bottom: y };
}

function layoutBrokers(view: SimView, m: Metrics) {
  const partitions = new Map<string, Box>();
  const brokers = new Map<number, Box>();
  const columnWidth = (m.brokerAreaWidth - (m.brokerColumns - 1) * BROKER_GAP) / m.brokerColumns;
  const columnBottoms = Array.from({ length: m.brokerColumns }, () => TOP);
  for (const broker of view.brokers) {
    const rows = view.topics.flatMap((t) => t.partitions).filter((p) => p.leaderBrokerId === broker.id);
    const height = m.brokerHeader + Math.max(1, rows.length) * m.partitionRow + 12;
    const column = columnBottoms.indexOf(Math.min(...columnBottoms));
    const x = m.brokerX + column * (columnWidth + BROKER_GAP);
    const y = columnBottoms[column]!;
    brokers.set(broker.id, { x, y, width: columnWidth, height });
    rows.forEach((p, i) => {
      partitions.set(`${p.topic}-${p.partition}`, {
        x: x + 12,
        y: y + m.brokerHeader + i * m.partitionRow,
        width: columnWidth - 24,
        height: m.partitionRow - (m.density === "compact" ? 4 : 10),
      });
    });
    columnBottoms[column] = y + height + BROKER_GAP;
  }
  const cellsPerRow = Math.floor((columnWidth - 24 - m.logXOffset - 12) / (m.cell + m.cellGap));
  return { partitions, brokers, bottom: Math.max(...columnBottoms), cellsPerRow };
}

/** More than a dozen partitions: the compact density. */
export function isCompact(view: SimView): boolean {
  return view.topics.reduce((n, t) => n + t.partitions.length, 0) > COMPACT_THRESHOLD_PARTITIONS;
}

export function computeLayout(view: SimView): SceneLayout {
  const m = isCompact(view) ? COMPACT : COMFORTABLE;
  const { partitions, brokers, bottom, cellsPerRow } = layoutBrokers(view, m);
  const stack = <T>(items: T[], x: number, heightOf: (item: T) => number, idOf: (item: T) => string) => {
    const boxes = new Map<string, Box>();
    let cy = TOP;
    for (const item of items) {
      const height = heightOf(item);
      boxes.set(idOf(item), { x, y: cy, width: m.cardWidth, height });
      cy += height + BROKER_GAP;
    }
    return { boxes, bottom: cy };
  };
  const partitionCount = (topic: string) => view.topics.find((t) => t.name === topic)?.partitions.length ?? 1;
  const producers = stack(
    view.producers,
    PRODUCER_X,
    (p) => producerCardHeight(partitionCount(p.topic)),
    (p) => p.id,
  );
  const consumers = layoutConsumers(view, SCENE_WIDTH - 24 - m.cardWidth, m.cardWidth);
  return {
    metrics: m,
    height: Math.max(bottom, producers.bottom, consumers.bottom) + 8,
    producers: producers.boxes,
    brokers,
    partitions,
    consumers: consumers.consumers,
    groups: consumers.groups,
    cellsPerRow,
  };
}

/** Where a message leaves or reaches an actor: the card edge facing the other end. */
export function anchorOf(layout: SceneLayout, actor: string, other: string, partitionKey: string | null) {
  const producer = layout.producers.get(actor);
  if (producer) return { x: producer.x + producer.width, y: producer.y + 60 };
  const consumer = layout.consumers.get(actor);
  if (consumer) return { x: consumer.x, y: consumer.y + 60 };
  const brokerId = Number(actor.replace("broker-", ""));
  const broker = layout.brokers.get(brokerId);
  if (!broker) return { x: SCENE_WIDTH / 2, y: 0 };
  const row = partitionKey ? layout.partitions.get(partitionKey) : undefined;
  const y = row ? row.y + row.height / 2 : broker.y + 26;
  const towardsConsumer = layout.consumers.has(other);
  return { x: towardsConsumer ? broker.x + broker.width : broker.x, y };
}

/**
 * Where a partition's cells sit in its row: the first offset shown (the newest `cellsPerRow - 1`
 * records and the log end slot fit), the x of any offset, and the cells' top (centred in a compact
 * row, under the name in a comfortable one).
 */
export function cellGeometry(
  partition: Pick<PartitionView, "logStartOffset" | "logEndOffset">,
  box: Box,
  m: Metrics,
  cellsPerRow: number,
) {
  const firstShown = Math.max(partition.logStartOffset, partition.logEndOffset - (cellsPerRow - 1));
  const pitch = m.cell + m.cellGap;
  const left = box.x + m.logXOffset;
  return {
    firstShown,
    pitch,
    cellX: (offset: number) => left + (offset - firstShown) * pitch,
    cellY: m.density === "compact" ? box.y + (box.height - m.cellHeight) / 2 : box.y + 6,
  };
}
