// The 404 page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-bold text-zinc-500 dark:text-zinc-400">404</p>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Link href="/" className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
