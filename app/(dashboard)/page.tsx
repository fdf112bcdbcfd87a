// "/" sends the member to the first section their role may open (support has no overview).
import { redirect } from "next/navigation";
import { NAV_ITEMS } from "@/config/nav";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";

export default async function HomePage() {
  const member = await requireMember();
  const first = NAV_ITEMS.find((item) => can(member.role, item.permission));
  redirect(first?.href ?? "/login");
}
