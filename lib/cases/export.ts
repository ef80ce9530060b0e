/** One case file in the format asked for, with the file name and type a download needs. */
import { renderJson } from '@/lib/cli/render';
import { caseToHtml } from './html';
import { caseToMarkdown } from './markdown';
import type { CaseFile } from './schema';

export const CASE_FORMATS = ['md', 'json', 'html'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];

const TYPES: Record<CaseFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** "localhost-doctor-case-localhost-3000-20261202-1402.md": only letters, digits and hyphens from the target. */
export function caseFileName(caseFile: CaseFile, format: CaseFormat): string {
  const target =
    caseFile.session.target
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'target';
  const at = caseFile.exportedAt.replace(/[^0-9]/g, '').slice(0, 12);
  return `localhost-doctor-case-${target}-${at.slice(0, 8)}-${at.slice(8, 12)}.${format}`;
}

export function renderCase(
  caseFile: CaseFile,
  format: CaseFormat,
): { body: string; contentType: string; fileName: string } {
  const body =
    format === 'md'
      ? caseToMarkdown(caseFile)
      : format === 'html'
        ? caseToHtml(caseFile)
        : `${renderJson(caseFile)}\n`;
  return { body, contentType: TYPES[format], fileName: caseFileName(caseFile, format) };
}
