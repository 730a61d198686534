// Numbers as the benchmark prints them: Dutch, with a point between thousands and a decimal comma.
export const nl = (n: number, digits = 0): string =>
  n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
