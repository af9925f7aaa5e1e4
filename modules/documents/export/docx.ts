// A generated document (issue 17) as a Word file, laid out as Chinese offices lay out their
// documents (GB/T 9704 党政机关公文格式): A4, margins 37/35/28/26 mm, title in 方正小标宋简体 二号,
// headings in 黑体 三号, body in 仿宋_GB2312 三号 with 28 pt lines and a two-character indent, page
// numbers "— 1 —" at the foot. Each Chinese font is named with a fallback (the font table's altName:
// 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体 …), so Word, WPS and LibreOffice substitute sensibly
// where the bureau's fonts are not installed. Renders the same DocumentModel as the print page.
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions } from 'docx';
import type { Block, DocumentModel, Paragraph as DocParagraph, Table as DocTable } from '@/modules/documents/domain/model';

/** twips: 1 mm = 56.7 twips; A4 = 210 × 297 mm. */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Font names as Chinese offices use them, and the font each falls back to. */
export const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;
const FALLBACK: Record<string, string> = { 方正小标宋简体: '宋体', 黑体: 'SimHei', 仿宋_GB2312: '仿宋', 仿宋: 'FangSong', 宋体: 'SimSun' };

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, table: 24, caption: 28 } as const;
const LINE = 560; // 28 pt, exact (the usual 22 lines a page)

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, size, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font, cs: FONTS.latin }, ...extra });
}

function bodyParagraph(p: DocParagraph): Paragraph {
  const placeholder = p.source === 'placeholder';
  // A typed text keeps its own paragraphs.
  const lines = p.text.split(/\n+/).filter((l) => l.trim());
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: lines.flatMap((l, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), run(l.trim(), FONTS.body, SIZE.body, placeholder ? { italics: true, highlight: 'yellow' } : {})]),
  });
}

function centred(text: string, font: string, size: number, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after }, children: [run(text, font, size)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(t: DocTable): (Paragraph | Table)[] {
  const weights = t.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : t.columns[i]?.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          children: [run(text, header ? FONTS.heading : FONTS.body, SIZE.table)],
        }),
      ],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 400, lineRule: LineRuleType.EXACT },
      children: [run(t.caption, FONTS.heading, SIZE.caption)],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.label, i, true)) }),
        ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [bodyParagraph(b)];
    case 'subheading':
      return [new Paragraph({ indent: { firstLine: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(b.text, FONTS.body, SIZE.body, { bold: true })] })];
    case 'table':
      return table(b);
    case 'chart':
      // The DOCX keeps the figures as the table beside the chart; the chart is drawn on the print page.
      return [];
  }
}

function fontTable(): string {
  const fonts = [FONTS.title, FONTS.heading, FONTS.body, '仿宋', '宋体', FONTS.latin];
  const entry = (name: string) =>
    name === FONTS.latin
      ? `<w:font w:name="${name}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`
      : `<w:font w:name="${name}">${FALLBACK[name] ? `<w:altName w:val="${FALLBACK[name]}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${name === FONTS.heading ? 'modern' : 'roman'}"/><w:pitch w:val="${name === FONTS.title ? 'variable' : 'fixed'}"/></w:font>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.map(entry).join('')}</w:fonts>`;
}

/** The Word file of a document model. */
export async function documentDocx(doc: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (doc.docNumber) children.push(centred(doc.docNumber, FONTS.body, SIZE.body, 240));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: doc.docNumber ? 240 : 0, after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, FONTS.title, SIZE.title)],
    }),
  );
  if (doc.note) children.push(centred(doc.note, FONTS.body, SIZE.body));
  if (doc.addressees) children.push(new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(doc.addressees, FONTS.body, SIZE.body)] }));
  for (const p of doc.opening) children.push(bodyParagraph(p));
  for (const s of doc.sections) {
    children.push(new Paragraph({ indent: { firstLine: 640 }, keepNext: true, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(s.heading, FONTS.heading, SIZE.body)] }));
    for (const b of s.blocks) children.push(...block(b));
  }
  children.push(new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }));
  for (const line of [...doc.signature.lines, doc.signature.date])
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(line, FONTS.body, SIZE.body)] }));

  const file = new Document({
    creator: '阳光校务 Sunlight',
    title: doc.title,
    description: doc.docNumber ?? doc.title,
    styles: { default: { document: { run: { size: SIZE.body, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body } } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: 851, footer: 992 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run('— ', '宋体', 28), new TextRun({ children: [PageNumber.CURRENT], size: 28, font: FONTS.latin }), run(' —', '宋体', 28)],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}

/** A file name for the download (the browser gets it RFC 5987-encoded). */
export function docxFileName(doc: DocumentModel): string {
  return `${doc.title.replace(/[\\/:*?"<>|\s]+/g, '')}.docx`;
}

export function docxResponse(buf: Buffer, name: string): Response {
  return new Response(new Uint8Array(buf), {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    },
  });
}
