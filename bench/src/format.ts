/** A whole number with thousands separators: `12,345`. */
export const whole = (n: number): string => Math.round(n).toLocaleString("en-US");

/** autocannon measures whole milliseconds: a 0 is an answer under 1 ms. */
export const ms = (n: number): string => (n < 1 ? "< 1 ms" : `${n.toLocaleString("en-US")} ms`);

/** A ratio: `0.52×`, or `—` when there was nothing to compare with. */
export const times = (n: number | null): string => (n === null ? "—" : `${n.toFixed(2)}×`);
