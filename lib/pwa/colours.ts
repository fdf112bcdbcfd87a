// The colours the phone paints around the dashboard (status bar, splash screen): the brand blue and the
// page backgrounds of app/globals.css (zinc-50 light, zinc-950 dark). Shared by the manifest and the
// root layout's theme-color, so the home-screen app and the browser tab look the same.
export const BRAND_BLUE = "#1f57c9";
export const LIGHT_BACKGROUND = "#fafafa";
export const DARK_BACKGROUND = "#09090b";
