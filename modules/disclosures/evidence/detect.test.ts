import { describe, expect, it } from 'vitest';
import { detectEvidenceType, MAX_EVIDENCE_BYTES } from './detect';
import { TINY_JPEG, TINY_PNG, TINY_WEBP } from './samples.testutil';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const pdf = (body = '') => text(`%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog ${body}>>\nendobj\ntrailer\n%%EOF\n`);

describe('detectEvidenceType: accepted types by magic number', () => {
  it('recognises real PNG, JPEG and WebP images', () => {
    expect(detectEvidenceType(TINY_PNG)).toEqual({ ok: true, mime: 'image/png', ext: 'png' });
    expect(detectEvidenceType(TINY_JPEG)).toEqual({ ok: true, mime: 'image/jpeg', ext: 'jpg' });
    expect(detectEvidenceType(TINY_WEBP)).toEqual({ ok: true, mime: 'image/webp', ext: 'webp' });
  });
  it('recognises a PDF', () => {
    expect(detectEvidenceType(pdf())).toEqual({ ok: true, mime: 'application/pdf', ext: 'pdf' });
  });
  it('needs more than the first bytes of a signature', () => {
    expect(detectEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x41, 0x42, 0x43, 0x44)).ok).toBe(false);
    expect(detectEvidenceType(bytes(0xff, 0xd8, 0xff)).ok).toBe(false);
    expect(detectEvidenceType(text('RIFF\x10\x00\x00\x00WAVEfmt ')).ok).toBe(false);
    expect(detectEvidenceType(text('%PDF-x')).ok).toBe(false);
  });
});

describe('detectEvidenceType: refusals with a reason', () => {
  it('refuses HTML whatever the file is called', () => {
    expect(detectEvidenceType(text('<!DOCTYPE html><html><body>hi</body></html>'))).toEqual({ ok: false, reason: 'html' });
    expect(detectEvidenceType(text('\ufeff  \n<html><script>alert(1)</script>'))).toEqual({ ok: false, reason: 'html' });
    expect(detectEvidenceType(text('<script>alert(document.cookie)</script>'))).toEqual({ ok: false, reason: 'html' });
  });
  it('refuses UTF-16 HTML', () => {
    const s = '<html><body>x</body></html>';
    const u16 = new Uint8Array(2 + s.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) u16[2 + i * 2] = s.charCodeAt(i);
    expect(detectEvidenceType(u16)).toEqual({ ok: false, reason: 'html' });
  });
  it('refuses SVG, with or without an XML declaration', () => {
    expect(detectEvidenceType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'))).toEqual({ ok: false, reason: 'svg' });
    expect(detectEvidenceType(text('<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg onload="alert(1)"/>'))).toEqual({ ok: false, reason: 'svg' });
  });
  it('refuses scripts', () => {
    expect(detectEvidenceType(text('#!/bin/sh\nrm -rf /'))).toEqual({ ok: false, reason: 'script' });
    expect(detectEvidenceType(text('<?php echo 1;'))).toEqual({ ok: false, reason: 'script' });
    expect(detectEvidenceType(text('function x() { return 1 }'))).toEqual({ ok: false, reason: 'script' });
  });
  it('refuses other types, empty files and files over 10 MB', () => {
    expect(detectEvidenceType(text('GIF89a\x01\x00\x01\x00'))).toEqual({ ok: false, reason: 'unsupported' });
    expect(detectEvidenceType(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3))).toEqual({ ok: false, reason: 'unsupported' });
    expect(detectEvidenceType(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
    expect(detectEvidenceType(TINY_PNG, MAX_EVIDENCE_BYTES + 1)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(detectEvidenceType(TINY_PNG, MAX_EVIDENCE_BYTES).ok).toBe(true);
  });
  it('refuses an image whose head carries markup (HTML/SVG polyglot)', () => {
    const poly = new Uint8Array(TINY_PNG.length + 40);
    poly.set(TINY_PNG.subarray(0, 33));
    poly.set(text('tEXt<script>alert(1)</script>'), 33);
    expect(detectEvidenceType(poly)).toEqual({ ok: false, reason: 'html' });
  });
});
