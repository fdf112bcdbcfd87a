// Chart colours from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies
// and readable on dark and light backgrounds); the comparison series is also dashed, so it never
// relies on colour alone.
export const SERIES_COLOURS = { current: "#0072B2", previous: "#E69F00", bars: "#009E73" } as const;
