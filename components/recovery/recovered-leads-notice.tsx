// On a paying sale's detail page: the failed or abandoned sales this payment recovered, each linking to
// its own detail (the reverse of the worklist's "recovered" link). Takes already formatted rows.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export function RecoveredLeadsNotice({ title, leads }: { title: string; leads: { saleId: string; label: string }[] }) {
  if (leads.length === 0) return null;
  return (
    <div data-testid="recovered-leads">
      <Alert tone="info">
        <p className="font-medium">{title}</p>
        <ul className="mt-1 list-disc pl-5">
          {leads.map((l) => (
            <li key={l.saleId}>
              <Link href={`/sales/${encodeURIComponent(l.saleId)}`} className="inline-flex min-h-11 items-center underline" data-testid="recovered-lead-link">{l.saleId}</Link> — {l.label}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
