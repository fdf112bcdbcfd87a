// GET /api/team/members: the team with roles (team:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listMembers } from "@/lib/team";

export const GET = route({ permission: "team:read" }, async () => ({ members: await listMembers(await getDb()) }));
