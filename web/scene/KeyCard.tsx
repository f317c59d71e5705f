// The hover card of a record: its key's bytes, and for each client type the hash, the modulo and
// the partition that client would pick. The same key can land on different partitions with the
// Java client (murmur2) and librdkafka's default (CRC32): this card shows why.
import type { KeyPartitionExplanation } from "../../engine/api";
import { useStore } from "../state/store";

/** One line per distinct rule: Java's default, and librdkafka's keyed partitioners by hash function. */
const SHOWN_PARTITIONERS = ["default (built-in)", "consistent_random", "murmur2_random", "fnv1a_random"];

function pickText(row: KeyPartitionExplanation): string {
  switch (row.pick.kind) {
    case "partition":
      return `partition ${row.pick.partition}`;
    case "sticky":
      return "sticky partition";
    case "random":
      return "random partition";
    case "round-robin":
      return "next in turn";
  }
}

export function bytesOf(key: string): string {
  const bytes = new TextEncoder().encode(key);
  const hex = [...bytes.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
  return `${bytes.length} byte${bytes.length === 1 ? "" : "s"}: ${hex}${bytes.length > 12 ? " …" : ""}`;
}

/** Each client's rule for this key: hash expression and the partition it picks. */
export function KeyRulesTable({ rows }: { rows: KeyPartitionExplanation[] }) {
  const shown = rows.filter((r) => SHOWN_PARTITIONERS.some((name) => r.partitioner.endsWith(name)));
  return (
    <table>
      <tbody>
        {shown.map((row) => (
          <tr key={`${row.client}-${row.partitioner}`}>
            <th scope="row">
              {row.client === "java" ? "Java" : "librdkafka"}{" "}
              <span className="key-card-name">{row.partitioner}</span>
            </th>
            <td className="key-card-expr">{row.expression ?? row.note ?? ""}</td>
            <td className="key-card-pick">{pickText(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function KeyCard() {
  const card = useStore((s) => s.keyCard);
  if (!card) return null;
  const left = Math.min(card.x + 18, window.innerWidth - 560);
  const top = Math.min(card.y + 18, window.innerHeight - 300);
  return (
    <div className="key-card" role="tooltip" style={{ left, top }} data-testid="key-card">
      <div className="key-card-title">
        {card.key === null ? "no key (null)" : `key “${card.key}”`}
        <span className="key-card-where">
          {card.topic}-{card.partition} · offset {card.offset}
        </span>
      </div>
      {card.key !== null && <div className="key-card-bytes">{bytesOf(card.key)}</div>}
      <KeyRulesTable rows={card.rows} />
      <div className="key-card-note">
        {card.partitionCount} partitions; RoundRobinPartitioner ignores keys.
      </div>
    </div>
  );
}
