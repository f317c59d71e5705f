// Where a message in flight is drawn: a function of the playhead, so pause and scrub are exact.
import type { MessageView } from "../../engine/view";
import { anchorOf, type SceneLayout } from "./layout";
import { API_COLORS } from "./palette";

/** Where a message is at the playhead: on a gentle arc from its sender to its receiver. */
export function flightOf(m: MessageView, layout: SceneLayout, playheadUs: number) {
  const from = anchorOf(layout, m.from, m.to, m.partitionKey);
  const to = anchorOf(layout, m.to, m.from, m.partitionKey);
  const t = Math.min(1, Math.max(0, (playheadUs - m.sentAtUs) / Math.max(1, m.deliverAtUs - m.sentAtUs)));
  // Requests bow up and responses down so a round trip never overlaps itself.
  const bow = m.api.endsWith("Request") ? -40 : 40;
  const cx = (from.x + to.x) / 2;
  const cy = (from.y + to.y) / 2 + bow;
  return {
    from,
    to,
    cx,
    cy,
    x: (1 - t) ** 2 * from.x + 2 * (1 - t) * t * cx + t ** 2 * to.x,
    y: (1 - t) ** 2 * from.y + 2 * (1 - t) * t * cy + t ** 2 * to.y,
    color: API_COLORS[m.api] ?? "#7A7F87",
  };
}
