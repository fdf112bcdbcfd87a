// Every action the code writes to the audit log has words on the Team page: the actions are read from the
// source itself (each `recordAudit(…, { action })` in app/ and lib/), so a writer added tomorrow without
// its words in CODES.auditAction (and so in messages/<locale>/codes.json) fails here, not on the page.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CODES } from "@/lib/format/codes";
import { contactChannelSchema } from "@/lib/downloads/schemas";
import { RECOVERY_CONTACT_CHANNELS } from "@/lib/recovery/schemas";

const ROOT = path.resolve(import.meta.dirname, "../../..");

// Actions built from a template: the values of each placeholder, from the schema the writer's parameter
// is typed with. A new template action fails below until its values are listed here.
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  "downloads.contact_${channel}": contactChannelSchema.options,
  "recovery.contact_${channel}": RECOVERY_CONTACT_CHANNELS,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

type Written = { file: string; action: string };

/** The actions passed to recordAudit, and the string constants of the scanned files (for `action: NAME`). */
function writtenActions(): { written: Written[]; unresolved: string[] } {
  const files = [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))];
  const constants = new Map<string, string>();
  const raw: Array<{ file: string; node: ts.Expression }> = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteral(node.initializer)) constants.set(node.name.text, node.initializer.text);
      if (ts.isCallExpression(node) && node.expression.getText(source) === "recordAudit") {
        const entry = node.arguments[1];
        const action = entry && ts.isObjectLiteralExpression(entry) ? entry.properties.find((p) => p.name?.getText(source) === "action") : undefined;
        if (action && ts.isPropertyAssignment(action)) raw.push({ file: path.relative(ROOT, file), node: action.initializer });
        else raw.push({ file: path.relative(ROOT, file), node: entry ?? node });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const written: Written[] = [];
  const unresolved: string[] = [];
  for (const { file, node } of raw) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) written.push({ file, action: node.text });
    else if (ts.isIdentifier(node) && constants.has(node.text)) written.push({ file, action: constants.get(node.text)! });
    else if (ts.isTemplateExpression(node) && TEMPLATE_VALUES[node.getText().slice(1, -1)] && node.templateSpans.length === 1 && node.templateSpans[0].literal.text === "") {
      for (const value of TEMPLATE_VALUES[node.getText().slice(1, -1)]) written.push({ file, action: node.head.text + value });
    } else unresolved.push(`${file}: ${node.getText()}`);
  }
  return { written, unresolved };
}

describe("audit actions", () => {
  const { written, unresolved } = writtenActions();

  it("reads every writer's action (a literal, a string constant or a listed template)", () => {
    expect(unresolved).toEqual([]);
    // The scan finds the writers at all: sign-in, a member's removal, a licence key revealed, a contact.
    expect(written.map((w) => w.action)).toEqual(expect.arrayContaining(["auth.sign_in", "team.member_removed", "licence.reveal", "recovery.contact_whatsapp"]));
  });

  it("has words for every action the code writes", () => {
    const listed = new Set<string>(CODES.auditAction);
    expect(written.filter((w) => !listed.has(w.action)).map((w) => `${w.file}: ${w.action}`)).toEqual([]);
  });
});
