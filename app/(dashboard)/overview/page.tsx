// The overview section (DESIGN §3). Not built yet: the page exists, is guarded, and says "coming soon".
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoonPage } from "@/components/layout/coming-soon-page";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.overview"))("title") };
}

export default async function OverviewPage() {
  await requirePermission("analytics:read");
  return <ComingSoonPage section="overview" />;
}
