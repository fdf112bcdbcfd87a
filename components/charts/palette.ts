// Chart colours from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies
// and readable on dark and light backgrounds); the comparison series is also dashed, so it never
// relies on colour alone.
export const SERIES_COLOURS = { current: "#0072B2", previous: "#E69F00", bars: "#009E73" } as const;

/** New vs returning customers: blue and orange, the returning bar also hatched (not colour alone). */
export const CUSTOMER_KIND_COLOURS = { new: SERIES_COLOURS.current, returning: SERIES_COLOURS.previous } as const;
