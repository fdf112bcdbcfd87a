// The web app manifest (issue 18, docs/offline.md): what a phone needs to put the dashboard on its home
// screen — names in the member's language (the locale cookie), the icons of public/icons (192, 512 and a
// maskable 512), standalone display opening on the Overview, and the brand colours. The page's own
// `theme-color` (app/layout.tsx's viewport) follows light and dark; a manifest has one colour of each kind.
import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";
import { BRAND_BLUE, LIGHT_BACKGROUND } from "@/lib/pwa/colours";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("app");
  return {
    id: "/overview",
    name: t("name"),
    short_name: t("shortName"),
    description: t("description"),
    start_url: "/overview",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: BRAND_BLUE,
    background_color: LIGHT_BACKGROUND,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
