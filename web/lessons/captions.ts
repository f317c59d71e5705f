// Which captions of a lesson have been reached at the current point of the run: a caption bound to
// a time is reached once the clock passes it, one bound to an event once the run has emitted that
// event type n times. Derived from the view alone, so seeking back un-reaches captions exactly.
import type { Caption } from "../../engine/scenario/lesson";
import type { SimView } from "../../engine/view";

export function isReached(caption: Caption, view: SimView): boolean {
  if (caption.atMs !== undefined) return view.nowUs >= caption.atMs * 1000;
  const on = caption.onEvent!;
  return (view.eventTypeCounts[on.type] ?? 0) >= on.nth;
}

/** Indexes of the reached captions, in lesson order. */
export function reachedCaptions(view: SimView): number[] {
  const captions = view.lesson?.captions ?? [];
  return captions.flatMap((caption, i) => (isReached(caption, view) ? [i] : []));
}

/** The next caption bound to a time that pauses the run, after `fromUs`: playback stops exactly there. */
export function nextTimedPauseUs(view: SimView, fromUs: number): number | null {
  let best: number | null = null;
  for (const caption of view.lesson?.captions ?? []) {
    if (!caption.pause || caption.atMs === undefined) continue;
    const atUs = caption.atMs * 1000;
    if (atUs > fromUs && (best === null || atUs < best)) best = atUs;
  }
  return best;
}
