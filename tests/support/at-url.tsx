// Puts an element at a URL for a server-HTML render (tests/support/render.tsx): the pathname and query a
// client island reads through usePathname / useSearchParams, as Next provides them in a page.
import type { ReactElement } from "react";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";

export function atUrl(url: string, element: ReactElement): ReactElement {
  const parsed = new URL(url, "http://dash.test");
  return (
    <PathnameContext.Provider value={parsed.pathname}>
      <SearchParamsContext.Provider value={parsed.searchParams}>{element}</SearchParamsContext.Provider>
    </PathnameContext.Provider>
  );
}
