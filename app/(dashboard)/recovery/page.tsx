// The recovery section (DESIGN §3). Not built yet: the page exists, is guarded, and says "coming soon".
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoonPage } from "@/components/layout/coming-soon-page";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.recovery"))("title") };
}

export default async function RecoveryPage() {
  await requirePermission("recovery:read");
  return <ComingSoonPage section="recovery" />;
}
