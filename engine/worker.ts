// The Web Worker entry: the engine runs here, off the main thread, behind one Comlink API.
import * as Comlink from "comlink";
import { createEngineApi } from "./api";

// Vite sets import.meta.env.DEV in development builds: check Kafka's invariants after every step there.
const env = (import.meta as { env?: { DEV?: boolean } }).env;
Comlink.expose(createEngineApi({ checkInvariants: env?.DEV === true }));
