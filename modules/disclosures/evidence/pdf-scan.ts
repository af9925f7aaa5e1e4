// Active content in an uploaded PDF (issue 3, hardened in issue 13): JavaScript, launch actions,
// embedded files, rich media, XFA forms. Server only (node:zlib).
//
// Two ways around a plain byte search are closed here:
// - names spelt with `#xx` escapes (`/Java#53cript` is `/JavaScript`): every name is decoded
//   before it is compared;
// - objects kept inside compressed object streams (PDF 1.5+), where the raw bytes show nothing:
//   the file is read with a small PDF lexer (strings and comments cannot fake a dictionary), every
//   object stream is decoded (FlateDecode, ASCIIHexDecode, ASCII85Decode, chained) and its objects
//   scanned. An object stream we cannot decode — another filter (LZW, RunLength, Crypt), a
//   predictor, encryption, damaged or oversized data — could hide anything: such a file is
//   'unverifiable' and refused rather than waved through.
import { constants, inflateRawSync, inflateSync } from 'node:zlib';

/** Names that make a PDF active. */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA']);
/** Decoded object-stream bytes allowed per file in total (no memory bomb from a 10 MB upload). */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export type PdfVerdict = 'clean' | 'active' | 'unverifiable';

const isWhite = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number | undefined) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const hexValue = (c: number | undefined) => (c === undefined ? -1 : c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** Reads one name starting after its '/', `#xx` escapes decoded; returns the name and the index after it. */
function readName(bytes: Uint8Array, from: number, to: number): [string, number] {
  let name = '';
  let j = from;
  while (j < to && !isWhite(bytes[j]) && !isDelimiter(bytes[j])) {
    if (bytes[j] === 0x23 && hexValue(bytes[j + 1]) >= 0 && hexValue(bytes[j + 2]) >= 0 && j + 2 < to) {
      name += String.fromCharCode(hexValue(bytes[j + 1]) * 16 + hexValue(bytes[j + 2]));
      j += 3;
    } else name += String.fromCharCode(bytes[j++]!);
  }
  return [name, j];
}

/** Every name token in the bytes (also inside strings and streams: a plain, suspicious scan), decoded. */
export function pdfNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = bytes.indexOf(0x2f); i !== -1; i = bytes.indexOf(0x2f, i + 1)) {
    const [name, next] = readName(bytes, i + 1, bytes.length);
    names.push(name);
    i = next - 1;
  }
  return names;
}

type Token = { t: 'name'; v: string } | { t: 'word'; v: string } | { t: 'open' | 'close' | 'aopen' | 'aclose' };

interface StreamObject {
  /** The top-level entries of the stream's dictionary, in order, values as tokens. */
  dict: Token[];
  data: Uint8Array;
}

function startsWithText(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

function indexOfText(bytes: Uint8Array, text: string, from: number): number {
  for (let i = bytes.indexOf(text.charCodeAt(0), from); i !== -1; i = bytes.indexOf(text.charCodeAt(0), i + 1)) if (startsWithText(bytes, i, text)) return i;
  return -1;
}

/** One value of a dictionary from index i: a name, a word, an indirect reference, an array or a dictionary. */
function readValue(dict: Token[], i: number): [Token[], number] {
  const tok = dict[i];
  if (!tok) return [[], i];
  if (tok.t === 'open' || tok.t === 'aopen') {
    let depth = 0;
    let j = i;
    for (; j < dict.length; j++) {
      const t = dict[j]!.t;
      if (t === 'open' || t === 'aopen') depth++;
      else if ((t === 'close' || t === 'aclose') && --depth === 0) break;
    }
    return [dict.slice(i, j + 1), j + 1];
  }
  const a = dict[i + 1];
  const b = dict[i + 2];
  if (tok.t === 'word' && /^\d+$/.test(tok.v) && a?.t === 'word' && /^\d+$/.test(a.v) && b?.t === 'word' && b.v === 'R') return [[tok, a, b], i + 3];
  return [[tok], i + 1];
}

/** The top-level entries of a dictionary; a key given twice keeps every value (readers differ on which wins). */
function entries(dict: Token[]): Map<string, Token[][]> {
  const map = new Map<string, Token[][]>();
  let i = 0;
  while (i < dict.length) {
    const key = dict[i]!;
    if (key.t !== 'name') {
      i = readValue(dict, i)[1];
      continue;
    }
    const [value, next] = readValue(dict, i + 1);
    map.set(key.v, [...(map.get(key.v) ?? []), value]);
    i = next;
  }
  return map;
}

/**
 * Lexes a PDF body and returns its stream objects with their dictionaries. Strings, hex strings
 * and comments are skipped as such, so text inside them cannot pose as a key or a keyword.
 */
function streamObjects(bytes: Uint8Array): StreamObject[] {
  const out: StreamObject[] = [];
  const n = bytes.length;
  let depth = 0;
  let current: Token[] | null = null;
  let last: Token[] | null = null;
  let i = 0;
  const push = (tok: Token) => {
    if (current && depth > 0) current.push(tok);
  };
  while (i < n) {
    const c = bytes[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x2f) {
      const [name, next] = readName(bytes, i + 1, n);
      push({ t: 'name', v: name });
      i = next;
    } else if (c === 0x28) {
      let level = 1;
      i++;
      while (i < n && level > 0) {
        if (bytes[i] === 0x5c) i += 2;
        else {
          if (bytes[i] === 0x28) level++;
          else if (bytes[i] === 0x29) level--;
          i++;
        }
      }
      push({ t: 'word', v: '(string)' });
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      if (depth === 0) current = [];
      else push({ t: 'open' });
      depth++;
      i += 2;
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && current) {
        last = current;
        current = null;
      } else push({ t: 'close' });
      i += 2;
    } else if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, i + 1);
      i = end === -1 ? n : end + 1;
      push({ t: 'word', v: '<hex>' });
    } else if (c === 0x5b || c === 0x5d) {
      push({ t: c === 0x5b ? 'aopen' : 'aclose' });
      i++;
    } else if (c === 0x7b || c === 0x7d || c === 0x29 || c === 0x3e) {
      i++;
    } else {
      let j = i;
      while (j < n && !isWhite(bytes[j]) && !isDelimiter(bytes[j])) j++;
      const word = String.fromCharCode(...bytes.subarray(i, Math.min(j, i + 32)));
      i = j;
      if (depth > 0) {
        push({ t: 'word', v: word });
        continue;
      }
      if (word === 'obj' || word === 'endobj') last = word === 'obj' ? null : last;
      if (word !== 'stream' || !last) continue;
      // Stream data: after the keyword's end of line, /Length bytes when that lands on
      // "endstream" (as readers do), otherwise up to the next "endstream".
      let start = i;
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const len = entries(last).get('Length');
      let end = -1;
      const lenTok = len?.length === 1 && len[0]!.length === 1 ? len[0]![0]! : null;
      if (lenTok?.t === 'word' && /^\d+$/.test(lenTok.v)) {
        const e = start + Number(lenTok.v);
        let k = e;
        while (k < n && isWhite(bytes[k])) k++;
        if (e <= n && startsWithText(bytes, k, 'endstream')) end = e;
      }
      if (end === -1) {
        end = indexOfText(bytes, 'endstream', start);
        if (end === -1) end = n;
      }
      out.push({ dict: last, data: bytes.subarray(start, end) });
      last = null;
      const after = indexOfText(bytes, 'endstream', end);
      i = after === -1 ? n : after + 9;
    }
  }
  return out;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = hexValue(c);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (group[k] ?? 84);
    for (let k = 0; k < count - 1; k++) out.push(Math.floor(v / 2 ** (24 - 8 * k)) & 0xff);
  };
  for (const c of data) {
    if (c === 0x7e) break; // "~>"
    if (isWhite(c)) continue;
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) {
      flush(5);
      group = [];
    }
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}

