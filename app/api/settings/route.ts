// GET /api/settings: the store connection status (settings:read) — mode, API host, whether a key and a
// Pulse secret are configured. Never the values.
import { route } from "@/lib/http/route";
import { getConnectionStatus } from "@/lib/store/store-info";

export const GET = route({ permission: "settings:read" }, async () => ({ connection: getConnectionStatus() }));
