// Working leads on both engines: state, note and assignee are stored, only leads can be worked, the
// assignee must be a member, and every change is in the audit log.
import { expect, it } from "vitest";
import { listAudit } from "@/lib/audit";
import { upsertSales } from "@/lib/mirror";
import { LEAD_EXPORT_COLUMNS, buildLeadMessage, exportLeadsCsv, getRecoveryTemplates, listLeads, MIRROR_ONLY_LINKS, recoveryStats, setRecoveryTemplates, updateLeads } from "@/lib/recovery";
import { createUser } from "@/lib/team";
import { keyLabels } from "../../factories/csv-labels";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = "2026-05-02T12:00:00Z";

describeEachEngine("Recovery lead actions", ({ db }) => {
  async function seed() {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "lead1", status: "failed", createdAt: "2026-05-01T10:00:00Z", failedAt: "2026-05-01T10:01:00Z", customerId: "cus_1", productId: "prd_1" }),
        saleDetail({ id: "lead2", status: "abandoned", createdAt: "2026-05-01T11:00:00Z", abandonedAt: "2026-05-01T12:00:00Z", customerId: "cus_2", productId: "prd_1" }),
        saleDetail({ id: "paid1", status: "completed", createdAt: "2026-05-02T10:00:00Z", completedAt: "2026-05-02T10:00:00Z", customerId: "cus_3", productId: "prd_1" }),
      ],
      { source: "detail", receivedAt: NOW, timeZone: "Africa/Abidjan" },
    );
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    const agent = await createUser(db().db, { email: "agent@example.com", password: "correct horse battery", role: "support", name: "Agent" }, null);
    return { actor: { id: owner.id, email: owner.email, role: owner.role }, agent };
  }

  it("marks contacted with a note, assigns, and audits each lead", async () => {
    const { actor, agent } = await seed();
    await updateLeads(db().db, actor, { saleIds: ["lead1"], state: "contacted", note: "Called on WhatsApp" });
    await updateLeads(db().db, actor, { saleIds: ["lead1", "lead2"], assignedTo: agent.id });
    const leads = await listLeads(db().db, { from: "2026-05-01", to: "2026-05-02" });
    expect(leads.map((l) => [l.saleId, l.state, l.note, l.assignedTo])).toEqual([
      ["lead2", "open", null, agent.id],
      ["lead1", "contacted", "Called on WhatsApp", agent.id],
    ]);
    expect(leads.find((l) => l.saleId === "lead1")?.contactedAt).not.toBeNull();
    const audit = await listAudit(db().db, { action: "recovery." });
    expect(audit.map((e) => [e.action, e.target, e.actorEmail])).toEqual([
      ["recovery.lead_updated", "lead2", "owner@example.com"],
      ["recovery.lead_updated", "lead1", "owner@example.com"],
      ["recovery.lead_updated", "lead1", "owner@example.com"],
    ]);
    expect(audit[2].details).toEqual({ state: "contacted", previousState: "open", note: "Called on WhatsApp" });
    // Contacted vs uncontacted: neither converted (paid1 is another customer).
    const stats = recoveryStats(leads);
    expect([stats.contacted.leads, stats.uncontacted.leads, stats.contacted.recovered + stats.uncontacted.recovered]).toEqual([1, 1, 0]);
  });

  it("refuses a sale that is not a lead and an assignee who is not a member", async () => {
    const { actor } = await seed();
    await expect(updateLeads(db().db, actor, { saleIds: ["paid1"], state: "won" })).rejects.toMatchObject({ status: 404 });
    await expect(updateLeads(db().db, actor, { saleIds: ["lead1"], assignedTo: "nobody" })).rejects.toMatchObject({ status: 400, field: "assignedTo" });
    expect((await listLeads(db().db, { from: "2026-05-01", to: "2026-05-02" })).every((l) => l.state === "open")).toBe(true);
  });

  it("exports only the selected leads, audited", async () => {
    const { actor } = await seed();
    const res = await exportLeadsCsv(db().db, { saleIds: ["lead2"], range: { from: "2026-05-01", to: "2026-05-02" }, preset: "standard", timeZone: "Africa/Abidjan", labels: keyLabels(LEAD_EXPORT_COLUMNS), actor });
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines.map((l) => l.split(",")[0])).toEqual(["saleId", "lead2"]);
    expect(lines[1]).toContain("abandoned");
    await new Promise((r) => setTimeout(r, 20));
    expect((await listAudit(db().db, { action: "recovery.export" }))[0]).toMatchObject({ actorEmail: "owner@example.com", details: { saleIds: ["lead2"], rows: 1, completed: true } });
  });

  it("uses the edited template for the lead's message, audited; no phone means no WhatsApp link, with the reason", async () => {
    const { actor } = await seed();
    await setRecoveryTemplates(db().db, { fr: "Salut {customer}, {product} : {amount}", en: "Hi {customer}" }, actor);
    expect((await getRecoveryTemplates(db().db)).fr).toBe("Salut {customer}, {product} : {amount}");
    const m = await buildLeadMessage(db().db, "lead1", "fr", MIRROR_ONLY_LINKS);
    expect(m?.message).toMatch(/^Salut .+, .+ : 4\s?900\sXOF$/u);
    expect(m?.whatsapp).toEqual({ ok: false, reason: "missing" }); // no Pulse, so no phone
    expect(m?.mailto).toMatch(/^mailto:/);
    expect((await listAudit(db().db, { action: "recovery.templates_changed" }))).toHaveLength(1);
  });

  it("a lead without a customer id is recovered through the customer's e-mail", async () => {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "anon_lead", status: "failed", createdAt: "2026-05-01T09:00:00Z", failedAt: "2026-05-01T09:00:00Z", customerId: "cus_x", email: "kofi@example.com", productId: "prd_9" }),
        saleDetail({ id: "kofi_paid", status: "completed", createdAt: "2026-05-03T09:00:00Z", completedAt: "2026-05-03T09:00:00Z", customerId: "cus_kofi", email: "kofi@example.com", productId: "prd_9" }),
      ],
      { source: "detail", receivedAt: NOW, timeZone: "Africa/Abidjan" },
    );
    // As a list summary without its customer id would leave it.
    await db().db.updateTable("sales").set({ customer_id: null }).where("id", "=", "anon_lead").execute();
    const [lead] = (await listLeads(db().db, { from: "2026-05-01", to: "2026-05-01" })).filter((l) => l.saleId === "anon_lead");
    expect(lead.recovered?.saleId).toBe("kofi_paid");
  });
});
