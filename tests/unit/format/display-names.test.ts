// Countries and Chariow's `context.locale` in words, by the runtime's CLDR data.
import { describe, expect, it } from "vitest";
import { countryName, localeName } from "@/lib/format/display-names";

describe("display names", () => {
  it("names a country in the member's language", () => {
    expect(countryName("BJ", "fr")).toBe("Bénin");
    expect(countryName("BJ", "en")).toBe("Benin");
    expect(countryName("ci", "fr")).toBe("Côte d’Ivoire");
    expect(countryName("CM", "en")).toBe("Cameroon");
  });

  it("names Chariow's underscore locales", () => {
    expect(localeName("fr_BJ", "fr")).toBe("français (Bénin)");
    expect(localeName("fr_BJ", "en")).toBe("French (Benin)");
    expect(localeName("en_US", "fr")).toBe("anglais (États-Unis)");
  });

  it("gives back what it cannot read, never throws", () => {
    expect(countryName("Bénin", "fr")).toBe("Bénin");
    expect(countryName("", "fr")).toBe("");
    expect(countryName(null, "fr")).toBe("");
    expect(localeName("not a locale!", "fr")).toBe("not a locale!");
    expect(localeName("xx_YY", "fr")).toBe("xx_YY");
  });
});
