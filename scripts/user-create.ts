// `npm run user:create -- --email a@b.c --role owner [--name "…"] [--password-stdin]`: creates a member
// directly in the configured database (migrations included), e.g. the first owner of a fresh install.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { ROLES } from "@/lib/auth/permissions";
import { passwordSchema } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db";
import { EnvError, parseDatabaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createUser, emailSchema, roleSchema } from "@/lib/team";

const USAGE = `Usage: npm run user:create -- --email <email> --role <${ROLES.join("|")}> [--name "<name>"] [--password-stdin]`;

class UsageError extends Error {}

// Like `next start`, read .env.local then .env; variables already set in the environment win.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file) && typeof process.loadEnvFile === "function") process.loadEnvFile(file);
}

/** Reads a password from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(new UsageError("No terminal to prompt for the password: pipe it in with --password-stdin."));
  }
  process.stderr.write(question);
  return new Promise((resolve) => {
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.stderr.write("\n");
          process.exit(130); // Ctrl-C
        } else if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        } else if (ch === "\u007f" || ch === "\b") {
          value = value.slice(0, -1);
        } else {
          value += ch;
        }
      }
    };
    stdin.on("data", onData);
  });
}

async function readPasswordFromStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? "";
}

/** The database, for humans: the SQLite path, or the PostgreSQL host/db without credentials. */
function describeDatabase(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) return `SQLite ${url.replace(/^file:/, "")}`;
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}${u.port ? ":" + u.port : ""}${u.pathname}`;
}

function check<T>(label: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`Invalid ${label}: ${label} ${r.error.issues[0]?.message ?? "is invalid"}`);
  return r.data;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.email || !values.role) throw new UsageError(`--email and --role are required.\n${USAGE}`);
  const email = check("email", emailSchema, values.email);
  const role = check("role", roleSchema, values.role);

  let password: string;
  if (values["password-stdin"]) {
    password = await readPasswordFromStdin();
  } else {
    password = await promptHidden(`Password for ${email}: `);
    const again = await promptHidden("Repeat the password: ");
    if (password !== again) throw new UsageError("The two passwords differ; nothing was created.");
  }
  check("password", passwordSchema, password);

  const url = parseDatabaseUrl(process.env);
  const { db, close } = await openDatabase(url);
  try {
    const member = await createUser(db, { email, password, role, name: values.name ?? null });
    console.log(`Created ${member.role} ${member.email} (id ${member.id}) in ${describeDatabase(url)}.`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof EnvError || error instanceof AppError) {
    console.error(`user:create: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  // parseArgs reports unknown options with a code; show the usage with it.
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`user:create: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error("user:create failed:", error);
  process.exit(1);
});
