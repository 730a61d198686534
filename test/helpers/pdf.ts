// PDFs made in the tests with pdfkit, as a municipality's word processor would set them: a text's
// lines in Helvetica, <b>/<i> (or Markdown **/*) as bold and italic fonts, a tab as a tab stop, an
// empty line as a paragraph's space; pages with a running header and "Pagina n van m" when asked;
// or text placed at exact positions (a two-column letterhead).
import PDFDocument from 'pdfkit';

const FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export interface Placed {
  text: string;
  x: number;
  /** From the page's top, in points. */
  y: number;
  font?: keyof typeof FONTS;
  size?: number;
}

/** Renders the document to bytes. */
function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function newDocument(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, autoFirstPage: false, ...options });
}

/** Pages of text at given positions: one array of pieces per page. */
export function pdfFromPlaced(pages: Placed[][], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = newDocument(options);
  for (const pieces of pages) {
    doc.addPage();
    place(doc, pieces);
  }
  return finish(doc);
}

function place(doc: PDFKit.PDFDocument, pieces: Placed[]): void {
  for (const p of pieces)
    doc
      .font(FONTS[p.font ?? 'regular'])
      .fontSize(p.size ?? 10)
      .text(p.text, p.x, p.y, { lineBreak: false });
}

/** A line's runs of text, without the markup that set them bold or italic. */
function runs(line: string): Array<{ text: string; font: keyof typeof FONTS }> {
  const out: Array<{ text: string; font: keyof typeof FONTS }> = [];
  let font: keyof typeof FONTS = 'regular';
  let last = 0;
  for (const m of line.matchAll(/<\/?(?:b|strong|i|em)>|\*\*|\*(?=\S)|(?<=\S)\*/g)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index), font });
    const token = m[0];
    if (token === '**' || /^<\/?(?:b|strong)>$/.test(token)) font = font === 'bold' ? 'regular' : 'bold';
    else font = font === 'italic' ? 'regular' : 'italic';
    last = m.index + token.length;
  }
  if (last < line.length) out.push({ text: line.slice(last), font });
  return out;
}

export interface TextPdfOptions {
  /** Lines on a page before the next begins (empty lines count); a line that starts with a form feed (\\f) begins a page too. */
  linesPerPage?: number;
  /** Set at the top of every page. */
  header?: string;
  /** "Pagina n van m" at the bottom of every page. */
  pageNumbers?: boolean;
  userPassword?: string;
  /** Text placed at exact positions on the first page (a two-column letterhead), the text's lines starting below it at `top`. */
  firstPage?: { placed: Placed[]; top: number };
}

const LEFT = 60;
const TAB = 190;
const TOP = 90;
const LEADING = 12;
const SIZE = 9;

/** A text set as a PDF, line for line: what a municipality's PDF of that text holds. */
export function pdfFromText(text: string, options: TextPdfOptions = {}): Promise<Buffer> {
  const doc = newDocument(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' } : {});
  const perPage = options.linesPerPage ?? 56;
  let row = perPage;
  let top = TOP;
  if (options.firstPage) {
    doc.addPage();
    place(doc, options.firstPage.placed);
    top = options.firstPage.top;
    row = Math.floor((top - TOP) / LEADING);
    top = TOP;
  }
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (row >= perPage || line.startsWith('\f')) {
      doc.addPage();
      row = 0;
      if (options.header) doc.font(FONTS.bold).fontSize(8).text(options.header, LEFT, 40, { lineBreak: false });
      if (line === '\f') continue;
    }
    const y = top + row++ * LEADING;
    const [first, ...rest] = line.replace(/^\f/, '').split('\t');
    const cells = rest.length ? [first, rest.join(' ')] : [first];
    cells.forEach((cell, c) => {
      let x = c === 0 ? LEFT : Math.max(TAB, doc.x + 20);
      for (const run of runs(cell)) {
        doc.font(FONTS[run.font]).fontSize(SIZE);
        doc.text(run.text, x, y, { lineBreak: false });
        x += doc.widthOfString(run.text);
      }
      doc.x = x;
    });
  }
  if (options.pageNumbers) {
    const { count } = doc.bufferedPageRange();
    for (let p = 0; p < count; p++) {
      doc.switchToPage(p);
      doc
        .font(FONTS.regular)
        .fontSize(8)
        .text(`Pagina ${p + 1} van ${count}`, LEFT, 800, { lineBreak: false });
    }
  }
  return finish(doc);
}
