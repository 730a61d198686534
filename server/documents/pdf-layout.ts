// A PDF's text items (string, position, size) become plain text with the line breaks a reader sees:
// items grouped into lines by their baseline and ordered by x; a tab where a line has a wide gap (a
// letterhead's "LABEL  value" or a table's columns); an empty line for a paragraph's extra space and
// between pages. A narrow column beside the rest of the page (a letterhead with ONDERWERP / DATUM /
// ONZE REFERENTIE, or a column of labels beside the body) is read as a block of its own, before the
// text beside it, instead of line by line through both. A line that recurs at the top or bottom of
// most pages (a page header or footer, "Pagina 2 van 3") is kept once, on the first page. Pure: the
// items come from pdf-text.ts.

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's top left. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** Set in an italic font. */
  italic?: boolean;
}

export interface PdfPage {
  items: PdfItem[];
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Run {
  text: string;
  italic: boolean;
}

interface TextLine {
  y: number;
  size: number;
  segments: Segment[];
}

// Gaps, as a share of the font size. A space between words is about 0.25; justified text stretches
// it, but rarely past a whole em; a tab stop or a second column leaves more.
const SPACE_GAP = 0.15;
const COLUMN_GAP = 1.5;
// Items whose baselines differ by less than this share of the font size are one line.
const SAME_LINE = 0.4;
// A paragraph: the space to the next line is this much more than the usual line spacing, or this
// many times the font size (more than a text set at 1.5 line spacing has between its lines).
const PARAGRAPH_GAP = 1.4;
const PARAGRAPH_SIZES = 2.1;
// A line that recurs among the first or last lines of the pages is a page header or footer.
const FURNITURE_LINES = 2;

const median = (values: number[]): number => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** A segment's text: italic runs between <i> and </i>, as the paste-import reads them ("<i>In 2017 ontvingen wij…</i>"). */
function runsText(runs: Run[]): string {
  let out = '';
  for (const run of runs) {
    const text = run.text.replace(/\s+/g, ' ');
    if (!run.italic || !text.trim()) out += text;
    else out += text.replace(/^(\s*)(.*?)(\s*)$/, '$1<i>$2</i>$3');
  }
  return out
    .replace(/<\/i>(\s*)<i>/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Items on one baseline, left to right: words joined with a space where there is room for one, segments split at wide gaps. */
function toSegments(items: PdfItem[], size: number): Segment[] {
  const segments: Array<{ x0: number; x1: number; runs: Run[] }> = [];
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : Infinity;
    const run = { text: item.str, italic: item.italic === true };
    if (!last || gap > COLUMN_GAP * size) {
      segments.push({ x0: item.x, x1: item.x + item.width, runs: [run] });
      continue;
    }
    const before = last.runs[last.runs.length - 1].text;
    if (!/\s$/.test(before) && !/^\s/.test(item.str) && gap > SPACE_GAP * size) run.text = ' ' + run.text;
    last.runs.push(run);
    last.x1 = Math.max(last.x1, item.x + item.width);
  }
  return segments.map((s) => ({ x0: s.x0, x1: s.x1, text: runsText(s.runs) })).filter((s) => s.text);
}

/** The page's items as lines, top to bottom. */
function toLines(page: PdfPage): TextLine[] {
  const items = page.items.filter((i) => i.str.trim() && Number.isFinite(i.x) && Number.isFinite(i.y));
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of items) {
    const group = groups[groups.length - 1];
    const size = Math.max(item.size, 1);
    if (group && Math.abs(item.y - group[0].y) <= SAME_LINE * Math.min(size, Math.max(group[0].size, 1))) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      const size = Math.max(median(group.map((i) => i.size)), 1);
      return { y: median(group.map((i) => i.y)), size, segments: toSegments(group, size) };
    })
    .filter((l) => l.segments.length);
}

const lineText = (segments: Segment[]): string => segments.map((s) => s.text).join('\t');

/** How a line is compared across pages: spacing and case do not count, nor the number in a page number. */
function furnitureKey(line: TextLine): string {
  const text = lineText(line.segments).toLowerCase().replace(/\s+/g, ' ');
  const numbersOut = text.replace(/\d+/g, '#');
  return PAGE_NUMBER.test(numbersOut) ? numbersOut : text;
}

