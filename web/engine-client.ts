// The only module that constructs the engine Worker. It serializes calls (one request at a time),
// lets the playback loop drop stale frame requests, and turns any worker failure into a visible
// store error with a way to restart from the run's recorded inputs.
import * as Comlink from "comlink";
import type { EngineApi, RunRecord } from "../engine/api";

export type EngineRemote = Comlink.Remote<EngineApi>;

export interface EngineClient {
  /** Runs `task` after every earlier call has finished; rejects if the worker died. */
  call<T>(task: (engine: EngineRemote) => Promise<T>): Promise<T>;
  /** True while a call is queued or running, so frame requests can be skipped instead of piling up. */
  busy(): boolean;
  terminate(): void;
}

export function createEngineClient(onFatal: (message: string) => void): EngineClient {
  // Keep `new URL(...)` inline inside `new Worker(...)`: Vite only bundles the worker that way.
  const worker = new Worker(new URL("../engine/worker.ts", import.meta.url), {
    type: "module",
    name: "engine",
  });
  const engine = Comlink.wrap<EngineApi>(worker);
  let dead = false;
  let pending = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const die = (message: string) => {
    if (dead) return;
    dead = true;
    onFatal(message);
  };
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    die(event.message || "the simulation worker failed to start");
  });
  worker.addEventListener("messageerror", () =>
    die("the simulation worker sent a message that could not be read"),
  );

  return {
    call(task) {
      if (dead) return Promise.reject(new Error("the simulation worker has stopped"));
      pending++;
      const run = queue.then(() => task(engine));
      queue = run
        .catch(() => undefined)
        .finally(() => {
          pending--;
        });
      return run.catch((error: unknown) => {
        die(error instanceof Error ? error.message : String(error));
        throw error;
      });
    },
    busy: () => pending > 0,
    terminate() {
      dead = true;
      engine[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

export type { RunRecord };
