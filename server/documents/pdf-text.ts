// The text of a PDF, for the paste-import and for search in attached PDFs (attachments/file-text.ts):
// pdfjs-dist (Mozilla's PDF.js, legacy build for Node) reads the text items of every page,
// pdf-layout.ts puts them into lines as a reader sees them.
// PDF.js runs in a worker thread of its own, so a PDF that takes too long or too much memory is
// stopped (the worker is ended) without holding up the server. Every refusal is a PdfTextError with
// a Dutch message for the editor.
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { withoutForbiddenChars } from '../shared/validation';
import { layoutText, type PdfPage } from './pdf-layout';

const PDF_LIMITS = {
  /** The same as an attachment's (attachments/upload.ts): the PDF is kept as one. */
  bytes: 20 * 1024 * 1024,
  pages: 200,
  timeoutMs: 20_000,
  memoryMb: 512,
} as const;

export type PdfRefusal = 'too-large' | 'not-pdf' | 'encrypted' | 'broken' | 'too-many-pages' | 'timeout' | 'too-heavy' | 'no-text';

export class PdfTextError extends Error {
  constructor(
    readonly reason: PdfRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'PdfTextError';
  }
}

const PASTE_INSTEAD = 'Je kunt ook de tekst van het document kopiëren en plakken.';

/** The refusal for this reason, with its Dutch message. */
export function pdfRefusal(reason: PdfRefusal, detail: { pages?: number; limits?: Limits } = {}): PdfTextError {
  const limits = detail.limits ?? PDF_LIMITS;
  const messages: Record<PdfRefusal, string> = {
    'too-large': `Deze pdf is groter dan ${Math.round(limits.bytes / 1024 / 1024)} MB; zo'n groot bestand leest Stadslog niet. Maak de pdf kleiner of splits hem.`,
    'not-pdf': 'Dit bestand is geen pdf. Kies het pdf-bestand van het document.',
    encrypted:
      'Deze pdf is met een wachtwoord beveiligd, zodat de tekst niet te lezen is. Sla hem zonder wachtwoord op en kies hem opnieuw.',
    broken:
      'Deze pdf is beschadigd: het bestand is niet te openen. Misschien ging het downloaden mis; haal de pdf opnieuw op en kies hem nog eens.',
    'too-many-pages': `Deze pdf heeft ${detail.pages ?? 'te veel'} pagina's; Stadslog leest er hoogstens ${limits.pages}. Kies een pdf met alleen het document zelf.`,
    timeout: `Het lezen van deze pdf duurde langer dan ${Math.round(limits.timeoutMs / 1000)} seconden en is afgebroken.`,
    'too-heavy': 'Deze pdf vraagt te veel geheugen om te lezen en is niet gelezen.',
    'no-text': 'In deze pdf staat geen tekst die te lezen is: waarschijnlijk is het een scan (een afbeelding van papier).',
  };
  const tail = reason === 'too-large' || reason === 'not-pdf' ? '' : ` ${PASTE_INSTEAD}`;
  return new PdfTextError(reason, messages[reason] + tail);
}

type Limits = { bytes: number; pages: number; timeoutMs: number; memoryMb: number };

type WorkerAnswer = { ok: true; pages: PdfPage[] } | { ok: false; reason: 'encrypted' | 'broken' | 'too-many-pages'; pages?: number };

// The worker, as plain JavaScript (it runs the same under tsx, mocha and the build in dist/).
// Positions go through the page's viewport: from the top left, whatever the page's rotation or crop
// box. Text that does not run left to right across the page (a margin's vertical line) is left out.
// Whether an item is set in italics comes from its font (the college's answers often are).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(workerData.data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      disableAutoFetch: true, disableStream: true, verbosity: 0,
    }).promise;
  } catch (err) {
    parentPort.postMessage({ ok: false, reason: err && err.name === 'PasswordException' ? 'encrypted' : 'broken' });
    return;
  }
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ ok: false, reason: 'too-many-pages', pages: doc.numPages });
    return;
  }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items.filter((item) => typeof item.str === 'string' && item.str.trim());
    // The fonts reach this side with the page's operator list: only then is a font's style known.
    const italic = new Map();
    if (text.length) {
      try {
        await page.getOperatorList();
        for (const item of text) {
          if (italic.has(item.fontName)) continue;
          const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : null;
          italic.set(item.fontName, Boolean(font && (font.italic || /italic|oblique/i.test(font.name || ''))));
        }
      } catch {}
    }
    const items = [];
    for (const item of text) {
      const t = pdfjs.Util.transform(viewport.transform, item.transform);
      if (Math.abs(t[1]) > Math.abs(t[0]) * 0.1 || t[0] <= 0) continue;
      items.push({
        str: item.str, x: t[4], y: t[5], width: item.width, size: Math.hypot(t[2], t[3]) || item.height,
        italic: italic.get(item.fontName) === true,
      });
    }
    pages.push({ items });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, pages });
})().catch(() => parentPort.postMessage({ ok: false, reason: 'broken' }));
`;

function readPages(bytes: Uint8Array, limits: Limits): Promise<PdfPage[]> {
  const data = new Uint8Array(bytes).buffer; // a copy, handed over to the worker
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { data, maxPages: limits.pages, pdfjsUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href },
    transferList: [data],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    stdout: true,
    stderr: true,
  });
  return new Promise<PdfPage[]>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(pdfRefusal('timeout', { limits }))), limits.timeoutMs);
    worker.on('message', (answer: WorkerAnswer) =>
      finish(() => (answer.ok ? resolve(answer.pages) : reject(pdfRefusal(answer.reason, { pages: answer.pages, limits })))),
    );
    worker.on('error', (err: NodeJS.ErrnoException) =>
      finish(() => reject(pdfRefusal(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-heavy' : 'broken', { limits }))),
    );
    worker.on('exit', () => finish(() => reject(pdfRefusal('broken', { limits }))));
    // Whatever PDF.js prints is not the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
  });
}

/** Whether these bytes start as a PDF does ("%PDF-"), as the attachments' type check has it. */
const looksLikePdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/**
 * The text of a PDF with its lines as a reader sees them. Throws PdfTextError when the file is too
 * large, not a PDF, encrypted, broken, too long, too slow or too heavy to read, or holds no text.
 */
export function pdfText(bytes: Uint8Array, options: Partial<Limits> = {}): Promise<string> {
  return readText(bytes, { ...PDF_LIMITS, ...options }, { italics: true });
}

/**
 * The same text without the <i>…</i> around italic runs: plain text, as search keeps it. Refuses as
 * pdfText does.
 */
export function pdfPlainText(bytes: Uint8Array, options: Partial<Limits> = {}): Promise<string> {
  return readText(bytes, { ...PDF_LIMITS, ...options }, { italics: false });
}

async function readText(bytes: Uint8Array, limits: Limits, { italics }: { italics: boolean }): Promise<string> {
  if (bytes.length > limits.bytes) throw pdfRefusal('too-large', { limits });
  if (!looksLikePdf(bytes)) throw pdfRefusal('not-pdf', { limits });
  let pages = await readPages(bytes, limits);
  if (!italics) pages = pages.map((page) => ({ items: page.items.map((item) => ({ ...item, italic: false })) }));
  // A font without a proper encoding may give control characters: no editor could type or keep them.
  const text = withoutForbiddenChars(layoutText(pages));
  if (!/[\p{L}\p{N}]/u.test(text)) throw pdfRefusal('no-text', { limits });
  return text;
}
