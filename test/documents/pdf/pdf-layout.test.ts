// The layout of a PDF's text items into lines (server/documents/pdf-layout.ts), on items placed by
// hand: no PDF library, so every rule is shown on the smallest example.
import assert from 'node:assert/strict';
import { layoutText, type PdfItem, type PdfPage } from '../../../server/documents/pdf-layout';

const WIDTH = 5; // points per character at size 10, near enough for Helvetica

/** An item at (x, y) whose width follows from its length. */
const item = (str: string, x: number, y: number, extra: Partial<PdfItem> = {}): PdfItem => ({
  str,
  x,
  y,
  width: str.length * WIDTH,
  size: 10,
  ...extra,
});

/** Lines of text at x, 12 points apart from y down. */
const column = (x: number, y: number, lines: string[]): PdfItem[] => lines.map((l, i) => item(l, x, y + i * 12));

const page = (...items: PdfItem[][]): PdfPage => ({ items: items.flat() });

describe('pdf layout: items become the lines a reader sees', () => {
  it('orders items by their place, not by the order the PDF drew them, and joins words with one space', () => {
    const text = layoutText([
      page([item('regel', 60, 112), item('Tweede', 25, 112), item('Eerste', 25, 100), item('regel', 60, 100), item('.', 85, 100)]),
    ]);
    assert.equal(text, 'Eerste regel.\nTweede regel');
  });

  it('puts a tab where a line has a wide gap, and an empty line for a paragraph and between pages', () => {
    const text = layoutText([
      page(
        [item('Datum', 60, 100), item('5 maart 2015', 200, 100)],
        column(60, 130, ['Eerste alinea, regel een,', 'en regel twee.']),
        column(60, 166, ['Tweede alinea.']),
      ),
      page(column(60, 100, ['Op de volgende pagina.'])),
    ]);
    assert.equal(text, 'Datum\t5 maart 2015\n\nEerste alinea, regel een,\nen regel twee.\n\nTweede alinea.\n\nOp de volgende pagina.');
  });

  it('reads on over a page break where the text plainly goes on', () => {
    const text = layoutText([page(column(60, 100, ['Ingediend door:'])), page(column(60, 100, ['Anouk Smeets (SP)']))]);
    assert.equal(text, 'Ingediend door:\nAnouk Smeets (SP)');
  });

  it('reads a narrow letterhead column beside the address and the text as a block of its own, first', () => {
    const text = layoutText([
      page(
        column(60, 100, ['Aan de leden van de gemeenteraad', 'Postbus 1992', '6201 BZ Maastricht', '', 'Geachte leden van de raad,']),
        column(380, 100, ['ONDERWERP', 'Renovatie van de', 'Stadsschouwburg', 'DATUM', '5 maart 2015', 'ONZE REFERENTIE', '2015.08141']),
        column(60, 200, ['Hierbij informeren wij u over de renovatie van de Stadsschouwburg, die in het najaar begint.']),
      ),
    ]);
    assert.equal(
      text,
      [
        'ONDERWERP\nRenovatie van de\nStadsschouwburg\nDATUM\n5 maart 2015\nONZE REFERENTIE\n2015.08141',
        'Aan de leden van de gemeenteraad\nPostbus 1992\n6201 BZ Maastricht\n\nGeachte leden van de raad,',
        'Hierbij informeren wij u over de renovatie van de Stadsschouwburg, die in het najaar begint.',
      ].join('\n\n'),
    );
  });

  it('keeps labels beside their values, and list numbers beside their items, line by line', () => {
    const text = layoutText([
      page(
        [item('Datum', 60, 100), item('5 maart 2015', 200, 100)],
        [item('Onderwerp', 60, 112), item('Renovatie van de', 200, 112)],
        [item('Stadsschouwburg', 200, 124)],
        [item('1.', 60, 160), item('Hoeveel meldingen ontving de gemeente', 80, 160)],
        [item('in 2017?', 80, 172)],
        [item('2.', 60, 184), item('Welke maatregelen neemt het college?', 80, 184)],
      ),
    ]);
    assert.equal(
      text,
      'Datum\t5 maart 2015\nOnderwerp\tRenovatie van de\nStadsschouwburg\n\n1. Hoeveel meldingen ontving de gemeente\nin 2017?\n2. Welke maatregelen neemt het college?',
    );
  });

  it('drops a running header and the page numbers, and keeps the same words where they are not furniture', () => {
    const pages = [1, 2, 3].map((n) =>
      page(
        [item('Gemeente Maastricht | Kenmerk 2015.08141', 60, 40)],
        n === 1 ? column(60, 100, ['Gemeente Maastricht | Kenmerk 2015.08141', 'Geachte raad,']) : [],
        column(60, 130, [`Vraag ${n}`, `Wat doet het college aan knelpunt ${'ABC'[n - 1]}?`]),
        [item(`Pagina ${n} van 3`, 60, 800)],
      ),
    );
    assert.equal(
      layoutText(pages),
      [
        'Gemeente Maastricht | Kenmerk 2015.08141\nGeachte raad,',
        'Vraag 1\nWat doet het college aan knelpunt A?',
        'Vraag 2\nWat doet het college aan knelpunt B?',
        'Vraag 3\nWat doet het college aan knelpunt C?',
      ].join('\n\n'),
    );
  });

  it('joins a word broken with a soft hyphen, and leaves a hard hyphen alone', () => {
    const text = layoutText([page(column(60, 100, ['De inkoop van jeugd\u00ad', 'hulp loopt goed. Het midden-', 'en kleinbedrijf ook.']))]);
    assert.equal(text, 'De inkoop van jeugdhulp\nloopt goed. Het midden-\nen kleinbedrijf ook.');
  });

  it('marks italic runs as the paste-import reads them', () => {
    const text = layoutText([
      page([
        item('Antwoord:', 60, 100),
        item('In 2017 ontvingen wij', 110, 100, { italic: true }),
        item('143 meldingen.', 220, 100, { italic: true }),
      ]),
    ]);
    assert.equal(text, 'Antwoord: <i>In 2017 ontvingen wij 143 meldingen.</i>');
  });
});
