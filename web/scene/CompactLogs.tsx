// Dense topics (the compact density) draw their partition logs on one canvas instead of SVG: the
// record cells, the log end offset (number and slot), the high watermark, each group's committed
// offset and each consumer's position. With 96 partitions every view moves thousands of cells; as
// SVG elements they cost a style recalculation, a layout and a repaint of the whole scene per view
// (measured in BENCHMARKS.md), on a canvas one redraw of a few thousand rectangles. Each row's
// name, focus, menu and inspector stay SVG (CompactRow), which turns a pointer over the row into
// the record under it with `recordAt`.
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { PartitionView, SimView } from "../../engine/view";
import { useStore } from "../state/store";
import { type Box, cellGeometry, type Metrics, type SceneLayout } from "./layout";
import type { LogMarkers } from "./markers";
import { keyColor } from "./palette";
import { prepareCanvas, useShown } from "./stage-watch";

/** The record drawn at scene point (x, y) of a compact partition row, if any. */
export function recordAt(
  partition: PartitionView,
  box: Box,
  m: Metrics,
  cellsPerRow: number,
  x: number,
  y: number,
) {
  const g = cellGeometry(partition, box, m, cellsPerRow);
  if (y < g.cellY || y > g.cellY + m.cellHeight) return null;
  const offset = g.firstShown + Math.floor((x - g.cellX(g.firstShown)) / g.pitch);
  if (offset < g.firstShown || x - g.cellX(offset) > m.cell) return null;
  return partition.records.find((r) => r.offset === offset) ?? null;
}

interface Colors {
  /** The log end offset's number and slot, as .partition-meta and .leo-slot draw them in SVG. */
  muted: string;
  mono: string;
  hw: string;
  position: string;
}

/** Scene units drawn beyond the visible part, for markers that overhang their row. */
const MARGIN = 20;

export function CompactLogs({
  view,
  layout,
  markers,
}: {
  view: SimView;
  layout: SceneLayout;
  markers: LogMarkers;
}) {
  const hoveredKey = useStore((s) => s.hoveredKey);
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const shown = useShown(canvas);
  const colors = useRef<(Colors & { key: string }) | null>(null);
  const brokers = useMemo(() => {
    const boxes = [...layout.brokers.values()];
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    return {
      x,
      y,
      width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
      bottom: Math.max(...boxes.map((b) => b.y + b.height)),
    };
  }, [layout]);
  // The canvas covers only the brokers' part that the stage shows (a dense scene scrolls), so each
  // view uploads a screen's worth of pixels, not the whole column.
  const top = Math.max(brokers.y, (shown?.top ?? 0) - MARGIN);
  const bottom = Math.min(brokers.bottom, shown ? shown.top + shown.height + MARGIN : brokers.bottom);
  const area = { x: brokers.x, y: top, width: brokers.width, height: Math.max(1, bottom - top) };
  useLayoutEffect(() => {
    if (!canvas || !shown) return;
    const ctx = prepareCanvas(
      canvas,
      { x: area.x, y: area.y, width: area.width, height: area.height },
      shown,
    );
    if (!ctx) return;
    // Theme colors come from the stylesheet's custom properties; read again when the theme changes.
    const colorKey = `${theme}/${presenter}`;
    if (colors.current?.key !== colorKey) {
      const style = getComputedStyle(canvas);
      colors.current = {
        key: colorKey,
        muted: style.getPropertyValue("--ink-3").trim() || "#667385",
        mono: style.getPropertyValue("--mono").trim() || "monospace",
        hw: style.getPropertyValue("--hw").trim() || "#cc79a7",
        position: style.getPropertyValue("--position").trim() || "#d55e00",
      };
    }
    drawLogs(ctx, view, layout, markers, hoveredKey, colors.current, area.y, area.y + area.height);
  }, [
    canvas,
    view,
    layout,
    markers,
    hoveredKey,
    area.x,
    area.y,
    area.width,
    area.height,
    theme,
    presenter,
    shown,
  ]);
  return (
    <foreignObject x={area.x} y={area.y} width={area.width} height={area.height} className="compact-logs">
      <canvas
        ref={setCanvas}
        style={{ width: area.width, height: area.height, display: "block" }}
        data-testid="compact-logs"
      />
    </foreignObject>
  );
}

function drawLogs(
  ctx: CanvasRenderingContext2D,
  view: SimView,
  layout: SceneLayout,
  { committed, positions }: LogMarkers,
  hoveredKey: string | null,
  colors: Colors,
  fromY: number,
  toY: number,
): void {
  const m = layout.metrics;
  ctx.font = `13px ${colors.mono}`;
  ctx.textAlign = "right";
  for (const topic of view.topics) {
    for (const partition of topic.partitions) {
      const name = `${partition.topic}-${partition.partition}`;
      const box = layout.partitions.get(name);
      if (!box || box.y > toY || box.y + box.height < fromY) continue;
      const { firstShown, cellX, cellY } = cellGeometry(partition, box, m, layout.cellsPerRow);
      ctx.fillStyle = colors.muted;
      ctx.fillText(String(partition.logEndOffset), box.x + m.logXOffset - 8, box.y + box.height / 2 + 5);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "rgb(0 0 0 / 0.18)";
      for (const record of partition.records) {
        if (record.offset < firstShown) continue;
        ctx.globalAlpha = hoveredKey !== null && record.key !== hoveredKey ? 0.25 : 1;
        ctx.fillStyle = keyColor(record.key);
        ctx.beginPath();
        ctx.roundRect(cellX(record.offset), cellY, m.cell, m.cellHeight, 3);
        ctx.fill();
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      // The log end offset: the empty slot the next record lands in.
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 2;
      ctx.strokeStyle = colors.muted;
      ctx.beginPath();
      ctx.roundRect(cellX(partition.logEndOffset), cellY, m.cell, m.cellHeight, 3);
      ctx.stroke();
      ctx.setLineDash([]);
      // The high watermark, between the last committed-to-the-log record and the next.
      const hwX = cellX(partition.highWatermark) - m.cellGap / 2;
      ctx.lineWidth = 2.5;
      ctx.lineCap = "round";
      ctx.strokeStyle = colors.hw;
      ctx.beginPath();
      ctx.moveTo(hwX, cellY - 3);
      ctx.lineTo(hwX, cellY + m.cellHeight + 3);
      ctx.stroke();
      ctx.lineCap = "butt";
      (committed.get(name) ?? []).forEach(({ offset, color }, i) => {
        const x = offset < firstShown ? cellX(firstShown) - m.cellGap : cellX(offset) - m.cellGap / 2;
        const top = cellY - 6 - i * 3;
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, cellY + m.cellHeight);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x + 7, top + 3);
        ctx.lineTo(x, top + 6);
        ctx.closePath();
        ctx.fill();
      });
      ctx.fillStyle = colors.position;
      (positions.get(name) ?? []).forEach(({ position }, i) => {
        const x = position < firstShown ? cellX(firstShown) - 8 : cellX(position) + m.cell / 2;
        const y = cellY + m.cellHeight + i * 4;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x - 5, y + 7.5);
        ctx.lineTo(x + 5, y + 7.5);
        ctx.closePath();
        ctx.fill();
      });
    }
  }
}
