// Plain-language sentences for engine events, written for a classroom: what happened, in Kafka's
// words, with the numbers that matter. Events too fine-grained to narrate return null.
import type { DomainEvent } from "../../engine/events";
import { isGroupEvent, narrateGroup } from "./narrate-group";

const READY_REASONS = {
  full: "it is full",
  queuedBehind: "another batch is queued behind it",
  lingerElapsed: "linger.ms elapsed",
  retryBackoffElapsed: "the retry backoff elapsed",
  closing: "the producer is closing, so it sends everything without waiting",
} as const;

const RETENTION_REASONS = {
  logStartOffsetBreach: "log start offset",
  retentionBytes: "retention.bytes",
  retentionMs: "retention.ms",
} as const;

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const brokerName = (actor: string) => actor.replace(/^broker-(\d+)$/, "broker $1");

export type NarrationKind =
  | "produce"
  | "fetch"
  | "metadata"
  | "control"
  | "delivery"
  | "group"
  | "commit"
  | "heartbeat";

const API_WORDS: Record<string, string> = {
  MetadataRequest: "Metadata request",
  MetadataResponse: "Metadata response",
  ProduceRequest: "Produce request",
  ProduceResponse: "Produce response",
  FetchRequest: "Fetch request",
  FetchResponse: "Fetch response",
  ListOffsetsRequest: "ListOffsets request",
  ListOffsetsResponse: "ListOffsets response",
};

export interface Narration {
  kind: NarrationKind;
  text: string;
}

