"use client";
// "Export CSV" for any table (rendered by the table's `exportControl`): the same filters as the view, the member's preset (Excel French / standard).
// The file is streamed and counted as it arrives so a large export shows its progress (rows received
// of the filter's total); past DIRECT_DOWNLOAD_ROWS the browser downloads it itself instead, so a
// million-row file never sits in the page's memory (the browser's download bar shows progress then).
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";

const DIRECT_DOWNLOAD_ROWS = 200_000;

export type ExportButtonProps = {
  /** The export URL without a preset (`/api/sales/export.csv?status=failed`). */
  href: string;
  /** Rows the filter holds, when known: drives the progress bar. */
  expectedRows: number | null;
  defaultPreset: "excel-fr" | "standard";
  filename: string;
};

function withPreset(href: string, preset: string): string {
  return `${href}${href.includes("?") ? "&" : "?"}preset=${preset}`;
}

function triggerDownload(url: string, filename: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ExportButton({ href, expectedRows, defaultPreset, filename }: ExportButtonProps) {
  const t = useTranslations("Export");
  // Two tables with an export can share a page (Settlements: payouts and a payout's sales): one id each.
  const presetId = useId();
  const [preset, setPreset] = useState(defaultPreset);
  const [progress, setProgress] = useState<{ rows: number } | null>(null);
  const [failed, setFailed] = useState(false);

  async function run() {
    const url = withPreset(href, preset);
    setFailed(false);
    if (expectedRows !== null && expectedRows > DIRECT_DOWNLOAD_ROWS) {
      triggerDownload(url, filename);
      return;
    }
    setProgress({ rows: 0 });
    try {
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lineBreaks = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        // Records end with CRLF; counting LF bytes is close enough for a progress bar.
        for (let i = 0; i < value.length; i++) if (value[i] === 10) lineBreaks++;
        setProgress({ rows: Math.max(0, lineBreaks - 1) });
      }
      const blob = new Blob(chunks as BlobPart[], { type: "text/csv;charset=utf-8" });
      const objectUrl = URL.createObjectURL(blob);
      triggerDownload(objectUrl, filename);
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }

  const percent = progress && expectedRows ? (progress.rows / Math.max(1, expectedRows)) * 100 : 0;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="export">
      <label className="sr-only" htmlFor={presetId}>
        {t("preset")}
      </label>
      <select
        id={presetId}
        value={preset}
        onChange={(e) => setPreset(e.target.value as typeof preset)}
        className="min-h-11 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        data-testid="export-preset"
      >
        <option value="excel-fr">{t("presetExcelFr")}</option>
        <option value="standard">{t("presetStandard")}</option>
      </select>
      {/* A real link before JavaScript has loaded (the browser downloads the file in the member's default
          preset); after hydration the click streams it with progress instead. */}
      <a
        href={withPreset(href, preset)}
        download={filename}
        className={buttonClass("secondary", progress !== null ? "pointer-events-none opacity-60" : "")}
        aria-disabled={progress !== null ? true : undefined}
        onClick={(event) => {
          event.preventDefault();
          if (progress === null) void run();
        }}
        data-testid="export-button"
      >
        <Download aria-hidden className="size-4" />
        {progress ? t("exporting") : t("button")}
      </a>
      {progress ? (
        <div className="flex min-w-48 flex-col gap-1" data-testid="export-progress">
          <ProgressBar percent={percent} label={t("progressLabel")} />
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{expectedRows ? t("progress", { rows: progress.rows, total: expectedRows }) : t("progressUnknown", { rows: progress.rows })}</span>
        </div>
      ) : null}
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("failed")}
        </span>
      ) : null}
    </div>
  );
}
