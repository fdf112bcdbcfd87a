// A whole "not built yet" page: the section's title and description, then the honest placeholder.
import { useTranslations } from "next-intl";
import type { NavKey } from "@/config/nav";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export function ComingSoonPage({ section }: { section: NavKey }) {
  const t = useTranslations(`pages.${section}`);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComingSoon />
    </>
  );
}
