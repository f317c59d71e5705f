// A lesson turns a scenario into a short class: what you will learn, captions that appear at a
// simulated time or when an event first happens (optionally pausing the run there, so the
// instructor can talk), and a "try this" to end on. Captions are text only: the UI renders them
// as text, never as HTML.
import { z } from "zod";

const text = (max: number) => z.string().min(1).max(max);

export const captionSchema = z
  .object({
    /** Show at this simulated time… */
    atMs: z.number().min(0).optional(),
    /** …or when the n-th event of this type happens (DomainEvent `type`, e.g. "rebalanceCompleted"). */
    onEvent: z
      .object({ type: text(64), nth: z.number().int().min(1).max(10_000).default(1) })
      .strict()
      .optional(),
    text: text(600),
    /** Pause the run when this caption appears. */
    pause: z.boolean().default(false),
  })
  .strict()
  .refine((c) => (c.atMs === undefined) !== (c.onEvent === undefined), {
    message: "a caption needs exactly one of atMs or onEvent",
  });

export const lessonSchema = z
  .object({
    /** What you will learn: one to five short points. */
    learn: z.array(text(300)).min(1).max(5),
    captions: z.array(captionSchema).max(40).default([]),
    tryThis: text(600),
  })
  .strict();

export type Lesson = z.output<typeof lessonSchema>;
export type Caption = z.output<typeof captionSchema>;
