// The 403 page: shown (with HTTP 403) when a signed-in member opens a page their role may not use.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <main data-testid="forbidden" className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-bold text-zinc-500 dark:text-zinc-400">403</p>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
