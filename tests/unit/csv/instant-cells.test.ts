// The export's instants (lib/csv/cells.ts formatInstantInZone) against Intl itself, instant by instant:
// every hour of four years in zones with and without summer time — Paris and New York (spring/autumn
// changes), Casablanca (summer time suspended every Ramadan), Abidjan (always UTC+0), and zones whose
// offset is not whole hours (Kathmandu +05:45, St John's −03:30, Lord Howe's half-hour summer time). The
// expected text is built from Intl's parts of that very instant, not from the code's per-quarter cache.
import { describe, expect, it } from "vitest";
import { formatInstantInZone } from "@/lib/csv/cells";
import { rng } from "@/tests/factories/rng";

const ZONES = ["Europe/Paris", "America/New_York", "Africa/Casablanca", "Africa/Abidjan", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe"];
const HOUR = 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DDTHH:MM:SS.sss±HH:MM" (or "Z") of `epoch` in `zone`, from Intl's parts of that instant. */
function expectedByIntl(epoch: number, formatter: Intl.DateTimeFormat): string {
  const p = Object.fromEntries(formatter.formatToParts(epoch).map((x) => [x.type, x.value]));
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wallAsUtc - Math.floor(epoch / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const suffix = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${pad(((epoch % 1000) + 1000) % 1000, 3)}${suffix}`;
}

function intlOf(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

describe("instants in a zone, as Intl writes them", () => {
  for (const zone of ZONES) {
    it(`${zone}: the first and last millisecond of every hour of 2022–2025, and one random instant in it`, () => {
      const formatter = intlOf(zone);
      const random = rng(17);
      const mismatches: string[] = [];
      for (let hour = Date.UTC(2022, 0, 1); hour < Date.UTC(2026, 0, 1); hour += HOUR) {
        for (const epoch of [hour, hour + HOUR - 1, hour + Math.floor(random.next() * HOUR)]) {
          const iso = new Date(epoch).toISOString();
          const got = formatInstantInZone(iso, zone);
          if (got !== expectedByIntl(epoch, formatter) && mismatches.length < 5) mismatches.push(`${iso}: ${got} ≠ ${expectedByIntl(epoch, formatter)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("writes the same instant the same way whatever order the quarters are first seen in", () => {
    // The per-quarter cache is filled by whichever instant comes first: a late and an early instant of
    // the same quarter, in both orders, across Paris' spring change.
    for (const [a, b] of [
      ["2024-03-31T00:59:59.999Z", "2024-03-31T00:45:00.000Z"],
      ["2024-03-31T01:14:59.999Z", "2024-03-31T01:00:00.000Z"],
    ]) {
      const formatter = intlOf("Europe/Paris");
      expect(formatInstantInZone(a, "Europe/Paris")).toBe(expectedByIntl(Date.parse(a), formatter));
      expect(formatInstantInZone(b, "Europe/Paris")).toBe(expectedByIntl(Date.parse(b), formatter));
    }
  });

  it("reads other shapes of ISO text as before: normalised to the millisecond, or given back when not a date", () => {
    const paris = intlOf("Europe/Paris");
    expect(formatInstantInZone("2026-03-29T01:30:00Z", "Europe/Paris")).toBe(expectedByIntl(Date.parse("2026-03-29T01:30:00Z"), paris));
    expect(formatInstantInZone("2026-03-29T03:30:00.5+02:00", "Europe/Paris")).toBe(expectedByIntl(Date.parse("2026-03-29T01:30:00.500Z"), paris));
    expect(formatInstantInZone("2026-03-29T01:30:00.123456Z", "Europe/Paris")).toBe("2026-03-29T03:30:00.123+02:00");
    // The canonical shape with an impossible date is not a date: given back as stored.
    for (const bad of ["2026-02-30T10:00:00.000Z", "2025-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-01-01T25:00:00.000Z", "2026-01-01T10:60:00.000Z", "2026-01-01T10:00:6x.000Z", "not a date"]) {
      expect(formatInstantInZone(bad, "Europe/Paris")).toBe(Number.isNaN(Date.parse(bad)) ? bad : expectedByIntl(Date.parse(bad), paris));
    }
    expect(formatInstantInZone("2024-02-29T23:30:00.000Z", "Europe/Paris")).toBe("2024-03-01T00:30:00.000+01:00");
    expect(formatInstantInZone("2024-02-29T23:30:00.000Z", "UTC")).toBe("2024-02-29T23:30:00.000Z");
  });
});
