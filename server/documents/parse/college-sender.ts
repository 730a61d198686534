// The college as the sender of what it signs, and a signer's name before its function: "Hoogachtend, /
// burgemeester en wethouders van Zaanstad, / drs. J. Hamming, burgemeester / mr. L. Graaff, gemeentesecretaris".
// Also Gedeputeerde Staten, the dagelijks bestuur of a waterschap or region.

/** The college (or its provincial or regional counterpart) of a named body, as a line of a signature. */
export const COLLEGE_SIGNS =
  /^(?:(?:het\s+)?college\s+van\s+)?(?:burgemeester\s+en\s+wethouders|gedeputeerde\s+staten|(?:het\s+)?dagelijks\s+bestuur)\s+(?:van|der)\s+\S.{0,60}$/i;

/** "drs. J. Hamming, burgemeester" → the name and the function; null for anything else. */
export function nameThenFunction(
  text: string,
  isFunction: (t: string) => boolean,
  isName: (t: string) => boolean,
): { name: string; func: string } | null {
  const m = /^([^,]{3,60}),\s+([^,]{3,60}?),?$/.exec(text.trim());
  if (!m || /[.?!:;]$/.test(m[2]) || m[2].split(/\s+/).length > 6) return null;
  return isFunction(m[2]) && !isFunction(m[1]) && isName(m[1]) ? { name: m[1], func: m[2] } : null;
}
