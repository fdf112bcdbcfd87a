// The e2e web server: a fresh `next build` made WITH every secret in its environment (the adversarial
// case: if any code inlined one into a client bundle, the secret scan would find it in .next/static),
// then `npm start`'s script, which finds the build up to date and serves it with the simulator.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const buildEnv = { ...process.env, CHARIOW_API_KEY: process.env.CHARIOW_DEMO_API_KEY, NODE_ENV: "production" };
const built = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: buildEnv });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
