// The local mirror's write layer and its bookkeeping reads (DESIGN §2 "Mirror"): what lib/sync and
// lib/pulses write through, and what the freshness UI and analytics read from.
import "server-only";

export { upsertSales, type SaleSource, type UpsertSalesOptions, type UpsertSalesResult } from "./upsert-sales";
export { getMirrorSale, type MirrorSale } from "./get-mirror-sale";
export { compareVersions, mergeSaleData, type VersionVerdict } from "./merge";
export { ROLLUP_DIMENSIONS, UNKNOWN_VALUE, amountKey, dimensionValues, saleSums, type RollupDimension, type RollupSums } from "./rollups";
export { RECOVERY_LEAD_METADATA_KEY, customMetadataColumns, saleToData, stripSignedUrls, type SaleData } from "./sale-row";
export { paymentMethodColumns, paymentMethodKey, paymentMethodShown, paymentMethodShownSql, type PaymentMethodColumns } from "./payment-method";
export { listSaleIdsNeedingDetail, listSaleIdsNeedingRefresh } from "./list-sale-ids";
export { enrichmentCoverage, mirrorCountsByStatusAndMonth, type EnrichmentCoverage } from "./mirror-stats";
export { rebuildRollups } from "./rebuild-rollups";
export { recordInvitations, upsertAffiliate, type AffiliateSource } from "./affiliates";
export { UNKNOWN_SALE, upsertSaleLicences, type SaleLicenceInput } from "./sale-licences";