export function narrate(event: DomainEvent): Narration | null {
  if (isGroupEvent(event)) return narrateGroup(event);
  switch (event.type) {
    case "simulationStarted":
      return { kind: "control", text: `Simulation “${event.title}” started (seed ${event.seed}).` };
    case "commandApplied":
      return {
        kind: "control",
        text: `${event.source === "user" ? "You" : "The script"} applied ${event.command.type}.`,
      };
    case "messageSent":
      return null;
    case "messageDelivered":
      return {
        kind: "delivery",
        text: `The ${API_WORDS[event.api] ?? event.api} from ${brokerName(event.from)} reached ${brokerName(event.to)} after ${((event.atUs - event.sentAtUs) / 1000).toFixed(1)} ms.`,
      };
    case "metadataReceived":
      return {
        kind: "metadata",
        text: `${event.clientId} learned the cluster metadata: which broker leads each partition.`,
      };
    case "messageDropped":
      return {
        kind: "control",
        text: `${event.api} from ${event.from} to ${brokerName(event.to)} was lost: ${event.reason}.`,
      };
    case "recordAccumulated": {
      const how =
        event.method === "sticky"
          ? " (no key: the sticky partition)"
          : event.hash !== null
            ? ` (${event.method} hash ${event.hash})`
            : event.method === "explicit"
              ? " (explicit partition)"
              : ` (${event.method})`;
      return {
        kind: "produce",
        text: `${event.producerId} added a record${event.key === null ? " with no key" : ` with key “${event.key}”`} to ${event.newBatch ? "a new batch" : "its batch"} for ${event.topic}-${event.partition}${how}.`,
      };
    }
    case "partitionerSwitched":
      return {
        kind: "produce",
        text:
          event.reason === "stickyBatchSizeReached"
            ? `${event.producerId}'s sticky partitioner moved from ${event.topic}-${event.fromPartition ?? "?"} to ${event.topic}-${event.toPartition} after ${event.producedBytes ?? 0} bytes (batch.size reached).`
            : `${event.producerId}'s sticky partitioner moved to ${event.topic}-${event.toPartition} (sticky.partitioning.linger.ms elapsed).`,
      };
    case "batchSealed":
      return {
        kind: "produce",
        text: `${event.producerId} sealed its batch for ${event.topic}-${event.partition}: ${plural(event.recordCount, "record")}, ${event.sizeBytes} bytes (${event.reason === "full" ? "batch.size reached" : "the next record did not fit"}).`,
      };
    case "batchReady":
      return {
        kind: "produce",
        text: `${event.producerId}'s batch for ${event.topic}-${event.partition} is ready to send: ${READY_REASONS[event.reason]} after ${event.waitedMs.toFixed(1)} ms.`,
      };
    case "bufferExhausted":
      return { kind: "produce", text: `${event.producerId}: ${event.message}` };
    case "sendFailed":
      return {
        kind: "produce",
        text: `${event.producerId}'s send() failed: ${event.exception}: ${event.message}`,
      };
    case "producerIdAssigned":
      return {
        kind: "produce",
        text: `Broker ${event.brokerId} gave ${event.producerId} producer id ${event.kafkaProducerId}, epoch ${event.producerEpoch} (idempotence).`,
      };
    case "duplicateBatchIgnored":
      return {
        kind: "produce",
        text: `Broker ${event.brokerId} recognised a retried batch for ${event.topic}-${event.partition} (sequences ${event.baseSequence}–${event.lastSequence}) and did not append it again: idempotence at work.`,
      };
    case "produceRetried":
      return {
        kind: "produce",
        text: `${event.producerId} will retry its batch for ${event.topic}-${event.partition} (attempt ${event.attempt} failed: ${event.error}) in ${event.backoffMs} ms.`,
      };
    case "produceFailed":
      return {
        kind: "produce",
        text: `${event.producerId}'s send to ${event.topic}-${event.partition} failed: ${event.exception}: ${event.message}`,
      };
    case "recordExpired":
      return {
        kind: "produce",
        text: `${plural(event.recordCount, "record")} for ${event.topic}-${event.partition} expired in ${event.producerId}: ${event.exception}: ${event.message}`,
      };
    case "segmentRolled":
      return {
        kind: "produce",
        text: `Broker ${event.brokerId} rolled a new segment of ${event.topic}-${event.partition} at offset ${event.baseOffset} (${event.reason === "segmentBytes" ? "segment.bytes" : "segment.ms"}).`,
      };
    case "segmentsDeleted":
      return {
        kind: "produce",
        text: `Retention (${RETENTION_REASONS[event.reason]}) deleted ${plural(event.segmentCount, "segment")} of ${event.topic}-${event.partition}; the log now starts at offset ${event.logStartOffset}.`,
      };
    case "offsetOutOfRange":
      return {
        kind: "fetch",
        text: `${event.consumerId}'s position ${event.position} on ${event.topic}-${event.partition} is out of range (the log starts at ${event.logStartOffset}): OFFSET_OUT_OF_RANGE.`,
      };
    case "produceRequestSent": {
      const records = event.batches.reduce((n, b) => n + b.recordCount, 0);
      return {
        kind: "produce",
        text: `${event.producerId} sent a Produce request to broker ${event.brokerId}: ${plural(event.batches.length, "batch", "batches")}, ${plural(records, "record")}.`,
      };
    }
    case "batchAppended": {
      const last = event.baseOffset + event.recordCount - 1;
      const offsets =
        event.recordCount === 1 ? `offset ${event.baseOffset}` : `offsets ${event.baseOffset}–${last}`;
      return {
        kind: "produce",
        text: `Broker ${event.brokerId} appended ${plural(event.recordCount, "record")} to ${event.topic}-${event.partition} at ${offsets}; the log end offset is now ${event.logEndOffset}.`,
      };
    }
    case "produceAcknowledged":
      return {
        kind: "produce",
        text: `Broker ${event.brokerId} acknowledged ${event.producerId}'s request #${event.requestId} (${plural(event.recordCount, "record")}).`,
      };
    case "produceRequestTimedOut":
      return {
        kind: "produce",
        text: `${event.producerId}'s request #${event.requestId} to broker ${event.brokerId} got no answer within request.timeout.ms; retrying.`,
      };
    case "offsetReset":
      return {
        kind: "fetch",
        text:
          event.strategy === "seek"
            ? `${event.consumerId} seeked ${event.topic}-${event.partition} to offset ${event.offset}.`
            : `${event.consumerId} has no position on ${event.topic}-${event.partition}; auto.offset.reset=${event.strategy} puts it at offset ${event.offset}.`,
      };
    case "noOffsetForPartition":
      return {
        kind: "fetch",
        text: `${event.consumerId} has no offset for ${event.topic}-${event.partition} and auto.offset.reset=none: poll() throws NoOffsetForPartitionException.`,
      };
    case "fetchRequestSent":
      return { kind: "fetch", text: `${event.consumerId} sent a Fetch request to broker ${event.brokerId}.` };
    case "fetchResponseReceived":
      return event.recordCount === 0
        ? {
            kind: "fetch",
            text: `Broker ${event.brokerId} had nothing new for ${event.consumerId} within fetch.max.wait.ms.`,
          }
        : {
            kind: "fetch",
            text: `${event.consumerId} received ${plural(event.recordCount, "record")} from broker ${event.brokerId}.`,
          };
    case "fetchRequestTimedOut":
      return {
        kind: "fetch",
        text: `${event.consumerId}'s Fetch to broker ${event.brokerId} timed out; it will fetch again.`,
      };
    case "recordsPolled": {
      const ranges = event.ranges
        .map(
          (r) =>
            `${r.topic}-${r.partition} ${r.toOffset - r.fromOffset === 1 ? r.fromOffset : `${r.fromOffset}–${r.toOffset - 1}`}`,
        )
        .join(", ");
      return {
        kind: "fetch",
        text: `${event.consumerId}'s poll() returned ${plural(event.recordCount, "record")} (${ranges}); its position moves past them.`,
      };
    }
    case "recordsProcessed":
      return {
        kind: "fetch",
        text: `${event.consumerId} finished processing ${plural(event.recordCount, "record")} and calls poll() again.`,
      };
    case "brokerStopped":
      return { kind: "control", text: `Broker ${event.brokerId} stopped: requests sent to it are lost.` };
    case "producerRestarted":
      return {
        kind: "control",
        text:
          event.changedConfigs.length === 0
            ? `${event.producerId} was restarted with the same config.`
            : `${event.producerId} was closed and restarted with new ${event.changedConfigs.join(", ")} (producer configs cannot change on a live client).`,
      };
    case "brokerStarted":
      return { kind: "control", text: `Broker ${event.brokerId} is back.` };
    case "partitionsAdded":
      return {
        kind: "control",
        text: `Topic ${event.topic} now has ${event.to} partitions (was ${event.from}): once clients refresh their metadata, keys map to partitions anew and groups rebalance.`,
      };
    case "topicConfigAltered":
      return {
        kind: "control",
        text: `Topic ${event.topic}'s configs changed (kafka-configs --alter): ${event.changes.map((c) => `${c.key}=${c.value}`).join(", ")}. Segments roll by the new sizes at once; retention applies at the broker's next check (every 5 minutes).`,
      };
    case "producerAdded":
      return {
        kind: "control",
        text: `${event.producerId} was created: it fetches metadata for ${event.topic}, then produces.`,
      };
    case "producerClosing":
      return {
        kind: "produce",
        text: `${event.producerId}.close(): no new records; it sends the ${plural(event.pendingRecords, "queued record")} at once (linger.ms no longer waits) and waits for ${plural(event.inFlightRequests, "request")} in flight.`,
      };
    case "producerClosed":
      return {
        kind: "control",
        text: `${event.producerId} closed: everything it had queued was delivered or failed.`,
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function formatSimTime(us: number): string {
  return `${(us / 1_000_000).toFixed(3)} s`;
}

const QUIET_STEPS: Record<string, string> = {
  produceRecord: "the workload's clock ticked, but no record was due",
  senderWake: "the producer's sender thread woke up; no batch was ready to send",
  produceTimeout: "a request timeout check ran; the response had already arrived",
  initProducerIdTimeout: "an InitProducerId timeout check ran; nothing was waiting",
  retentionCheck: "the broker's retention check ran (log.retention.check.interval.ms); nothing to delete",
  fetchWaitExpired: "a parked Fetch's fetch.max.wait.ms ran out after it had already been answered",
  fetchTimeout: "a Fetch timeout check ran; the response had already arrived",
  consumerWake: "the consumer's application woke up; nothing to do",
  startClient: "a client started",
  deliver: "a message arrived",
  command: "a recorded command was applied",
};

/** For a step whose events say nothing narratable: what the scheduler processed. */
export function narrateQuietStep(kind: string | null): string {
  if (kind === null) return "Nothing is scheduled: the simulation is idle.";
  return `This step changed nothing visible: ${QUIET_STEPS[kind] ?? `a scheduled ${kind} ran`}.`;
}
