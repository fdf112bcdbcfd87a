#!/usr/bin/env node
// The home-screen icons (issue 18) drawn from the app's mark (app/icon.svg's "M" on the brand blue):
// 192 and 512 px for any use, 512 px maskable (the mark inside the 80 % safe zone on a full-bleed square,
// so Android's circle or squircle mask never cuts it), and Apple's 180 px touch icon. Run after changing
// the mark; the PNGs are committed under public/icons.
//
//   node scripts/make-icons.mjs
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "public", "icons");
const BRAND = "#1f57c9";
const MARK = '<path d="M9 20.5V11.5h3.2l3.8 5.6 3.8-5.6H23v9h-3v-4.6l-4 5.6-4-5.6v4.6z" fill="#fff"/>';

/** Rounded tile for "any" purpose; full-bleed square with the mark scaled into the safe zone for "maskable". */
function svg(kind) {
  if (kind === "maskable") {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND}"/><g transform="translate(16 16) scale(1.25) translate(-16 -16)">${MARK}</g></svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${BRAND}"/>${MARK}</svg>`;
}

mkdirSync(out, { recursive: true });
const icons = [
  { name: "icon-192.png", size: 192, kind: "any" },
  { name: "icon-512.png", size: 512, kind: "any" },
  { name: "icon-maskable-512.png", size: 512, kind: "maskable" },
  { name: "apple-touch-icon-180.png", size: 180, kind: "maskable" },
];
for (const icon of icons) {
  await sharp(Buffer.from(svg(icon.kind)), { density: Math.ceil((icon.size / 32) * 72) }).resize(icon.size, icon.size).png({ compressionLevel: 9 }).toFile(path.join(out, icon.name));
  console.log(`public/icons/${icon.name}`);
}
