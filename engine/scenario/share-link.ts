// Share links: the whole run in the URL fragment, so opening the link reproduces the identical run.
//   #s=<base64url(deflate(JSON))>&t=<playhead µs>
// The JSON is `{"v":1,"scenario":…,"commands":[[stepCount, atUs, command], …]}`. Decoding never
// trusts input: size limits before and after inflating (no decompression bombs), JSON parse, the
// scenario decoder (validate → default), each command through the command schema; any failure
// is one clear message and nothing else changes.
import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { commandSchema } from "../commands";
import type { RunRecord } from "../timeline";
import { decodeScenario, formatZodIssues } from "./decode";

/**
 * 2: commands are anchored at step counts of an engine that cancels pointless timers. A version-1
 * link counted those timers as steps; it still opens, replayed with them (`RunRecord.legacySteps`).
 */
export const SHARE_LINK_VERSION = 2;
/** Longest fragment accepted (browsers keep far longer URLs; past this it is not a link of ours). */
export const SHARE_LINK_CHARS_MAX = 200_000;
/** Largest inflated payload accepted. */
export const SHARE_PAYLOAD_BYTES_MAX = 2_000_000;
export const SHARE_COMMANDS_MAX = 5_000;

export type ShareLinkResult =
  | { ok: true; record: RunRecord; playheadUs: number }
  | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflates with a running size check, so a tiny link cannot expand into gigabytes. */
function inflateBounded(bytes: Uint8Array): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > SHARE_PAYLOAD_BYTES_MAX) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    inflater.push(bytes, true);
  } catch {
    return "the link's data is corrupted (it does not decompress)";
  }
  if (tooBig) return `the link's data is larger than ${SHARE_PAYLOAD_BYTES_MAX} bytes once decompressed`;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function encodeShareFragment(record: RunRecord, playheadUs: number): string {
  const payload = {
    // A run opened from a version-1 link keeps its step anchors, so it is shared as version 1.
    v: record.legacySteps ? 1 : SHARE_LINK_VERSION,
    scenario: record.scenario,
    commands: record.commands.map((c) => [c.stepCount, c.atUs, c.command]),
  };
  const packed = toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
  return `s=${packed}&t=${Math.max(0, Math.round(playheadUs))}`;
}

function decodeCommands(raw: unknown): RunRecord["commands"] | string {
  if (!Array.isArray(raw)) return "commands: expected a list";
  if (raw.length > SHARE_COMMANDS_MAX) return `commands: more than ${SHARE_COMMANDS_MAX}`;
  const out: RunRecord["commands"] = [];
  for (const [i, entry] of raw.entries()) {
    if (!Array.isArray(entry) || entry.length !== 3)
      return `commands[${i}]: expected [stepCount, atUs, command]`;
    const [stepCount, atUs, command] = entry as [unknown, unknown, unknown];
    if (!Number.isSafeInteger(stepCount) || (stepCount as number) < 0)
      return `commands[${i}]: bad step count`;
    if (!Number.isSafeInteger(atUs) || (atUs as number) < 0) return `commands[${i}]: bad time`;
    const previous = out[out.length - 1];
    if (previous && ((stepCount as number) < previous.stepCount || (atUs as number) < previous.atUs)) {
      return `commands[${i}]: out of order`;
    }
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) return `commands[${i}]: ${formatZodIssues(parsed.error).join("; ")}`;
    out.push({ stepCount: stepCount as number, atUs: atUs as number, command: parsed.data });
  }
  return out;
}

function decodePayload(value: unknown, playheadUs: number): ShareLinkResult {
  if (typeof value !== "object" || value === null) return { ok: false, error: "the link holds no run" };
  const { v, scenario, commands } = value as { v?: unknown; scenario?: unknown; commands?: unknown };
  if (typeof v === "number" && v > SHARE_LINK_VERSION) {
    return { ok: false, error: `the link was made by a newer Topicscope (link version ${v})` };
  }
  if (v !== 1 && v !== SHARE_LINK_VERSION) return { ok: false, error: "the link has no valid version" };
  const decoded = decodeScenario(scenario);
  if (!decoded.ok)
    return { ok: false, error: `the link's scenario is invalid: ${decoded.errors.join("; ")}` };
  const decodedCommands = decodeCommands(commands);
  if (typeof decodedCommands === "string") return { ok: false, error: `the link's ${decodedCommands}` };
  const record: RunRecord = { scenario: decoded.scenario, commands: decodedCommands };
  if (v === 1) record.legacySteps = true;
  return { ok: true, record, playheadUs };
}

/** Decodes a URL, a fragment (`#s=…&t=…`) or its parameters; every failure becomes a message. */
export function decodeShareLink(link: string): ShareLinkResult {
  try {
    if (link.length > SHARE_LINK_CHARS_MAX)
      return { ok: false, error: "the link is too long to be a Topicscope link" };
    const fragment = link.includes("#") ? link.slice(link.indexOf("#") + 1) : link;
    const params = new URLSearchParams(fragment);
    const packed = params.get("s");
    if (packed === null || packed === "") return { ok: false, error: "the link has no scenario (#s=…)" };
    const t = params.get("t");
    const playheadUs = t === null ? 0 : Number(t);
    if (!Number.isSafeInteger(playheadUs) || playheadUs < 0)
      return { ok: false, error: "the link's time (t=) is not valid" };
    const bytes = fromBase64Url(packed);
    if (!bytes) return { ok: false, error: "the link is damaged (its data is not base64url)" };
    const inflated = inflateBounded(bytes);
    if (typeof inflated === "string") return { ok: false, error: inflated };
    let value: unknown;
    try {
      value = JSON.parse(strFromU8(inflated));
    } catch {
      return { ok: false, error: "the link is damaged (its data is not JSON)" };
    }
    return decodePayload(value, playheadUs);
  } catch (error) {
    // Anything unforeseen still becomes a message: a link must never crash the app.
    return {
      ok: false,
      error: `the link could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
