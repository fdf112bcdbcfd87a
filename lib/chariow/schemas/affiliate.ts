// Affiliates and invitations in both shapes (chariow-api.md §6, §8): the seeds' `aff_` object with
// `stats`, the current `saff_` store-affiliate with `account`, and the affiliate.joined Pulse.
import "server-only";
import { z } from "zod";
import { affiliateSourceSchema, affiliateStatusSchema, invitationStatusSchema } from "../enums";
import { countSchema, countrySchema, idSchema, moneySchema, numberSchema, opt, optString, timestampSchema } from "./common";
import { phoneSchema } from "./catalog";

const sourceSchema = z.union([affiliateSourceSchema, z.object({ value: affiliateSourceSchema }).transform((s) => s.value)]);

/** Seeds (002): `{id: "aff_…", code, name, email, commission_rate, status, stats{…}}`. */
const seedsAffiliateSchema = z
  .object({
    id: idSchema,
    code: optString,
    name: optString,
    email: optString,
    commission_rate: opt(numberSchema),
    status: opt(affiliateStatusSchema),
    stats: opt(
      z.object({ total_referrals: opt(countSchema), total_sales: opt(countSchema), total_earnings: opt(moneySchema) }),
    ),
    created_at: opt(timestampSchema),
    updated_at: opt(timestampSchema),
  })
  .transform((a) => ({
    id: a.id,
    storeAffiliateId: a.id.startsWith("saff_") ? a.id : null,
    accountId: a.id.startsWith("saff_") ? null : a.id,
    code: a.code,
    name: a.name,
    email: a.email,
    pseudo: null as string | null,
    country: null as z.output<typeof countrySchema> | null,
    phone: null as string | null,
    status: a.status,
    source: null as z.output<typeof sourceSchema> | null,
    commissionRatePercent: a.commission_rate,
    totalVisits: null as number | null,
    totalReferrals: a.stats?.total_referrals ?? null,
    totalSales: a.stats?.total_sales ?? null,
    totalEarnings: a.stats?.total_earnings ?? null,
    firstVisitAt: null as string | null,
    lastVisitAt: null as string | null,
    suspendedAt: null as string | null,
    suspendedReason: null as string | null,
    joinedAt: null as string | null,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  }));

const accountSchema = z.object({
  id: opt(idSchema),
  code: optString,
  pseudo: optString,
  email: optString,
  name: optString,
  first_name: optString,
  last_name: optString,
  country: opt(countrySchema),
  phone: opt(phoneSchema),
  status: optString,
  user: opt(z.object({ name: optString, email: optString })),
});

/** Current API and the affiliate.joined Pulse: a `saff_` store affiliate wrapping an `aff_` account. */
const storeAffiliateSchema = z
  .object({
    id: idSchema,
    code: optString,
    status: opt(affiliateStatusSchema),
    source: opt(sourceSchema),
    total_visits: opt(countSchema),
    total_sales: opt(countSchema),
    total_earnings: opt(moneySchema),
    commission_rate: opt(numberSchema),
    first_visit_at: opt(timestampSchema),
    last_visit_at: opt(timestampSchema),
    suspended_at: opt(timestampSchema),
    suspended_reason: optString,
    joined_at: opt(timestampSchema),
    account: accountSchema,
    created_at: opt(timestampSchema),
    updated_at: opt(timestampSchema),
  })
  .transform((a) => {
    const acc = a.account;
    const fullName = [acc.first_name, acc.last_name].filter(Boolean).join(" ") || null;
    return {
      id: a.id,
      storeAffiliateId: a.id,
      accountId: acc.id,
      code: a.code ?? acc.code,
      name: acc.name ?? acc.user?.name ?? fullName,
      email: acc.email ?? acc.user?.email ?? null,
      pseudo: acc.pseudo,
      country: acc.country,
      phone: acc.phone ?? null,
      status: a.status,
      source: a.source,
      commissionRatePercent: a.commission_rate,
      totalVisits: a.total_visits,
      totalReferrals: null as number | null,
      totalSales: a.total_sales,
      totalEarnings: a.total_earnings,
      firstVisitAt: a.first_visit_at,
      lastVisitAt: a.last_visit_at,
      suspendedAt: a.suspended_at,
      suspendedReason: a.suspended_reason,
      joinedAt: a.joined_at,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    };
  });

/** Chooses the shape by the presence of `account`, so errors point into the right one. */
export const affiliateSchema = z.unknown().transform((value, ctx) => {
  const hasAccount = value !== null && typeof value === "object" && "account" in value;
  const r = (hasAccount ? storeAffiliateSchema : seedsAffiliateSchema).safeParse(value);
  if (r.success) return r.data as z.output<typeof storeAffiliateSchema>;
  for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});
export type Affiliate = z.output<typeof affiliateSchema>;

export const invitationSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    status: opt(invitationStatusSchema),
    expires_at: opt(timestampSchema),
    created_at: opt(timestampSchema),
  })
  .transform((i) => ({ id: i.id, email: i.email, status: i.status, expiresAt: i.expires_at, createdAt: i.created_at }));
export type Invitation = z.output<typeof invitationSchema>;

const emailList = opt(z.array(z.string())).transform((v) => v ?? []);

/** Seeds: `{invitations, skipped{already_affiliate, already_invited}}`; OpenAPI: a plain array (§6). */
export const invitationDataSchema = z.union([
  z.array(invitationSchema).transform((invitations) => ({ invitations, skipped: null })),
  z.object({
    invitations: z.array(invitationSchema),
    skipped: opt(z.object({ already_affiliate: emailList, already_invited: emailList })).transform(
      (s) => s && { alreadyAffiliate: s.already_affiliate, alreadyInvited: s.already_invited },
    ),
  }),
]);
