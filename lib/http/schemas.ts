// Shared zod fragments for route inputs, so every handler validates ids, emails and roles the same way.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";

export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(320));
export const roleField = z.enum(ROLES);
export const localeField = z.enum(LOCALES);
export const idParams = z.object({ id: z.string().min(1).max(100) });
export const limitField = z.coerce.number().int().min(1).max(500).default(100);

/** Free text a member may leave empty: trimmed, at most `max` characters; blank or absent → null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
