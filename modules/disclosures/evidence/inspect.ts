// The full server-side check of an upload's bytes: the type from its leading bytes (detect.ts,
// shared with the browser) and, for a PDF, the whole file scanned for active content
// (pdf-scan.ts). Server only.
import { detectEvidenceType, SNIFF_BYTES, type Detection } from './detect';
import { inspectPdf } from './pdf-scan';

export function inspectEvidence(bytes: Uint8Array): Detection {
  const d = detectEvidenceType(bytes.subarray(0, SNIFF_BYTES), bytes.length);
  if (!d.ok || d.mime !== 'application/pdf') return d;
  const verdict = inspectPdf(bytes);
  if (verdict === 'active') return { ok: false, reason: 'script' };
  if (verdict === 'unverifiable') return { ok: false, reason: 'unverifiable' };
  return d;
}
