// The operations charts: each group's lag over time as kafka-consumer-groups computes it (high
// watermark − committed offset), the same lag in time (how long the oldest uncommitted record has
// waited), the lag of each partition of a group, throughput (records produced and processed per
// second), and each group's rebalances: how many, and how long the latest took. Sampled by the engine.
import { useEffect, useState } from "react";
import type { MetricsSample } from "../../engine/api";
import { GROUP_COLORS } from "../scene/palette";
import { refreshMetrics } from "../state/actions";
import { useStore } from "../state/store";
import { LineChart, type Series } from "./LineChart";

function groupSeries(
  samples: MetricsSample[],
  pick: (g: MetricsSample["groups"][number]) => number,
): Series[] {
  const ids = [...new Set(samples.flatMap((s) => s.groups.map((g) => g.groupId)))];
  return ids.map((id, i) => ({
    name: id,
    color: GROUP_COLORS[i % GROUP_COLORS.length]!,
    points: samples.flatMap((s) => {
      const g = s.groups.find((x) => x.groupId === id);
      return g ? [[s.atUs / 1e6, pick(g)] as [number, number]] : [];
    }),
  }));
}

function rateSeries(
  samples: MetricsSample[],
  name: string,
  color: string,
  pick: (s: MetricsSample) => number,
): Series {
  const points: [number, number][] = [];
  for (let i = 1; i < samples.length; i++) {
    const dt = (samples[i]!.atUs - samples[i - 1]!.atUs) / 1e6;
    if (dt > 0) points.push([samples[i]!.atUs / 1e6, (pick(samples[i]!) - pick(samples[i - 1]!)) / dt]);
  }
  return { name, color, points };
}

/** One line per partition of the group: where its lag piles up (a hot key, a slow member). */
function partitionSeries(samples: MetricsSample[], groupId: string): Series[] {
  const keys = [
    ...new Set(
      samples.flatMap((s) => s.groups.find((g) => g.groupId === groupId)?.partitions.map((p) => p.key) ?? []),
    ),
  ].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const colors = [...GROUP_COLORS, ...PARTITION_EXTRA_COLORS];
  return keys.map((key, i) => ({
    name: key,
    color: colors[i % colors.length]!,
    points: samples.flatMap((s) => {
      const lag = s.groups.find((g) => g.groupId === groupId)?.partitions.find((p) => p.key === key)?.lag;
      return lag === undefined ? [] : [[s.atUs / 1e6, lag] as [number, number]];
    }),
  }));
}

const PARTITION_EXTRA_COLORS = ["#56B4E9", "#E69F00", "#999933", "#882255", "#44AA99", "#117733"];

export function OpsCharts() {
  const samples = useStore((s) => s.metrics);
  const [partitionGroup, setPartitionGroup] = useState<string | null>(null);
  const nowUs = useStore((s) => s.view?.nowUs ?? 0);
  useEffect(() => {
    void refreshMetrics();
    const timer = window.setInterval(() => void refreshMetrics(), 500);
    return () => window.clearInterval(timer);
  }, []);
  const shown = samples.filter((s) => s.atUs <= nowUs);
  const hasGroups = shown.some((s) => s.groups.length > 0);
  const groupIds = [...new Set(shown.flatMap((s) => s.groups.map((g) => g.groupId)))];
  const shownGroup =
    partitionGroup !== null && groupIds.includes(partitionGroup) ? partitionGroup : (groupIds[0] ?? "");
  return (
    <div className="ops-charts" data-testid="ops-charts">
      {hasGroups ? (
        <>
          <LineChart
            title="Consumer lag"
            unit="records"
            series={groupSeries(shown, (g) => g.lagOffsets)}
            playheadS={nowUs / 1e6}
            testId="chart-lag"
          />
          <LineChart
            title="Time lag"
            unit="seconds"
            series={groupSeries(shown, (g) => g.lagMs / 1000)}
            playheadS={nowUs / 1e6}
            testId="chart-time-lag"
          />
          {groupIds.length > 1 && (
            <label className="chart-select">
              Lag per partition of
              <select value={shownGroup} onChange={(e) => setPartitionGroup(e.target.value)}>
                {groupIds.map((id) => (
                  <option key={id}>{id}</option>
                ))}
              </select>
            </label>
          )}
          <LineChart
            title={`Lag per partition · ${shownGroup}`}
            unit="records"
            series={partitionSeries(shown, shownGroup)}
            playheadS={nowUs / 1e6}
            testId="chart-partition-lag"
          />
          <LineChart
            title="Rebalances"
            unit="completed"
            series={groupSeries(shown, (g) => g.rebalances)}
            playheadS={nowUs / 1e6}
            testId="chart-rebalances"
          />
          <LineChart
            title="Last rebalance took"
            unit="ms"
            series={groupSeries(shown, (g) => g.lastRebalanceMs ?? 0)}
            playheadS={nowUs / 1e6}
            testId="chart-rebalance-ms"
          />
        </>
      ) : (
        <p className="inspector-note">
          No consumer groups in this scenario: lag charts appear for groups (committed offsets).
        </p>
      )}
      <LineChart
        title="Throughput"
        unit="records/s"
        series={[
          rateSeries(shown, "produced", "#0072B2", (s) => s.producedRecords),
          rateSeries(shown, "processed", "#009E73", (s) => s.processedRecords),
        ]}
        playheadS={nowUs / 1e6}
        testId="chart-throughput"
      />
    </div>
  );
}
