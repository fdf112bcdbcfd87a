"use client";
// What the customer's operator says about a "charged but sale failed" case: the operator reference and/or
// the SMS text, the amount and currency debited, the day (and time) debited, a note. Opens a case from the
// failed sale's page (POST /api/payment-cases, then the case's page) or edits it on the case's page
// (PATCH). The server validates (lib/payment-cases/schemas.ts); a refused field is named by the API and
// shown under that field in the member's language. No zod here: it would weigh on the page's first load.
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { inputClass, labelClass, selectClass } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/http/api-client";

export type CaseFormValues = {
  operatorReference: string;
  smsText: string;
  amountDebited: string;
  currency: string;
  debitedOn: string;
  debitedTime: string;
  note: string;
};

const FIELDS = ["operatorReference", "smsText", "amountDebited", "currency", "debitedOn", "debitedTime", "note"] as const;
type FieldName = (typeof FIELDS)[number];

type Props = {
  /** "open": a new case for `saleId`; "edit": the case `caseId`. */
  mode: { kind: "open"; saleId: string } | { kind: "edit"; caseId: string };
  initial: CaseFormValues;
  /** The currencies offered (the sale's, and its payment's when it differs). */
  currencies: string[];
  /** Today in the store's time zone: the latest day debited. */
  maxDay: string;
};

type Outcome = { kind: "saved" } | { kind: "field"; field: FieldName } | { kind: "alreadyOpen"; caseId: string | null } | { kind: "saleNotFailed" } | { kind: "error"; error: unknown };

export function CaseFieldsForm({ mode, initial, currencies, maxDay }: Props) {
  const t = useTranslations("PaymentCases.form");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const set = (field: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const prefix = mode.kind === "open" ? "open-case" : "edit-case";
  const fieldError = (field: FieldName) => (outcome?.kind === "field" && outcome.field === field ? t(`errors.${field}`) : null);
  const describedBy = (field: FieldName, hint: boolean) => [hint ? `${prefix}-${field}-hint` : null, fieldError(field) ? `${prefix}-${field}-error` : null].filter(Boolean).join(" ") || undefined;

  const submit = async () => {
    setBusy(true);
    setOutcome(null);
    const body = { ...values, debitedTime: values.debitedTime || null };
    try {
      if (mode.kind === "open") {
        const res = await apiFetch<{ case: { id: string } }>("/api/payment-cases", { method: "POST", body: { saleId: mode.saleId, ...body } });
        router.push(`/payments/cases/${encodeURIComponent(res.case.id)}`);
        return;
      }
      await apiFetch(`/api/payment-cases/${encodeURIComponent(mode.caseId)}`, { method: "PATCH", body });
      setOutcome({ kind: "saved" });
      router.refresh();
    } catch (error) {
      setOutcome(outcomeOf(error));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, control: ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${prefix}-${name}`} className={labelClass}>
        {label}
      </label>
      {control}
      {hint ? (
        <p id={`${prefix}-${name}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {fieldError(name) ? (
        <p id={`${prefix}-${name}-error`} className="text-sm text-red-700 dark:text-red-300" data-testid={`case-error-${name}`}>
          {fieldError(name)}
        </p>
      ) : null}
    </div>
  );
  const input = (name: FieldName, extra: Record<string, unknown> = {}, hint = false) => (
    <input id={`${prefix}-${name}`} name={name} className={inputClass} value={values[name]} onChange={set(name)} aria-invalid={fieldError(name) ? true : undefined} aria-describedby={describedBy(name, hint)} {...extra} />
  );

  return (
    <form
      className="space-y-4"
      data-testid={`${prefix}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {field("operatorReference", t("operatorReference"), input("operatorReference", { maxLength: 120, autoComplete: "off" }, true), t("operatorReferenceHint"))}
      {field(
        "smsText",
        t("smsText"),
        <textarea id={`${prefix}-smsText`} name="smsText" rows={4} maxLength={2000} className={inputClass} value={values.smsText} onChange={set("smsText")} aria-invalid={fieldError("smsText") ? true : undefined} aria-describedby={describedBy("smsText", true)} />,
        t("smsTextHint"),
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("amountDebited", t("amountDebited"), input("amountDebited", { inputMode: "decimal", maxLength: 30, required: true, autoComplete: "off" }))}
        {field(
          "currency",
          t("currency"),
          <select id={`${prefix}-currency`} name="currency" className={selectClass} value={values.currency} onChange={set("currency")} aria-invalid={fieldError("currency") ? true : undefined} aria-describedby={describedBy("currency", false)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>,
        )}
        {field("debitedOn", t("debitedOn"), input("debitedOn", { type: "date", max: maxDay, required: true }))}
        {field("debitedTime", t("debitedTime"), input("debitedTime", { type: "time" }))}
      </div>
      {field(
        "note",
        t("note"),
        <textarea id={`${prefix}-note`} name="note" rows={3} maxLength={2000} className={inputClass} value={values.note} onChange={set("note")} aria-invalid={fieldError("note") ? true : undefined} aria-describedby={describedBy("note", false)} />,
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={busy} data-testid={`${prefix}-submit`}>
          {busy ? t("sending") : mode.kind === "open" ? t("submit") : t("save")}
        </button>
        <FormOutcome outcome={outcome} />
      </div>
    </form>
  );
}

/** The 409's `caseId` (lib/payment-cases caseAlreadyOpenResponse): the case to link to instead. */
function existingCaseId(body: unknown): string | null {
  const id = typeof body === "object" && body !== null ? (body as { caseId?: unknown }).caseId : undefined;
  return typeof id === "string" && id !== "" ? id : null;
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError) {
    if (error.code === "case_already_open") return { kind: "alreadyOpen", caseId: existingCaseId(error.body) };
    if (error.code === "sale_not_failed") return { kind: "saleNotFailed" };
    const name = error.field?.split(".")[0];
    if (error.status === 400 && name && (FIELDS as readonly string[]).includes(name)) return { kind: "field", field: name as FieldName };
  }
  return { kind: "error", error };
}

function FormOutcome({ outcome }: { outcome: Outcome | null }) {
  const t = useTranslations("PaymentCases");
  if (!outcome || outcome.kind === "field") return null;
  const tone = outcome.kind === "saved" ? "" : "text-red-700 dark:text-red-300";
  return (
    <p role={outcome.kind === "saved" ? "status" : "alert"} className={`text-sm ${tone}`} data-testid="case-form-outcome">
      {outcome.kind === "saved" ? t("form.saved") : null}
      {outcome.kind === "saleNotFailed" ? t("form.errors.saleNotFailed") : null}
      {outcome.kind === "alreadyOpen" ? (
        <>
          {t("form.errors.alreadyOpen")}{" "}
          {outcome.caseId ? (
            <Link href={`/payments/cases/${encodeURIComponent(outcome.caseId)}`} className="inline-flex min-h-11 items-center underline">
              {t("saleDetail.viewCase")}
            </Link>
          ) : null}
        </>
      ) : null}
      {outcome.kind === "error" ? <ErrorText error={outcome.error} /> : null}
    </p>
  );
}
