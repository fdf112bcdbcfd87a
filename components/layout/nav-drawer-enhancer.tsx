"use client";
// What the navigation sheet gains once the JavaScript has loaded; before that the HTML popover already
// opens it ("More"), closes it (its close button, Escape, a tap outside) and its links navigate.
// - a link tapped inside it, or a navigation (back/forward) closes it: client-side navigation keeps the
//   document, so the sheet would otherwise stay open over the new page;
// - opening it moves focus to the current section's link (the native popover leaves focus on "More");
// - a browser without the popover attribute (before Chrome 114, Safari 17, Firefox 125) gets the same
//   sheet from [data-open], toggled here, with Escape and focus return.
// Renders nothing.
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Wide screens show the same element as the fixed sidebar (app/globals.css): it is never a sheet there. */
const WIDE = "(min-width: 64rem)";

function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === "function";
}

function isOpen(drawer: HTMLElement): boolean {
  return supportsPopover(drawer) ? drawer.matches(":popover-open") : drawer.hasAttribute("data-open");
}

function close(drawer: HTMLElement): void {
  if (!isOpen(drawer)) return;
  if (supportsPopover(drawer)) drawer.hidePopover();
  else drawer.removeAttribute("data-open");
}

function focusCurrentLink(drawer: HTMLElement): void {
  const target = drawer.querySelector<HTMLElement>('a[aria-current="page"]') ?? drawer.querySelector<HTMLElement>("a[href]");
  target?.focus();
}

export function NavDrawerEnhancer({ drawerId }: { drawerId: string }) {
  const pathname = usePathname();

  useEffect(() => {
    const drawer = document.getElementById(drawerId);
    if (drawer) close(drawer);
  }, [pathname, drawerId]);

  useEffect(() => {
    const drawer = document.getElementById(drawerId);
    if (!drawer) return;
    const wide = window.matchMedia(WIDE);
    const onWide = () => {
      if (wide.matches) close(drawer);
    };
    const onLinkTap = (event: MouseEvent) => {
      if (!wide.matches && event.target instanceof Element && event.target.closest("a[href]")) close(drawer);
    };
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === "open") focusCurrentLink(drawer);
    };
    wide.addEventListener("change", onWide);
    drawer.addEventListener("click", onLinkTap);
    drawer.addEventListener("toggle", onToggle);
    const cleanups = [
      () => wide.removeEventListener("change", onWide),
      () => drawer.removeEventListener("click", onLinkTap),
      () => drawer.removeEventListener("toggle", onToggle),
    ];
    if (!supportsPopover(drawer)) cleanups.push(emulatePopover(drawer));
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [drawerId]);

  return null;
}

/** The popover's behaviour for browsers without it: its buttons toggle [data-open]; Escape and a tap outside close. */
function emulatePopover(drawer: HTMLElement): () => void {
  const invokers = () => [...document.querySelectorAll<HTMLElement>(`[popovertarget="${drawer.id}"]`)];
  let returnFocusTo: HTMLElement | null = null;
  const setOpen = (open: boolean) => {
    if (open) drawer.setAttribute("data-open", "");
    else drawer.removeAttribute("data-open");
    invokers().forEach((b) => b.getAttribute("popovertargetaction") !== "hide" && b.setAttribute("aria-expanded", String(open)));
    if (open) focusCurrentLink(drawer);
    else returnFocusTo?.focus();
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const invoker = target?.closest<HTMLElement>(`[popovertarget="${drawer.id}"]`);
    if (invoker) {
      const action = invoker.getAttribute("popovertargetaction") ?? "toggle";
      const open = action === "show" || (action === "toggle" && !drawer.hasAttribute("data-open"));
      if (open) returnFocusTo = invoker;
      setOpen(open);
    } else if (drawer.hasAttribute("data-open") && target && !drawer.contains(target)) setOpen(false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape" && drawer.hasAttribute("data-open")) setOpen(false);
  };
  invokers().forEach((b) => b.getAttribute("popovertargetaction") !== "hide" && b.setAttribute("aria-expanded", "false"));
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("click", onClick);
    document.removeEventListener("keydown", onKey);
  };
}
