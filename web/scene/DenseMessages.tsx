// More than LABELLED_MAX messages on the wire: each is a colored dot, drawn on a canvas over the
// part of the scene the stage shows. As SVG circles they moved every animation frame, and every
// frame repainted the whole scene under them; the canvas redraws a few hundred dots and nothing
// else. A click still opens a message's details: the scene looks for a dot under the pointer.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { MessageView } from "../../engine/view";
import { inspect } from "../state/ui-actions";
import { flightOf } from "./flight";
import { SCENE_WIDTH, type SceneLayout } from "./layout";
import { prepareCanvas, useShown } from "./stage-watch";

const RADIUS = 7;

interface Props {
  messages: MessageView[];
  layout: SceneLayout;
  playheadUs: number;
}

export function DenseMessages({ messages, layout, playheadUs }: Props) {
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const shown = useShown(canvas);
  // The visible part of the scene, clamped to it, with a dot's margin.
  const top = Math.max(0, (shown?.top ?? 0) - RADIUS);
  const height = Math.max(
    1,
    Math.min(layout.height, (shown?.top ?? 0) + (shown?.height ?? layout.height) + RADIUS) - top,
  );
  const dots = useRef<{ x: number; y: number; message: MessageView }[]>([]);
  useLayoutEffect(() => {
    // Nothing is drawn until the stage has been measured: a canvas the height of a whole dense
    // scene would be hundreds of megapixels.
    if (!canvas || !shown) return;
    const ctx = prepareCanvas(canvas, { x: 0, y: top, width: SCENE_WIDTH, height }, shown);
    if (!ctx) return;
    dots.current = messages.map((message) => {
      const { x, y, color } = flightOf(message, layout, playheadUs);
      if (y >= top - RADIUS && y <= top + height + RADIUS) {
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.arc(x, y, RADIUS, 0, 2 * Math.PI);
        ctx.fill();
      }
      return { x, y, message };
    });
  }, [canvas, messages, layout, playheadUs, shown, top, height]);
  // The canvas lets the pointer through; a click on a dot opens that message's details.
  useEffect(() => {
    const svg = canvas?.closest("svg");
    if (!svg) return;
    const onClick = (event: MouseEvent) => {
      const ctm = svg.getScreenCTM();
      if (!ctm) return;
      const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
      const hit = dots.current.findLast((d) => (d.x - p.x) ** 2 + (d.y - p.y) ** 2 <= (RADIUS + 2) ** 2);
      if (!hit) return;
      event.stopPropagation();
      inspect({ kind: "message", id: String(hit.message.id), message: hit.message });
    };
    svg.addEventListener("click", onClick, { capture: true });
    return () => svg.removeEventListener("click", onClick, { capture: true });
  }, [canvas]);
  return (
    <foreignObject x={0} y={top} width={SCENE_WIDTH} height={height} className="dense-messages">
      <canvas
        ref={setCanvas}
        style={{ width: SCENE_WIDTH, height, display: "block" }}
        data-testid="dense-messages"
        data-count={messages.length}
      />
    </foreignObject>
  );
}
