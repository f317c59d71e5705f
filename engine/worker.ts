// The Web Worker entry: the engine runs here, off the main thread, behind one Comlink API.
import * as Comlink from "comlink";
import { createEngineApi } from "./api";

Comlink.expose(createEngineApi());
