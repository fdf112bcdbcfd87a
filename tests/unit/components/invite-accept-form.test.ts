// The invite form as the server sends it: a POST to its server action, so an invitee can join before the
// JavaScript has loaded — and never a script-less GET, which would put the password in the address.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { InviteAcceptForm } from "@/components/forms/invite-accept-form";
import { renderServerHtml } from "@/tests/support/render-shell";
import { serverReference } from "@/tests/support/server-reference";

describe("InviteAcceptForm", () => {
  it("posts the address, name and password to its server action, in 44 px controls", async () => {
    const html = await renderServerHtml(createElement(InviteAcceptForm, { action: serverReference("acceptInviteAction") }));
    const form = /<form([^>]*)>(.*)<\/form>/s.exec(html);
    expect(form?.[1]).toContain('method="POST"');
    // useActionState posts its previous state along with the action: a bound reference naming the action.
    expect(form?.[2]).toMatch(/^<input type="hidden" name="\$ACTION_REF_1"\/><input type="hidden" name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;acceptInviteAction&quot;/);
    const fields = [...form![2]!.matchAll(/<input(?=[^>]*\bid=)([^>]*)>/g)].map(([, attrs]) => ({
      name: /name="([^"]+)"/.exec(attrs!)?.[1],
      required: /\brequired=""/.test(attrs!),
      touchSized: /class="[^"]*\bmin-h-11\b/.test(attrs!),
    }));
    expect(fields).toEqual([
      { name: "email", required: true, touchSized: true },
      { name: "name", required: true, touchSized: true },
      { name: "password", required: true, touchSized: true },
    ]);
    expect(form?.[2]).toMatch(/<button type="submit"[^>]*class="[^"]*\bmin-h-11\b[^"]*"[^>]*>Créer mon compte<\/button>/);
  });
});
