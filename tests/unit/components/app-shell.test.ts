// The dashboard shell as the server sends it, before any JavaScript: every section the role may open is
// a link with its address, the current one is marked, the phone's bottom bar holds the role's four most
// used sections, and "More" opens the navigation sheet through the HTML popover attribute alone.
import { createElement, type ComponentProps, type FunctionComponent } from "react";
import { describe, expect, it, vi } from "vitest";
import { AppShell } from "@/components/layout/app-shell";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { THEME_ICONS } from "@/components/layout/theme-switch-icons";
import { UserMenu } from "@/components/layout/user-menu";
import { NAV_ITEMS, phoneTabs } from "@/config/nav";
import { can, type Role } from "@/lib/auth/permissions";
import { renderServerHtml } from "@/tests/support/render-shell";
import { serverReference } from "@/tests/support/server-reference";

// What Next's bundler does to a "use server" import in a client component (tests/support/server-reference.ts).
vi.mock("@/lib/i18n/set-locale-action", async () => {
  const { serverReference: ref } = await import("@/tests/support/server-reference");
  return { setLocaleAction: ref("setLocaleAction"), setLocaleFromForm: ref("setLocaleFromForm") };
});

function shell(role: Role, pathname: string) {
  const navItems = NAV_ITEMS.filter((item) => can(role, item.permission));
  const footer = createElement(
    "div",
    null,
    createElement(UserMenu, { user: { email: "awa@example.com", name: "Awa", role }, signOutAction: serverReference("signOutAction") }),
    createElement(LanguageSwitch),
    createElement(ThemeSwitch, { icons: THEME_ICONS }),
  );
  const props: Omit<ComponentProps<typeof AppShell>, "children"> = {
    navItems,
    phoneTabs: phoneTabs(navItems),
    brand: createElement("p", null, "Boutique Awa"),
    sidebarFooter: footer,
    topbar: createElement("span", null, "top"),
  };
  // Its props type makes `children` required, which createElement's third argument gives (the lint rule).
  const Shell = AppShell as FunctionComponent<typeof props>;
  const element = createElement(Shell, props, createElement("h1", null, "Page"));
  return renderServerHtml(element, { pathname });
}

/** The part of the HTML between an element's opening tag (found by `marker`) and its closing tag. */
function section(html: string, marker: string, tag: string): string {
  const start = html.indexOf(marker);
  expect(start, marker).toBeGreaterThanOrEqual(0);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(html.lastIndexOf(`<${tag}`, start), end);
}

/** [href, current?] of each link in `html`, in order. */
function links(html: string): Array<[string, boolean]> {
  return [...html.matchAll(/<a\b([^>]*)>/g)].map((m) => [/href="([^"]*)"/.exec(m[1]!)![1]!, /aria-current="page"/.test(m[1]!)]);
}

describe("the shell's navigation before JavaScript", () => {
  it("lists every section an owner may open as a link, the current section (a sale's page) marked", async () => {
    const html = await shell("owner", "/sales/s_123");
    const drawer = section(html, 'id="nav-drawer"', "aside");
    expect(links(drawer)).toEqual([
      ["/overview", false],
      ["/sales", true],
      ["/revenue", false],
      ["/payments", false],
      ["/payments/cases", false],
      ["/settlements", false],
      ["/recovery", false],
      ["/orders", false],
      ["/downloads", false],
      ["/licences", false],
      ["/affiliates", false],
      ["/team", false],
      ["/settings", false],
    ]);
  });

  it("shows support only its own sections (no overview, payouts, team or settings)", async () => {
    const drawer = section(await shell("support", "/recovery"), 'id="nav-drawer"', "aside");
    expect(links(drawer)).toEqual([
      ["/sales", false],
      ["/payments/cases", false],
      ["/recovery", true],
      ["/orders", false],
      ["/downloads", false],
      ["/licences", false],
    ]);
  });

  it("opens and closes the phone's sheet with popover attributes, no script involved", async () => {
    const html = await shell("marketing", "/overview");
    expect(html).toMatch(/<aside id="nav-drawer" popover="auto"/);
    // HTML attribute names are case-insensitive: React writes popoverTarget, the browser reads popovertarget.
    const bar = section(html, 'data-testid="phone-tab-bar"', "nav");
    expect(bar).toMatch(/<button type="button" popovertarget="nav-drawer"[^>]*>.*Plus<\/span><\/button>/i);
    const drawer = section(html, 'id="nav-drawer"', "aside");
    expect(drawer).toMatch(/<button type="button" popovertarget="nav-drawer" popovertargetaction="hide" aria-label="Fermer le menu"/i);
  });

  it.each<[Role, string[]]>([
    ["owner", ["/overview", "/sales", "/settlements", "/recovery"]],
    ["admin", ["/overview", "/sales", "/settlements", "/recovery"]],
    ["marketing", ["/overview", "/sales", "/settlements", "/recovery"]],
    ["support", ["/sales", "/recovery", "/orders", "/licences"]],
  ])("puts %s's four most used sections in the phone's bottom bar", async (role, hrefs) => {
    const bar = section(await shell(role, "/settings"), 'data-testid="phone-tab-bar"', "nav");
    expect(links(bar).map(([href]) => href)).toEqual(hrefs);
  });

  it("marks the current section in the bottom bar too, with its short label", async () => {
    const bar = section(await shell("owner", "/settlements"), 'data-testid="phone-tab-bar"', "nav");
    expect(links(bar).filter(([, current]) => current)).toEqual([["/settlements", true]]);
    expect(bar).toContain(">Versements</span>");
    expect(bar).toContain(">Accueil</span>");
  });

  it("keeps the top bar at 56 px (h-14), whatever its content", async () => {
    const html = await shell("owner", "/overview");
    expect(html).toMatch(/<header data-testid="top-bar" class="[^"]*\bh-14\b[^"]*\boverflow-hidden\b/);
  });

  it("posts the language choice and the sign-out as forms, so both work before the JavaScript", async () => {
    const drawer = section(await shell("owner", "/overview"), 'id="nav-drawer"', "aside");
    // A native POST to the server action (setLocaleFromForm answers 303 back to the page in the new language).
    expect(drawer).toContain('<form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_ID_setLocaleFromForm"/>');
    // Marked `data-sign-out`: the offline support deletes the member's offline copies as it is sent (docs/offline.md).
    expect(drawer).toMatch(/<form data-sign-out="" action="" encType="multipart\/form-data" method="POST"><input type="hidden" name="\$ACTION_ID_signOutAction"\/><button type="submit"[^>]*>.*?Se déconnecter<\/button><\/form>/);
    const languages = [...drawer.matchAll(/<button type="submit"([^>]*)>(fr|en)<\/button>/g)].map(([, attrs, code]) => ({
      code,
      posts: /name="locale"/.test(attrs!) && attrs!.includes(`value="${code}"`),
      pressed: /aria-pressed="true"/.test(attrs!),
    }));
    expect(languages).toEqual([
      { code: "fr", posts: true, pressed: true },
      { code: "en", posts: true, pressed: false },
    ]);
  });

  it("gives every link and button of the shell a touch target of at least 44 px", async () => {
    const html = await shell("owner", "/overview");
    const targets = [...html.matchAll(/<(a|button)\b[^>]*class="([^"]*)"[^>]*>/g)];
    expect(targets.length).toBeGreaterThan(20);
    const small = targets.filter(([, , cls]) => !/\b(min-h-11|size-11)\b/.test(cls!)).map(([tag]) => tag);
    expect(small).toEqual([]);
  });
});
