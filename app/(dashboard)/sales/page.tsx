// The sales section (DESIGN §3). Not built yet: the page exists, is guarded, and says "coming soon".
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoonPage } from "@/components/layout/coming-soon-page";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.sales"))("title") };
}

export default async function SalesPage() {
  await requirePermission("sales:read");
  return <ComingSoonPage section="sales" />;
}
