// Public API of the producer partitioners; see README.md for the contract.

export * from "./adaptive-load-stats.ts";
export * from "./built-in-partitioner.ts";
export * from "./explain.ts";
export * from "./hashes.ts";
export * from "./key-bytes.ts";
export * from "./key-partitioning.ts";
export * from "./librdkafka-partitioner.ts";
export * from "./names.ts";
export * from "./partitioner.ts";
export * from "./round-robin-partitioner.ts";
export * from "./types.ts";
