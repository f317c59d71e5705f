// What part of the scene the stage shows, kept current as it scrolls, resizes or zooms: the
// windowed consumer cards, the compact logs' canvas and the dense messages' canvas all follow it.
// Both canvases cover only that part, at the screen's resolution (prepareCanvas).
import { useLayoutEffect, useRef, useState } from "react";
import { SCENE_WIDTH } from "./layout";

/** The largest canvas backing store the scene makes (a 4k screen's worth), whatever the zoom. */
const MAX_CANVAS_PIXELS = 4096 * 2160;

/** The stage's visible part in scene units (y from the scene's top), and CSS pixels per unit. */
export interface Shown {
  top: number;
  height: number;
  scale: number;
}

function shownPart(svg: SVGSVGElement, stage: Element): Shown | null {
  const shown = stage.getBoundingClientRect();
  const drawn = svg.getBoundingClientRect();
  if (drawn.width === 0) return null;
  const scale = drawn.width / SCENE_WIDTH;
  return { top: (shown.top - drawn.top) / scale, height: shown.height / scale, scale };
}

/**
 * Calls `onShown` with the stage's visible part now and whenever the stage scrolls or the stage or
 * the scene resizes (at most once per animation frame). `inside` is the scene's SVG or any element
 * in it.
 */
export function useStageWatch(
  inside: Element | null,
  enabled: boolean,
  onShown: (shown: Shown) => void,
): void {
  const callback = useRef(onShown);
  callback.current = onShown;
  useLayoutEffect(() => {
    const svg = inside instanceof SVGSVGElement ? inside : inside?.closest("svg");
    if (!svg || !enabled) return;
    const stage = svg.closest(".stage") ?? document.documentElement;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const shown = shownPart(svg, stage);
      if (shown) callback.current(shown);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    stage.addEventListener("scroll", schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(stage);
    observer.observe(svg);
    return () => {
      stage.removeEventListener("scroll", schedule);
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [inside, enabled]);
}

/** The stage's visible part, as seen from `inside`; null until it has been measured. */
export function useShown(inside: Element | null): Shown | null {
  const [shown, setShown] = useState<Shown | null>(null);
  useStageWatch(inside, true, (next) =>
    setShown((s) =>
      s && s.top === next.top && s.height === next.height && s.scale === next.scale ? s : next,
    ),
  );
  return shown;
}

/**
 * Sizes `canvas` to cover `area` (scene units) at the screen's resolution (within
 * MAX_CANVAS_PIXELS), clears it and returns a context that draws in scene units.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  area: { x: number; y: number; width: number; height: number },
  shown: Shown,
): CanvasRenderingContext2D | null {
  const scale = Math.min(
    shown.scale * (window.devicePixelRatio || 1),
    Math.sqrt(MAX_CANVAS_PIXELS / (area.width * area.height)),
  );
  const width = Math.max(1, Math.round(area.width * scale));
  const height = Math.max(1, Math.round(area.height * scale));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  return ctx;
}
