// The contact pieces shared by recovery and downloads: placeholders and the mailto: link.
import { describe, expect, it } from "vitest";
import { fillPlaceholders, mailtoLink } from "@/lib/contact/message-links";

describe("contact message links", () => {
  it("fills given placeholders, empties unknown values, leaves other braces", () => {
    expect(fillPlaceholders("{customer}: {instructions} {other}", { customer: "Awa", instructions: null })).toBe("Awa:  {other}");
  });
  it("encodes address, subject and body, and builds nothing without an address", () => {
    expect(mailtoLink("a+b@x.io", " Accès ", "Ligne 1\nLigne 2 & plus")).toBe("mailto:a%2Bb%40x.io?subject=Acc%C3%A8s&body=Ligne%201%0ALigne%202%20%26%20plus");
    expect(mailtoLink(null, "s", "b")).toBeNull();
  });
});
