// Form controls with their label (and optional hint) so every form looks and reads the same. Inputs and
// selects are at least 44 px tall (touch targets on a phone) and use 16 px text below `sm`, so a phone's
// browser does not zoom in when one gets the focus.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const CONTROL =
  "block min-h-11 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:opacity-60 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export const inputClass = `${CONTROL} placeholder:text-zinc-500 dark:placeholder:text-zinc-400`;
export const selectClass = `${CONTROL} pr-8`;
export const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";
/** A filter bar's label wrapping its control: small muted text above the field. */
export const filterLabelClass = "flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400";

function Labelled({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, hint, id, className = "", ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; id: string }) {
  return (
    <Labelled id={id} label={label} hint={hint}>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} className={`${inputClass} ${className}`} />
    </Labelled>
  );
}

export function SelectField({
  label,
  hint,
  id,
  className = "",
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string; id: string; children: ReactNode }) {
  return (
    <Labelled id={id} label={label} hint={hint}>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select} className={`${selectClass} ${className}`}>
        {children}
      </select>
    </Labelled>
  );
}
