// npm start's demo simulator knobs: the e2e server can ask for a smaller or faster store, and only
// plain integers pass through to the simulator's command line.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs start-up script; TypeScript has no declaration for it
import { simulatorTuning } from "../../../scripts/start/simulator.mjs";

describe("simulatorTuning", () => {
  it("defaults to the demo's 100 requests a minute and no extra flags", () => {
    expect(simulatorTuning({})).toEqual({ args: [], rateLimit: "100" });
  });

  it("passes integer knobs as flags", () => {
    expect(simulatorTuning({ DEMO_SIMULATOR_SALES: "600", DEMO_SIMULATOR_RATE_LIMIT: "0", DEMO_SIMULATOR_LIVE_INTERVAL: "1000" })).toEqual({
      args: ["--sales", "600", "--live-interval", "1000"],
      rateLimit: "0",
    });
  });

  it("ignores anything that is not a plain integer", () => {
    expect(simulatorTuning({ DEMO_SIMULATOR_SALES: "600; rm -rf /", DEMO_SIMULATOR_RATE_LIMIT: "-5" })).toEqual({ args: [], rateLimit: "100" });
  });
});
