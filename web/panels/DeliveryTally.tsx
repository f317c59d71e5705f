// What a group's commit strategy did to its records, per partition: how many poll() returned, how
// many the application finished processing, how many it was given more than once (duplicates,
// at-least-once) and how many the group committed past without processing (lost, at-most-once).
import type { DeliveryView } from "../../engine/delivery";

export function DeliveryTally({ groupId, deliveries }: { groupId: string; deliveries: DeliveryView[] }) {
  const rows = deliveries
    .filter((d) => d.groupId === groupId)
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  if (rows.length === 0) return null;
  return (
    <>
      <h3>Delivered, duplicated, lost</h3>
      <table className="describe-table delivery-table" data-testid={`delivery-table-${groupId}`}>
        <thead>
          <tr>
            <th scope="col">PARTITION</th>
            <th scope="col">DELIVERED</th>
            <th scope="col">PROCESSED</th>
            <th scope="col">DUPLICATED</th>
            <th scope="col">LOST</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr
              key={`${d.topic}-${d.partition}`}
              data-partition={`${d.topic}-${d.partition}`}
              data-duplicated={d.duplicated}
              data-lost={d.lost ?? ""}
            >
              <td>
                {d.topic}-{d.partition}
              </td>
              <td>{d.delivered}</td>
              <td>{d.processed}</td>
              <td>{d.duplicated}</td>
              <td>{d.lost ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="inspector-note">
        Counted in distinct offsets. DELIVERED: returned by poll(); DUPLICATED: returned more than once (a
        rebalance or restart went back to an older committed offset); LOST: the group committed past them but
        never finished processing them (a batch still being processed is not counted).
      </p>
    </>
  );
}
