// The `?preset=` of every CSV export (one zod enum over the presets of ./presets.ts).
import { z } from "zod";
import { CSV_PRESETS } from "./presets";

export const csvPresetSchema = z.enum(CSV_PRESETS);
