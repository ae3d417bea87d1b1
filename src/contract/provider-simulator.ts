import { type RunningSim } from "../simulators/sim-server.js";

/** What a provider module's simulator offers the core: a server to start and its demo key. */
export interface ProviderSimulator {
  /** The key the server uses in simulated mode when `<ID>_API_KEY` is unset (full rights). */
  readonly demoKey: string;
  /** Start the simulator on a random loopback port, seeded with its demo data. */
  start(): Promise<RunningSim>;
}
