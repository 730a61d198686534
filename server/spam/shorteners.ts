// Shorteners hide where a link goes; residents link to the real page. The local checks hold a
// reactie with one; the classifier learns from them as one of its features.
export const URL_SHORTENERS: readonly string[] = [
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  's.id',
  'rb.gy',
  'v.gd',
  'bl.ink',
  'lnkd.in',
  'shorte.st',
  'adf.ly',
  'tr.im',
  'x.co',
];
