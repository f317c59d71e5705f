// The headless command line: `npm run --silent sim -- <command> …`. Each subcommand is a pure
// function in engine/cli/ returning its output; this file only does process I/O.
import { runAssignCommand } from "./cli/assign-command";
import { runPartitionCommand } from "./cli/partition-command";
import { runPresetsCommand } from "./cli/presets-command";
import { runRunCommand } from "./cli/run-command";
import type { CliResult } from "./cli/types";

const USAGE = `usage: npm run --silent sim -- <command> [options]

commands:
  run <scenario.json> | --preset <id> | --link '<share link>' [--until-ms N] [--format summary|events|hash]
      run a scenario headless; print the final state, the event log (JSON lines) or its hash
  presets [--base-url URL]
      the preset lessons: [{"id", "title", "shortLink", "shareLink"}, …]
  partition < requests.json
      stdin: [{"function": "murmur2"|"crc32"|"fnv1a", "keyHex": "…", "partitions": N}, …]
      stdout: [{"hash": …, "partition": …}, …] (murmur2 = Java client, crc32/fnv1a = librdkafka)
  partition --key <utf8> | --key-hex <hex> | --null-key  --partitions N [--function F]
      explain which partition each client type picks for one key
  assign < requests.json
      stdin: one request or an array: {"assignor": "range"|"roundrobin"|"sticky"|"cooperative-sticky",
      "topics": [{"name", "partitions"}], "members": [{"memberId", "groupInstanceId", "rackId", "topics",
      "ownedPartitions", "generation"}], "partitionRacks"?: {"t-0": ["r1"]}}
      stdout: {"assignment": {"<memberId>": ["t-0", …]}} per request, what Kafka's assignor returns
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(argv: string[]): Promise<CliResult> {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
      return runRunCommand(rest);
    case "partition":
      return runPartitionCommand(rest, readStdin);
    case "assign":
      return runAssignCommand(rest, readStdin);
    case "presets":
      return runPresetsCommand(rest);
    case undefined:
    case "help":
    case "--help":
      return { stdout: USAGE, stderr: "", exitCode: command === undefined ? 2 : 0 };
    default:
      return { stdout: "", stderr: `unknown command "${command}"\n\n${USAGE}`, exitCode: 2 };
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
