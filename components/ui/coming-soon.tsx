// The honest placeholder for a page whose feature has not shipped yet: says so, shows no fake data.
import { Construction } from "lucide-react";
import { useTranslations } from "next-intl";

export function ComingSoon() {
  const t = useTranslations("comingSoon");
  return (
    <section
      data-testid="coming-soon"
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700"
    >
      <Construction aria-hidden className="size-8 text-zinc-400" />
      <h2 className="text-lg font-medium text-zinc-900 dark:text-zinc-100">{t("title")}</h2>
      <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
    </section>
  );
}
