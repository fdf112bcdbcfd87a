"use server";
// Server actions of the dashboard frame.
import { signOut } from "@/lib/auth/config";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
