"use client";
// Whether the page is in low-data mode (lib/pwa/low-data.ts decides it on the server, per member and
// request): charts wait for a tap, live polling stops. Outside the dashboard (the login page) it is off.
import { createContext, useContext, type ReactNode } from "react";

const LowDataContext = createContext(false);

export function LowDataProvider({ lowData, children }: { lowData: boolean; children: ReactNode }) {
  return <LowDataContext.Provider value={lowData}>{children}</LowDataContext.Provider>;
}

export function useLowData(): boolean {
  return useContext(LowDataContext);
}
