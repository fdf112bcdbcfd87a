// Where a form may send the member after it is handled (sign-in's `next`, the language switch's way
// back): a path on this site only. `//host` and `/\host` are read by browsers as another origin, so
// they never pass — no open redirect through a crafted link or header.

/** `value` when it is a path of this site, otherwise `fallback`. */
export function safeLocalPath(value: unknown, fallback = "/"): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}

/** The path and query of the page a form was posted from (its Referer), or null when there is none. */
export function pathFromReferer(referer: string | null | undefined): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    const path = `${url.pathname}${url.search}`;
    return safeLocalPath(path, "") || null;
  } catch {
    return null;
  }
}
