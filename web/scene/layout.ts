// Where everything sits in the scene, computed from the view: producers on the left, brokers with
// the partition logs they lead in the middle, consumers on the right. Pure geometry, no React.
import type { SimView } from "../../engine/view";

export const SCENE_WIDTH = 1600;
const TOP = 24;
const PRODUCER_X = 24;
const CARD_WIDTH = 276;
// Wide gutters between clients and brokers: messages need room to be seen travelling.
const BROKER_X = 440;
const BROKER_WIDTH = 720;
const CONSUMER_X = SCENE_WIDTH - 24 - CARD_WIDTH;
const BROKER_HEADER = 52;
export const PARTITION_ROW = 92;
const BROKER_GAP = 20;
export const CELL = 50;
export const CELL_GAP = 6;
export const LOG_X_OFFSET = 176;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneLayout {
  height: number;
  producers: Map<string, Box>;
  brokers: Map<number, Box>;
  /** "topic-partition" → the row box inside its leader's broker box. */
  partitions: Map<string, Box>;
  consumers: Map<string, Box>;
  /** How many record cells fit in a partition row (the LEO slot included). */
  cellsPerRow: number;
}

export function producerCardHeight(partitions: number): number {
  return 196 + Math.min(partitions, 12) * 30;
}

export function consumerCardHeight(partitions: number): number {
  return 150 + Math.min(partitions, 12) * 34;
}

export function computeLayout(view: SimView): SceneLayout {
  const partitions = new Map<string, Box>();
  const brokers = new Map<number, Box>();
  let y = TOP;
  for (const broker of view.brokers) {
    const rows = view.topics.flatMap((t) => t.partitions).filter((p) => p.leaderBrokerId === broker.id);
    const height = BROKER_HEADER + Math.max(1, rows.length) * PARTITION_ROW + 12;
    brokers.set(broker.id, { x: BROKER_X, y, width: BROKER_WIDTH, height });
    rows.forEach((p, i) => {
      partitions.set(`${p.topic}-${p.partition}`, {
        x: BROKER_X + 16,
        y: y + BROKER_HEADER + i * PARTITION_ROW,
        width: BROKER_WIDTH - 32,
        height: PARTITION_ROW - 10,
      });
    });
    y += height + BROKER_GAP;
  }
  const stack = <T>(items: T[], x: number, heightOf: (item: T) => number, idOf: (item: T) => string) => {
    const boxes = new Map<string, Box>();
    let cy = TOP;
    for (const item of items) {
      const height = heightOf(item);
      boxes.set(idOf(item), { x, y: cy, width: CARD_WIDTH, height });
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
  const consumers = stack(
    view.consumers,
    CONSUMER_X,
    (c) => consumerCardHeight(c.partitions.length),
    (c) => c.id,
  );
  const cellsPerRow = Math.floor((BROKER_WIDTH - 32 - LOG_X_OFFSET - 16) / (CELL + CELL_GAP));
  return {
    height: Math.max(y, producers.bottom, consumers.bottom) + 8,
    producers: producers.boxes,
    brokers,
    partitions,
    consumers: consumers.boxes,
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
