// The group inspector: its state explained, generation, assignor, leader and coordinator, the
// rebalance history, "add a consumer", and the table `kafka-consumer-groups --describe --group`
// prints, computed as the tool computes it (LOG-END-OFFSET is the high watermark).

import type { DeliveryView } from "../../engine/delivery";
import type { GroupView } from "../../engine/group/view";
import type { ConsumerView } from "../../engine/view";
import { GROUP_STATE_EXPLANATIONS } from "../scene/GroupLane";
import { applyCommand } from "../state/actions";
import { DeliveryTally } from "./DeliveryTally";

const COLUMNS = [
  "GROUP",
  "TOPIC",
  "PARTITION",
  "CURRENT-OFFSET",
  "LOG-END-OFFSET",
  "LAG",
  "CONSUMER-ID",
  "HOST",
  "CLIENT-ID",
] as const;

/** A new member like the group's first one, with the next free consumer-N id. */
export function addMember(group: GroupView, consumers: ConsumerView[]): void {
  const template = consumers.find((c) => c.groupId === group.groupId);
  if (!template) return;
  let n = consumers.length + 1;
  while (consumers.some((c) => c.id === `consumer-${n}`)) n++;
  const { "group.id": _groupId, ...config } = template.config;
  void applyCommand({
    type: "addConsumer",
    consumer: {
      id: `consumer-${n}`,
      mode: "subscribe",
      groupId: group.groupId,
      topics: template.topics,
      processingTimeMs: template.processingTimeMs,
      config: Object.fromEntries(
        Object.entries(config)
          .filter(([key]) => key !== "group.instance.id" && key !== "client.rack")
          .map(([key, value]) => [
            key,
            key === "partition.assignment.strategy" ? String(value).split(",") : value,
          ]),
      ),
    },
  });
}

export function GroupInspector({
  group,
  consumers,
  deliveries,
}: {
  group: GroupView;
  consumers: ConsumerView[];
  deliveries: DeliveryView[];
}) {
  return (
    <>
      <p className="inspector-lede">{GROUP_STATE_EXPLANATIONS[group.state] ?? group.state}</p>
      <dl className="inspector-stats">
        <dt>generation</dt>
        <dd>{group.generationId}</dd>
        <dt>assignor (protocol)</dt>
        <dd>{group.protocolName ?? "—"}</dd>
        <dt>coordinator</dt>
        <dd>
          broker {group.coordinatorBrokerId} (__consumer_offsets-{group.offsetsPartition})
        </dd>
        <dt>rebalances</dt>
        <dd>{group.rebalanceCount}</dd>
        <dt>last rebalance took</dt>
        <dd>
          {group.lastRebalanceDurationMs === null ? "—" : `${group.lastRebalanceDurationMs.toFixed(0)} ms`}
        </dd>
      </dl>
      <div className="inspector-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => addMember(group, consumers)}
          data-testid="add-consumer"
        >
          Add a consumer to {group.groupId}
        </button>
      </div>
      <h3>kafka-consumer-groups --describe --group {group.groupId}</h3>
      {group.describe.notice && <p className="describe-notice">{group.describe.notice}</p>}
      {group.describe.rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable by keyboard to scroll it.
        <section className="describe-scroll" tabIndex={0} aria-label="describe output">
          <table className="describe-table" data-testid="describe-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {group.describe.rows.map((row) => (
                <tr key={`${row.TOPIC}-${row.PARTITION}-${row["CONSUMER-ID"]}`}>
                  {COLUMNS.map((c) => (
                    <td key={c}>{row[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p className="inspector-note">
        As the tool computes it: LOG-END-OFFSET is the high watermark, LAG = LOG-END-OFFSET − CURRENT-OFFSET
        (the committed offset).
      </p>
      <DeliveryTally groupId={group.groupId} deliveries={deliveries} />
    </>
  );
}
