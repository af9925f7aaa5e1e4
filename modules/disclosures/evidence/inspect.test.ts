import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectEvidence } from './inspect';
import { inspectPdf, pdfNames } from './pdf-scan';
import { TINY_JPEG } from './samples.testutil';

const text = (s: string) => new TextEncoder().encode(s);
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const pdf = (body = '') => text(`%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog ${body}>>\nendobj\ntrailer\n%%EOF\n`);

/** A PDF 1.5 file whose objects 2 and 3 sit in a compressed object stream (as real writers make them). */
function withObjectStream(objects: string, opts: { dict?: string; encode?: (b: Uint8Array) => Uint8Array } = {}): Uint8Array {
  const header = '2 0 3 40 ';
  const body = text(header + objects);
  const data = (opts.encode ?? ((b) => deflateSync(b)))(body);
  const dict = opts.dict ?? `/Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode`;
  const head = `%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n4 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`;
  const tail = '\nendstream\nendobj\n5 0 obj\n<< /Type /XRef /Size 6 >>\nstream\n\nendstream\nendobj\nstartxref\n0\n%%EOF\n';
  return Uint8Array.from([...Buffer.from(head, 'latin1'), ...data, ...Buffer.from(tail, 'latin1')]);
}

const JS_ACTION = '<< /Type /Action /S /JavaScript /JS (app.alert(1)) >> << /Type /Pages /Kids [] /Count 0 >>';
const HARMLESS = '<< /Type /Outlines /Count 0 >> << /Type /Pages /Kids [] /Count 0 >>';

describe('PDF active content (issue 3, bypasses from issue 13)', () => {
  it('refuses JavaScript, launch actions and embedded files in plain objects', () => {
    expect(inspectEvidence(pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> '))).toEqual({ ok: false, reason: 'script' });
    expect(inspectEvidence(pdf('/AA << /O << /S /Launch /F (cmd.exe) >> >> '))).toEqual({ ok: false, reason: 'script' });
    expect(inspectEvidence(pdf('/Names << /EmbeddedFiles 9 0 R >> '))).toEqual({ ok: false, reason: 'script' });
    expect(inspectEvidence(pdf('/Names << /JSON 1 >> ')).ok).toBe(true);
    expect(inspectPdf(pdf())).toBe('clean');
  });

  it('bypass 1: a name spelt with #xx escapes is decoded before it is compared', () => {
    expect(inspectEvidence(pdf('/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >> '))).toEqual({ ok: false, reason: 'script' });
    expect(inspectEvidence(pdf('/OpenAction << /S /#4a#61#76#61#53#63#72#69#70#74 >> '))).toEqual({ ok: false, reason: 'script' });
    expect(inspectEvidence(pdf('/AA << /O << /S /L#61unch >> >> '))).toEqual({ ok: false, reason: 'script' });
    expect(pdfNames(text('/Java#53cript /J#53 /A#2')).slice(0, 2)).toEqual(['JavaScript', 'JS']);
  });

  it('bypass 2: JavaScript inside a compressed object stream is found', () => {
    const hidden = withObjectStream(JS_ACTION);
    expect(latin1(hidden)).not.toContain('JavaScript'); // invisible to a byte search
    expect(inspectEvidence(hidden)).toEqual({ ok: false, reason: 'script' });
    // Both tricks at once, and the stream's own dictionary spelt with escapes.
    expect(inspectPdf(withObjectStream(JS_ACTION.replace('/JavaScript', '/Java#53cript'), { dict: '/Type /Obj#53tm /N 2 /First 9 /Filter /Fl#61teDecode' }))).toBe('active');
    // An object stream without its /Type is still one for readers (found by /N and /First).
    expect(inspectPdf(withObjectStream(JS_ACTION, { dict: '/N 2 /First 9 /Filter /FlateDecode' }))).toBe('active');
    // Filter chains and ASCII filters are decoded too.
    const a85 = (b: Uint8Array) => {
      let out = '';
      for (let i = 0; i < b.length; i += 4) {
        const chunk = [...b.subarray(i, i + 4)];
        const n = chunk.length;
        while (chunk.length < 4) chunk.push(0);
        let v = ((chunk[0]! << 24) >>> 0) + (chunk[1]! << 16) + (chunk[2]! << 8) + chunk[3]!;
        const digits: string[] = [];
        for (let k = 0; k < 5; k++) {
          digits.unshift(String.fromCharCode((v % 85) + 33));
          v = Math.floor(v / 85);
        }
        out += digits.slice(0, n + 1).join('');
      }
      return text(`${out}~>`);
    };
    expect(inspectPdf(withObjectStream(JS_ACTION, { dict: '/Type /ObjStm /N 2 /First 9 /Filter [/ASCII85Decode /FlateDecode]', encode: (b) => a85(deflateSync(b)) }))).toBe('active');
    expect(inspectPdf(withObjectStream(JS_ACTION, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /AHx', encode: (b) => text(`${Buffer.from(b).toString('hex')}>`) }))).toBe('active');
  });

  it('a compressed object stream without active content is accepted', () => {
    expect(inspectEvidence(withObjectStream(HARMLESS))).toEqual({ ok: true, mime: 'application/pdf', ext: 'pdf' });
  });

  it('a string or comment cannot fake the stream dictionary', () => {
    // A string holding "endobj" and a comment holding a filter do not change what the stream is.
    const tricky = withObjectStream(JS_ACTION, { dict: '/Type /ObjStm /T (endobj 9 0 obj << /Filter /LZWDecode >>) /N 2 /First 9 /Filter /FlateDecode' });
    expect(inspectPdf(tricky)).toBe('active');
  });

  it('refuses an object stream it cannot read rather than waving it through', () => {
    // LZW, RunLength or an unknown filter; a predictor; a filter given by reference; damaged data; a duplicate /Filter.
    expect(inspectPdf(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /LZWDecode', encode: (b) => b }))).toBe('unverifiable');
    expect(inspectPdf(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /RunLengthDecode', encode: (b) => b }))).toBe('unverifiable');
    expect(inspectPdf(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>' }))).toBe('unverifiable');
    expect(inspectPdf(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter 7 0 R' }))).toBe('unverifiable');
    expect(inspectPdf(withObjectStream(HARMLESS, { encode: () => text('this is not deflate data at all') }))).toBe('unverifiable');
    expect(inspectPdf(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode /Filter /LZWDecode' }))).toBe('unverifiable');
    expect(inspectEvidence(withObjectStream(HARMLESS, { dict: '/Type /ObjStm /N 2 /First 9 /Filter /LZWDecode', encode: (b) => b }))).toEqual({ ok: false, reason: 'unverifiable' });
  });

  it('inflates like a lenient reader: a wrong checksum does not hide the objects', () => {
    const broken = (b: Uint8Array) => {
      const z = Uint8Array.from(deflateSync(b));
      z[z.length - 1] ^= 0xff; // adler32 no longer matches
      return z;
    };
    expect(inspectPdf(withObjectStream(JS_ACTION, { encode: broken }))).toBe('active');
  });

  it('a decompression bomb is refused quickly, not expanded into memory', () => {
    const bomb = withObjectStream(HARMLESS, { encode: () => deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20)) });
    const t = Date.now();
    expect(inspectPdf(bomb)).toBe('unverifiable');
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('leaves images alone', () => {
    expect(inspectEvidence(TINY_JPEG)).toMatchObject({ ok: true, mime: 'image/jpeg' });
  });
});
