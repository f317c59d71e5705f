// Errors the engine raises on purpose. A limit being hit is explicit, never a hang or a silent drop.

/** A bounded structure (scheduler, in-flight messages, events per step) reached its limit. */
export class SimLimitError extends Error {
  override readonly name = "SimLimitError";
}

/** An invariant of Kafka's model was broken: a bug in the engine, reported with the step that broke it. */
export class InvariantError extends Error {
  override readonly name = "InvariantError";
}

/** A command that cannot apply to the current state (unknown client, bad argument). */
export class CommandError extends Error {
  override readonly name = "CommandError";
}
