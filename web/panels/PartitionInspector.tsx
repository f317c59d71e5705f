// The partition inspector: its leader, the three offsets that matter (log start, high watermark,
// log end), its segments, its topic's configs, each group's committed offset and lag, each
// consumer's position, what is in flight for it, and "add partitions" for its topic.
import type { SimView } from "../../engine/view";
import { inspect, openAddDialog } from "../state/ui-actions";
import { InFlightList } from "./InFlightList";
import { TopicConfigForm } from "./TopicConfigForm";

export function PartitionInspector({ view, partitionKey }: { view: SimView; partitionKey: string }) {
  const topic = view.topics.find((t) =>
    t.partitions.some((p) => `${t.name}-${p.partition}` === partitionKey),
  );
  const partition = topic?.partitions.find((p) => `${topic.name}-${p.partition}` === partitionKey);
  if (!topic || !partition) return null;
  const groups = view.groups.flatMap((g) =>
    g.lag
      .filter((l) => l.topic === topic.name && l.partition === partition.partition)
      .map((l) => ({ groupId: g.groupId, ...l })),
  );
  const positions = view.consumers.flatMap((c) =>
    c.partitions
      .filter((p) => p.topic === topic.name && p.partition === partition.partition)
      .map((p) => ({ consumerId: c.id, ...p })),
  );
  return (
    <>
      <p className="inspector-lede">
        Partition {partition.partition} of <b>{topic.name}</b> ({topic.partitions.length} partitions): an
        append-only log. Each record gets the next offset; consumers read up to the high watermark.
      </p>
      <dl className="inspector-stats" data-testid="partition-stats">
        <dt>leader</dt>
        <dd>
          <button
            type="button"
            className="link"
            onClick={() => inspect({ kind: "broker", id: String(partition.leaderBrokerId) })}
          >
            broker {partition.leaderBrokerId}
          </button>
        </dd>
        <dt>replicas</dt>
        <dd>
          {partition.replicas.length > 1
            ? `brokers ${partition.replicas.join(", ")} (placed, not replicated)`
            : `broker ${partition.leaderBrokerId} only`}
        </dd>
        <dt>log start offset</dt>
        <dd>{partition.logStartOffset}</dd>
        <dt>high watermark</dt>
        <dd>{partition.highWatermark}</dd>
        <dt>log end offset</dt>
        <dd data-testid="partition-leo">{partition.logEndOffset}</dd>
        <dt>size</dt>
        <dd>{partition.sizeBytes.toLocaleString("en-US")} bytes</dd>
      </dl>
      <div className="inspector-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => openAddDialog({ kind: "addPartitions", topic: topic.name })}
        >
          Add partitions to {topic.name}…
        </button>
      </div>
      <h3>Groups and consumers</h3>
      {groups.length === 0 && positions.length === 0 ? (
        <p className="inspector-note">No group has committed an offset here and no consumer reads it.</p>
      ) : (
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col">who</th>
              <th scope="col">offset</th>
              <th scope="col">lag</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`g-${g.groupId}`}>
                <td>{g.groupId} (committed)</td>
                <td>{g.committedOffset ?? "—"}</td>
                <td>{g.lag ?? "—"}</td>
              </tr>
            ))}
            {positions.map((p) => (
              <tr key={`c-${p.consumerId}`}>
                <td>{p.consumerId} (position)</td>
                <td>{p.position ?? "—"}</td>
                <td>{p.lag ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Newest records</h3>
      <ul className="record-links" data-testid="record-links">
        {partition.records.slice(-12).map((r) => (
          <li key={r.offset}>
            <button
              type="button"
              className="link"
              onClick={() =>
                inspect({
                  kind: "record",
                  id: `${partitionKey}@${r.offset}`,
                  record: {
                    ...r,
                    topic: topic.name,
                    partition: partition.partition,
                    partitionCount: topic.partitions.length,
                  },
                })
              }
            >
              {r.offset}
            </button>{" "}
            {r.key === null ? "null" : `“${r.key}”`}
          </li>
        ))}
      </ul>
      <h3>Segments</h3>
      <table className="inspector-table">
        <thead>
          <tr>
            <th scope="col">base offset</th>
            <th scope="col">records</th>
            <th scope="col">bytes</th>
          </tr>
        </thead>
        <tbody>
          {partition.segments.map((s) => (
            <tr key={s.baseOffset}>
              <td>
                {s.baseOffset}
                {s.active ? " (active)" : ""}
              </td>
              <td>{s.recordCount}</td>
              <td>{s.sizeBytes.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Topic configs</h3>
      <TopicConfigForm key={topic.name} topic={topic.name} config={topic.config} />
      <InFlightList messages={view.messages.filter((m) => m.partitionKey === partitionKey)} />
    </>
  );
}
