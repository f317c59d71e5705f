// The services actors use to act on the world: emit an event, send a message, schedule a timer,
// draw randomness. One place, so ordering and bookkeeping (digest, recent events) cannot diverge.
import { updateDigest } from "./core/digest";
import { SimLimitError } from "./core/errors";
import { type ActorId, type NetworkConfig, sendMessage } from "./core/network";
import type { RandomStreams } from "./core/prng";
import { cancel, schedule } from "./core/scheduler";
import { msToUs, type SimTimeUs } from "./core/time";
import type { DomainEvent, DomainEventBody } from "./events";
import { recordProtocolEvent } from "./group/protocol-history";
import type { MessageBody } from "./protocol";
import { RECENT_EVENTS_MAX, type SimState, type TimerPayload } from "./state";

/** An event handler that emits more than this in one step is a runaway loop, not a busy cluster. */
export const EVENTS_PER_STEP_MAX = 100_000;

export interface SimContext {
  readonly state: SimState;
  readonly random: RandomStreams;
  readonly networkConfig: NetworkConfig;
  /** Completes `body` (a fresh object literal, never reused) in place with its index and time. */
  emit(body: DomainEventBody): DomainEvent;
  send(from: ActorId, to: ActorId, body: MessageBody): number;
  /** Schedules a timer `delayUs` from now; returns its sequence number, for `cancel`. */
  at(delayUs: number, payload: TimerPayload): number;
  /** Cancels a timer that has become pointless (its request was answered); a no-op if it already fired. */
  cancel(seq: number | null): void;
  /** Events emitted during the current step (reset by the simulation before each step). */
  stepEvents: DomainEvent[];
}

export function createContext(
  state: SimState,
  random: RandomStreams,
  onEvent: ((event: DomainEvent) => void) | undefined,
): SimContext {
  const networkConfig: NetworkConfig = {
    latencyUs: msToUs(state.scenario.network.latencyMs),
    jitterUs: msToUs(state.scenario.network.jitterMs),
  };
  const ctx: SimContext = {
    state,
    random,
    networkConfig,
    stepEvents: [],
    emit(body) {
      if (ctx.stepEvents.length >= EVENTS_PER_STEP_MAX) {
        throw new SimLimitError(`more than ${EVENTS_PER_STEP_MAX} events in one step`);
      }
      // Every caller passes a fresh object literal: completing it in place (index and time after its
      // own fields, as a spread would order them) saves a copy of every event.
      const completed = body as DomainEventBody & { index: number; atUs: SimTimeUs };
      completed.index = state.eventCount++;
      completed.atUs = state.nowUs;
      const event = completed as DomainEvent;
      state.eventTypeCounts[body.type] = (state.eventTypeCounts[body.type] ?? 0) + 1;
      updateDigest(state.digest, event);
      state.recentEvents.push(event);
      if (state.recentEvents.length > RECENT_EVENTS_MAX * 1.5) {
        state.recentEvents.splice(0, state.recentEvents.length - RECENT_EVENTS_MAX);
      }
      ctx.stepEvents.push(event);
      recordProtocolEvent(state, event);
      onEvent?.(event);
      return event;
    },
    send(from, to, body) {
      const message = sendMessage(
        state.network,
        networkConfig,
        random.stream("network"),
        state.nowUs,
        from,
        to,
        body,
      );
      schedule(state.scheduler, message.deliverAtUs, { type: "deliver", messageId: message.id });
      ctx.emit({
        type: "messageSent",
        messageId: message.id,
        api: body.api,
        from,
        to,
        deliverAtUs: message.deliverAtUs,
      });
      return message.id;
    },
    at(delayUs, payload) {
      return schedule(state.scheduler, (state.nowUs + Math.max(0, Math.round(delayUs))) as SimTimeUs, payload)
        .seq;
    },
    cancel(seq) {
      if (seq !== null) cancel(state.scheduler, seq);
    },
  };
  return ctx;
}

export function brokerActor(brokerId: number): ActorId {
  return `broker-${brokerId}`;
}
