"use server";
// Sign-in server actions. Errors come back as a code the form turns into a message: "invalid" for any
// wrong email/password (never saying which), "throttled" after too many attempts.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { safeLocalPath } from "@/lib/http/safe-path";

export type SignInState = { error?: "invalid" | "throttled" | "generic" };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeLocalPath(form.get("next")), // never an open redirect to another origin
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: error.code === "throttled" ? "throttled" : "invalid" };
    if (error instanceof AuthError) return { error: "generic" };
    throw error; // the success redirect is thrown too, and must reach Next.js
  }
}

export async function signInWithProvider(provider: "google" | "github"): Promise<void> {
  await signIn(provider, { redirectTo: "/" });
}
