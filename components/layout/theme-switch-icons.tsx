// The theme switch's icons, rendered on the server and handed to the client switch as elements.
import { Monitor, Moon, Sun } from "lucide-react";
import type { ThemeIcons } from "./theme-switch";

export const THEME_ICONS: ThemeIcons = {
  light: <Sun aria-hidden className="size-4" />,
  dark: <Moon aria-hidden className="size-4" />,
  system: <Monitor aria-hidden className="size-4" />,
};
