// A payout's state reads the same on every page: the badge's words are Codes.payoutStatus (the words
// module's), not a second copy that drifted ("Due" here, "Upcoming" there); a paid-out one names its day.
import { describe, expect, it } from "vitest";
import { PayoutStatus } from "@/components/settlements/payout-status";
import { renderHtml } from "@/tests/support/render";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/[\u202f\u00a0]/g, " ");

describe("PayoutStatus", () => {
  it("says each state in the words module's words, in French and English", async () => {
    const cases = [
      ["due", "À venir", "Upcoming"],
      ["overdue", "En retard", "Overdue"],
      ["settled", "Versé", "Paid out"],
    ] as const;
    for (const [status, fr, en] of cases) {
      expect(text(await renderHtml(<PayoutStatus status={status} doneAt={null} />, "fr"))).toBe(fr);
      expect(text(await renderHtml(<PayoutStatus status={status} doneAt={null} />, "en"))).toBe(en);
    }
  });

  it("names the day a payout was made, in the store's zone", async () => {
    // 23:30 UTC on 31 March is 1 April in Lagos (UTC+1).
    expect(text(await renderHtml(<PayoutStatus status="settled" doneAt="2026-03-31T23:30:00.000Z" />, "fr", "Africa/Lagos"))).toBe("Versé le 1 avr. 2026");
  });
});
