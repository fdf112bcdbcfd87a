"use client";
// Saved views: name the current filter set and reopen it later (per member, stored on the server).
// Opening a view navigates to its query string, so a saved view and a bookmark restore the same state.
// A failed save is said by its error code in the member's language (components/ui/error-text.tsx).
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Trash2 } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { inputClass } from "@/components/ui/field";

export type SavedViewItem = { id: string; name: string; query: string };

export type SavedViewsMenuProps = {
  views: SavedViewItem[];
  basePath: string;
  onSave: (name: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  saving: boolean;
  /** What the last save threw (an ApiError, a failed fetch), shown by its code; null when none. */
  error: unknown;
};

export function SavedViewsMenu({ views, basePath, onSave, onDelete, saving, error }: SavedViewsMenuProps) {
  const t = useTranslations("Sales.views");
  const [name, setName] = useState("");
  return (
    <details className="relative" data-testid="saved-views">
      <summary className={buttonClass("secondary", "cursor-pointer list-none")}>{t("button", { count: views.length })}</summary>
      <div className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] space-y-3 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {views.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p> : null}
        <ul className="space-y-1">
          {views.map((v) => (
            <li key={v.id} className="flex items-center justify-between gap-2">
              <Link prefetch={false} href={`${basePath}?${v.query}`} className="block min-w-0 flex-1 truncate py-3 text-sm text-brand-700 hover:underline dark:text-brand-100" data-testid="saved-view-link">
                {v.name}
              </Link>
              <button type="button" onClick={() => void onDelete(v.id)} aria-label={t("delete", { name: v.name })} className="inline-flex size-11 shrink-0 items-center justify-center rounded-md text-zinc-600 hover:text-red-700 dark:text-zinc-400">
                <Trash2 aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
        <form
          className="flex gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-700"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void onSave(name.trim()).then(() => setName(""));
          }}
        >
          <label className="sr-only" htmlFor="saved-view-name">
            {t("name")}
          </label>
          <input
            id="saved-view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            placeholder={t("namePlaceholder")}
            className={`${inputClass} min-w-0 flex-1`}
            data-testid="saved-view-name"
          />
          <button type="submit" className={buttonClass("primary")} disabled={saving || !name.trim()} data-testid="saved-view-save">
            {t("save")}
          </button>
        </form>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="saved-view-error">
            <ErrorText error={error} />
          </p>
        ) : null}
      </div>
    </details>
  );
}
