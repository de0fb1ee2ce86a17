// Small statistics shared by the benchmarks.

/** The median of a list of numbers (the mean of the two middle ones for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The smallest and the largest of a list of numbers, as `[min, max]`. */
export const range = (xs) => [Math.min(...xs), Math.max(...xs)];
