// Orders to ship (issue 9): the worklist of paid sales with a shipping address, fulfilment marking, courier CSV.
export * from "./schemas";
export * from "./list-orders";
export * from "./update-fulfilment";
export * from "./export-orders";
