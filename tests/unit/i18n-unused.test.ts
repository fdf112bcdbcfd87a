// No message outlives its use: a namespace or key that no source file asks for any more (scripts/
// unused-messages.mjs, generous — any string naming the key, or a template over its parent, counts as a
// use) is removed, so the catalogues say only what the pages say and stay small for the client.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script; TypeScript has no declaration for it
import { unusedMessageKeys } from "../../scripts/unused-messages.mjs";

// Kept on purpose: the shared table's sort words (components/data-table, reworked on its own branch).
const KEPT: string[] = [];

describe("message catalogues", () => {
  it("hold no namespace or key that nothing references", () => {
    expect((unusedMessageKeys("fr") as string[]).filter((key) => !KEPT.includes(key))).toEqual([]);
  });
});
