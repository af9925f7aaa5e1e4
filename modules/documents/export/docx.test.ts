import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDistrictQuarterly } from '@/modules/documents/domain/district-quarterly';
import { busySchool, quarterFigures } from '@/modules/documents/domain/fixtures.testutil';
import { buildSchoolSummary } from '@/modules/documents/domain/school-summary';
import { docxFileName, documentDocx } from './docx';

async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    fonts: await zip.file('word/fontTable.xml')!.async('string'),
    footer: (await zip.file(/word\/footer\d*\.xml/)[0]?.async('string')) ?? '',
  };
}

describe('DOCX', () => {
  it('is an A4 Word file with the bureau’s margins, fonts (with fallbacks) and page numbers', async () => {
    const doc = buildSchoolSummary(busySchool(), { leadership: '成立了以校长为组长的领导小组 & 监督小组 <二>。' });
    const { document, fonts, footer } = await parts(await documentDocx(doc));
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(footer).toContain('PAGE');
    // Text is escaped, figures and typed words are there.
    expect(document).toContain('领导小组 &amp; 监督小组 &lt;二&gt;。');
    expect(document).toContain('公开覆盖率96.67%');
    expect(document).toContain('86,000.00');
    expect(docxFileName(doc)).toBe('东城区第一小学2025年度校务公开工作总结.docx');
  });

  it('puts the 文号 above the title of a 通报 and the office in the 落款', async () => {
    const doc = buildDistrictQuarterly(quarterFigures(), { docNumber: '东教督〔2026〕12号' });
    const { document } = await parts(await documentDocx(doc));
    expect(document.indexOf('东教督〔2026〕12号')).toBeGreaterThan(0);
    expect(document.indexOf('东教督〔2026〕12号')).toBeLessThan(document.indexOf(doc.title));
    expect(document).toContain('东城区教育局');
    expect(document).toContain('各中小学校：');
  });
});