/** "Pagina 2 van 3", "- 2 -", "2/3", "Kenmerk 2015.08141, blad 2": its digits differ from page to page. */
const PAGE_NUMBER = /\b(?:pagina|blad|blz|page)\b|^[-–— ]*#[-–— ]*$|^#\s*(?:\/|van)\s*#$/;

/**
 * Drops page headers and footers: a line among the first or last lines of at least two pages, and
 * of at least half of them, at the same place on the page ("Pagina 2 van 3" counts as "Pagina 1 van
 * 3", but "Vraag 2" is not "Vraag 1"). The same words elsewhere on a page stay: the sender's name in the first page's letterhead.
 */
function dropFurniture(pages: TextLine[][]): TextLine[][] {
  if (pages.length < 2) return pages;
  const edges = pages.map((lines) => new Set([...lines.slice(0, FURNITURE_LINES), ...lines.slice(-FURNITURE_LINES)]));
  const places = new Map<string, Array<{ page: number; y: number }>>();
  edges.forEach((edge, page) => {
    for (const line of edge) {
      const key = furnitureKey(line);
      const at = places.get(key) ?? [];
      if (!at.some((p) => p.page === page)) at.push({ page, y: line.y });
      places.set(key, at);
    }
  });
  return pages.map((lines, page) =>
    lines.filter((line) => {
      if (!edges[page].has(line)) return true;
      const key = furnitureKey(line);
      const here = (places.get(key) ?? []).filter((p) => Math.abs(p.y - line.y) <= 0.5 * line.size);
      return here.length < 2 || here.length * 2 < pages.length;
    }),
  );
}

/** A line that is a label ("Datum", "ONZE REFERENTIE:") or a list marker ("1.", "a)", "•"): what stands in a table's first column. */
const labelLike = (line: string): boolean => {
  const text = line.replace(/<\/?i>/g, '');
  return (
    /^(?:\d{1,3}[a-z]?[.)]?|[a-z][.)]|[-–•▪*·])$/i.test(text) ||
    (text.length <= 40 && !/\d/.test(text) && text.split(/\s+/).length <= 4 && !/[.,;]$/.test(text))
  );
};

interface Band {
  /** Indexes of the page's lines, first to last. */
  from: number;
  to: number;
  /** Where the right column starts. */
  split: number;
  /** The narrower side, read first. */
  first: 'left' | 'right';
}

function sides(line: TextLine, split: number, gutter: number): { left: Segment[]; right: Segment[] } | null {
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (const s of line.segments) {
    if (s.x1 <= split - gutter) left.push(s);
    else if (s.x0 >= split - 2) right.push(s);
    else return null; // crosses the gutter
  }
  return { left, right };
}

/**
 * Finds two columns side by side: a run of lines that all stay clear of a vertical gutter, with
 * text on both sides. Where the left side beside a text on the same baseline is a label or a list
 * marker, the run is a table (or a list) and stays line by line; otherwise the columns are blocks.
 */
function findBand(lines: TextLine[], taken: Set<number>): Band | null {
  const size = median(lines.map((l) => l.size));
  const gutter = Math.max(6, 0.6 * size);
  const starts = [...new Set(lines.flatMap((l) => l.segments.map((s) => Math.round(s.x0))))].sort((a, b) => a - b);
  let best: (Band & { score: number }) | null = null;
  for (const split of starts) {
    let i = 0;
    while (i < lines.length) {
      const run: Array<{ index: number; left: Segment[]; right: Segment[] }> = [];
      for (; i < lines.length && !taken.has(i); i++) {
        const s = sides(lines[i], split, gutter);
        if (!s) break;
        run.push({ index: i, ...s });
      }
      i++;
      const left = run.filter((r) => r.left.length);
      const right = run.filter((r) => r.right.length);
      if (left.length < 2 || right.length < 2) continue;
      const paired = left.filter((r) => r.right.length);
      if (paired.filter((r) => labelLike(lineText(r.left))).length >= Math.max(1, 0.8 * paired.length)) continue;
      const width = (rows: typeof run, side: 'left' | 'right') => {
        const segs = rows.flatMap((r) => r[side]);
        return Math.max(...segs.map((s) => s.x1)) - Math.min(...segs.map((s) => s.x0));
      };
      const first = width(left, 'left') <= width(right, 'right') ? 'left' : 'right';
      // The band reaches as far as the narrow column; the wide side's lines around it read on as usual.
      const narrow = first === 'left' ? left : right;
      const from = narrow[0].index;
      const to = narrow[narrow.length - 1].index;
      const score = run.filter((r) => r.index >= from && r.index <= to).length;
      if (!best || score > best.score) best = { from, to, split, first, score };
    }
  }
  return best && { from: best.from, to: best.to, split: best.split, first: best.first };
}

