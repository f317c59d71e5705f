// The record inspector: where a record sits (partition, offset), its key and why the key chose
// this partition (each client's hash and modulo), who wrote it and when, and who has read it:
// each group's committed offset and each consumer's position compared with its offset.
import { useEffect, useState } from "react";
import type { KeyPartitionExplanation } from "../../engine/api";
import type { SimView } from "../../engine/view";
import { formatSimTime } from "../lessons/narrate";
import { bytesOf, KeyRulesTable } from "../scene/KeyCard";
import { withEngine } from "../state/actions";
import type { RecordRef } from "../state/store";
import { inspect } from "../state/ui-actions";

export function RecordInspector({ view, record }: { view: SimView; record: RecordRef }) {
  const [rules, setRules] = useState<KeyPartitionExplanation[]>([]);
  useEffect(() => {
    let live = true;
    void withEngine((engine) => engine.explainKey(record.key, record.partitionCount))
      .then((rows) => live && setRules(rows))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [record.key, record.partitionCount]);
  const partitionKey = `${record.topic}-${record.partition}`;
  const partition = view.topics
    .find((t) => t.name === record.topic)
    ?.partitions.find((p) => p.partition === record.partition);
  const readers = [
    ...view.groups.flatMap((g) =>
      g.committedOffsets
        .filter((c) => c.topic === record.topic && c.partition === record.partition)
        .map((c) => ({ who: `${g.groupId} (committed ${c.offset})`, read: c.offset > record.offset })),
    ),
    ...view.consumers.flatMap((c) =>
      c.partitions
        .filter((p) => p.topic === record.topic && p.partition === record.partition && p.position !== null)
        .map((p) => ({ who: `${c.id} (position ${p.position})`, read: p.position! > record.offset })),
    ),
  ];
  const deleted = partition !== undefined && record.offset < partition.logStartOffset;
  return (
    <>
      <p className="inspector-lede">
        Record at offset <b>{record.offset}</b> of {partitionKey}
        {deleted ? ": deleted by retention since (it is below the log start offset)." : "."}
        {partition && !deleted && record.offset >= partition.highWatermark
          ? " Not yet below the high watermark, so no consumer can read it yet."
          : ""}
      </p>
      <dl className="inspector-stats" data-testid="record-stats">
        <dt>partition</dt>
        <dd>
          <button
            type="button"
            className="link"
            onClick={() => inspect({ kind: "partition", id: partitionKey })}
          >
            {partitionKey}
          </button>
        </dd>
        <dt>offset</dt>
        <dd>{record.offset}</dd>
        <dt>key</dt>
        <dd>{record.key === null ? "null (no key)" : `“${record.key}”`}</dd>
        <dt>written by</dt>
        <dd>{record.producerId}</dd>
        <dt>timestamp</dt>
        <dd>{formatSimTime(record.timestampUs)}</dd>
      </dl>
      <h3>Read by</h3>
      {readers.length === 0 ? (
        <p className="inspector-note">No group or consumer reads this partition.</p>
      ) : (
        <ul className="inspector-links" data-testid="record-readers">
          {readers.map((r) => (
            <li key={r.who}>
              {r.who}: {r.read ? "read (past this offset)" : "not yet"}
            </li>
          ))}
        </ul>
      )}
      <h3>Why this partition</h3>
      {record.key !== null && <p className="inspector-note">{bytesOf(record.key)}</p>}
      <div className="key-card record-rules">
        <KeyRulesTable rows={rules} />
      </div>
      <p className="inspector-note">
        With {record.partitionCount} partitions. A record with no key, or from a RoundRobinPartitioner, goes
        where the partitioner's batching or turn puts it.
      </p>
    </>
  );
}