class TooLarge extends Error {}

/** Inflates like a lenient reader: zlib, then raw deflate past the header (checksum ignored), then raw. */
function inflate(data: Uint8Array, budget: { left: number }): Uint8Array | null {
  const opts = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget.left) };
  for (const attempt of [() => inflateSync(data, opts), () => inflateRawSync(data.subarray(2), opts), () => inflateRawSync(data, opts)]) {
    try {
      return attempt();
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    }
  }
  return null;
}

/** An object stream's objects as bytes, or null when its filters or their parameters are beyond us. */
function decodeObjectStream(s: StreamObject, budget: { left: number }): Uint8Array | null {
  const dict = entries(s.dict);
  if (dict.has('DecodeParms') || dict.has('DP') || (dict.get('Filter')?.length ?? 0) > 1 || (dict.get('F')?.length ?? 0) > 0) return null;
  const value = dict.get('Filter')?.[0] ?? [];
  const inner = value[0]?.t === 'aopen' ? value.slice(1, -1) : value;
  if (inner.some((t) => t.t !== 'name')) return null; // an indirect reference, a nested array, junk
  let data = s.data;
  for (const tok of inner) {
    const f = (tok as { v: string }).v;
    if (f === 'FlateDecode' || f === 'Fl') {
      const out = inflate(data, budget);
      if (!out) return null;
      data = out;
    } else if (f === 'ASCIIHexDecode' || f === 'AHx') data = asciiHex(data);
    else if (f === 'ASCII85Decode' || f === 'A85') data = ascii85(data);
    else return null;
    budget.left -= data.length;
    if (budget.left <= 0) throw new TooLarge();
  }
  return data;
}

function isObjectStream(dict: Token[]): boolean {
  const map = entries(dict);
  if ((map.get('Type') ?? []).some((v) => v[0]?.t === 'name' && v[0].v === 'ObjStm')) return true;
  // Readers find object streams through the cross-reference stream, not by their /Type: a stream
  // with the object-stream keys is treated as one whatever its type says.
  return map.has('N') && map.has('First');
}

/** Whether the PDF carries active content, cannot be checked, or is clean. */
export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  if (pdfNames(bytes).some((n) => ACTIVE_NAMES.has(n))) return 'active';
  const budget = { left: MAX_DECODED_BYTES };
  let verdict: PdfVerdict = 'clean';
  try {
    for (const s of streamObjects(bytes)) {
      if (!isObjectStream(s.dict)) continue;
      const objects = decodeObjectStream(s, budget);
      if (objects === null) verdict = 'unverifiable';
      else if (pdfNames(objects).some((n) => ACTIVE_NAMES.has(n))) return 'active';
    }
  } catch (e) {
    if (e instanceof TooLarge) return 'unverifiable';
    throw e;
  }
  return verdict;
}
