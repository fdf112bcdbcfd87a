"use client";
// The Sales page's saved views: a mutation island (list, save, delete under ["sales","views"]) in the
// server-rendered table's toolbar. Saving stores the current URL minus the page and minus what the page
// cleared as invalid.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";
import { SavedViewsMenu, type SavedViewItem } from "./saved-views-menu";

export function SalesSavedViews({ basePath, cleared }: { basePath: string; cleared: string[] }) {
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const views = useQuery({
    queryKey: queryKeys.salesViews(),
    queryFn: () => apiFetch<{ views: SavedViewItem[] }>("/api/sales/views").then((r) => r.views),
  });
  const saveView = useMutation({
    mutationFn: (name: string) => {
      const saved = new URLSearchParams(searchParams.toString());
      saved.delete("page");
      for (const key of cleared) saved.delete(key); // what the page ignored is not saved either
      return apiFetch("/api/sales/views", { method: "POST", body: { name, query: saved.toString() } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.salesViews() }),
  });
  const deleteView = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/sales/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.salesViews() }),
  });
  return (
    <SavedViewsMenu
      views={views.data ?? []}
      basePath={basePath}
      onSave={async (name) => void (await saveView.mutateAsync(name))}
      onDelete={async (id) => void (await deleteView.mutateAsync(id))}
      saving={saveView.isPending}
      error={saveView.error}
    />
  );
}
