// Renders components to HTML the way the server sends them, before any script runs: the real message
// catalogue (next-intl's provider) and the URL's pathname (Next's own context, which usePathname reads).
// Effects never run in renderToStaticMarkup, so what the HTML holds is what works without JavaScript.
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

/** useRouter() needs a mounted router; rendering never calls it (only a click would). */
const unusedRouter = new Proxy({} as NonNullable<ComponentProps<typeof AppRouterContext.Provider>["value"]>, {
  get: (_target, name) => () => {
    throw new Error(`router.${String(name)} called while rendering`);
  },
});

/** The HTML once everything has rendered (a streamed render: encoding a server action for a form may wait). */
export async function renderServerHtml(element: ReactElement, { locale = "fr", pathname = "/" }: { locale?: Locale; pathname?: string } = {}): Promise<string> {
  const messages = await loadMessages(locale);
  // Its props type wants `children` among them; createElement's third argument gives them.
  const intl = { locale, messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  const stream = await renderToReadableStream(
    createElement(
      NextIntlClientProvider,
      intl,
      createElement(AppRouterContext.Provider, { value: unusedRouter }, createElement(PathnameContext.Provider, { value: pathname }, element)),
    ),
  );
  await stream.allReady;
  return new Response(stream).text();
}
