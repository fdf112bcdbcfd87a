// The root document: language from the locale cookie, messages for client components, theme and
// query providers. The CSP nonce minted by proxy.ts is handed to next-themes' inline script.
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { BRAND_BLUE, DARK_BACKGROUND } from "@/lib/pwa/colours";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
    // The home-screen app (app/manifest.ts is linked by Next itself); iOS reads its own tags.
    appleWebApp: { capable: true, title: t("shortName"), statusBarStyle: "default" },
    icons: { apple: "/icons/apple-touch-icon-180.png" },
  };
}

/** The browser's bar in the brand blue by day, the page's own black by night. */
export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: BRAND_BLUE },
    { media: "(prefers-color-scheme: dark)", color: DARK_BACKGROUND },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <NextIntlClientProvider>
          <Providers nonce={nonce}>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