/** The page's lines in reading order, as runs of lines ("flows") between which no paragraph spacing is measured. */
function readingOrder(lines: TextLine[]): TextLine[][] {
  const taken = new Set<number>();
  const bands: Band[] = [];
  for (let n = 0; n < 3; n++) {
    const band = findBand(lines, taken);
    if (!band) break;
    bands.push(band);
    for (let i = band.from; i <= band.to; i++) taken.add(i);
  }
  const flows: TextLine[][] = [[]];
  const current = () => flows[flows.length - 1];
  for (let i = 0; i < lines.length; i++) {
    const band = bands.find((b) => b.from === i);
    if (!band) {
      if (!taken.has(i)) current().push(lines[i]);
      continue;
    }
    const size = median(lines.map((l) => l.size));
    const gutter = Math.max(6, 0.6 * size);
    const columns = { left: [] as TextLine[], right: [] as TextLine[] };
    for (let j = band.from; j <= band.to; j++) {
      const s = sides(lines[j], band.split, gutter)!;
      for (const side of ['left', 'right'] as const)
        if (s[side].length) columns[side].push({ y: lines[j].y, size: lines[j].size, segments: s[side] });
    }
    // The wide column goes on after the band: the lines below it continue its flow.
    flows.push(columns[band.first], columns[band.first === 'left' ? 'right' : 'left']);
  }
  return flows.filter((f) => f.length);
}

/** A flow's lines as text, with an empty line where the space above a line is a paragraph's. */
function flowText(flow: TextLine[], pitch: number): string[] {
  const out: string[] = [];
  flow.forEach((line, i) => {
    const gap = i > 0 ? line.y - flow[i - 1].y : 0;
    if (i > 0 && gap > 1.3 * line.size && (gap > PARAGRAPH_GAP * pitch || gap > PARAGRAPH_SIZES * line.size)) out.push('');
    out.push(lineText(line.segments));
  });
  return out;
}

/** The usual distance between two lines of a paragraph on these pages (a low quantile: many paragraphs do not count). */
function linePitch(pages: TextLine[][]): number {
  const gaps = pages
    .flatMap((lines) =>
      lines
        .slice(1)
        .map((l, i) => l.y - lines[i].y)
        .filter((g, i) => g > 0 && g < 3 * lines[i].size),
    )
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)] ?? 12;
}

/** A word broken with a soft hyphen at a line end is joined again; a hard hyphen stays ("midden- en kleinbedrijf"). */
function joinSoftHyphens(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    if (!/\p{L}\u00ad$/u.test(out[i]) || !/^\p{L}/u.test(out[i + 1])) continue;
    const [word, ...rest] = out[i + 1].split(' ');
    out[i] = out[i].slice(0, -1) + word;
    out[i + 1] = rest.join(' ');
    if (!out[i + 1]) out.splice(i + 1, 1);
  }
  return out.map((l) => l.replace(/\u00ad/g, ''));
}

const RUNS_ON = /(?:[\p{L}\d,;:\u00ad-]|<\/i>)$/u;

/** The text of the pages, as a reader sees its lines. */
export function layoutText(pages: PdfPage[]): string {
  const pageLines = dropFurniture(pages.map(toLines));
  const pitch = linePitch(pageLines);
  const blocks = pageLines
    .map((lines) =>
      readingOrder(lines)
        .map((flow) => flowText(flow, pitch).join('\n'))
        .join('\n\n'),
    )
    .filter((b) => b.trim());
  // A page break is a paragraph's end, unless the text plainly runs on: the page's last line ends
  // without a full stop (a sentence, a list item or a label that goes on over the page).
  const text = blocks.reduce((all, block) => (!all ? block : all + (RUNS_ON.test(all) ? '\n' : '\n\n') + block), '');
  return joinSoftHyphens(text.split('\n'))
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
