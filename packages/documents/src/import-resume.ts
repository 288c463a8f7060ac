import type { ProfileInputDraft } from '@applydesk/domain';
import { detectFormat, type ResumeFile, type ResumeFormat } from './detect.js';
import { readDocx } from './docx.js';
import { readJsonResume } from './json-resume.js';
import { readPdf } from './pdf.js';
import { parseResumeText } from './text/parse.js';

/** What importing a resume gave: a Profile draft to review, and what could not be placed. */
export interface ResumeImport {
  profile: ProfileInputDraft;
  format: ResumeFormat;
  /** Things the user should check, one sentence each. */
  warnings: string[];
  /** Text the importer could not place in a section (also in `profile.unplaced`). */
  unplaced: string[];
}

/**
 * Reads a resume (PDF, DOCX, Markdown, plain text or JSON Resume) into a Profile draft.
 * The format is told by content first, then by name; files that are none of these, or that
 * are empty, encrypted or damaged, are refused with a DomainError (INVALID_INPUT) naming the
 * file, the reason and a hint.
 */
export async function importResume(input: ResumeFile): Promise<ResumeImport> {
  const detected = detectFormat(input);
  const { format } = detected;
  switch (detected.format) {
    case 'json-resume': {
      const read = readJsonResume(detected.text, input.fileName);
      return finish(format, read.profile, [...detected.warnings, ...read.warnings], read.unplaced);
    }
    case 'markdown':
    case 'text': {
      const parsed = parseResumeText(detected.text);
      return finish(
        format,
        parsed.profile,
        [...detected.warnings, ...parsed.warnings],
        parsed.unplaced,
      );
    }
    case 'pdf': {
      const pdf = await readPdf(input.bytes, input.fileName);
      const parsed = parseResumeText(pdf.text, { links: pdf.links });
      return finish(
        format,
        parsed.profile,
        [...detected.warnings, ...parsed.warnings],
        parsed.unplaced,
      );
    }
    case 'docx': {
      const docx = await readDocx(input.bytes, input.fileName);
      const parsed = parseResumeText(docx.text);
      return finish(
        format,
        parsed.profile,
        [...detected.warnings, ...docx.warnings, ...parsed.warnings],
        parsed.unplaced,
      );
    }
  }
}

function finish(
  format: ResumeFormat,
  profile: ProfileInputDraft,
  warnings: string[],
  unplaced: string[],
): ResumeImport {
  return { profile: { ...profile, unplaced }, format, warnings: [...new Set(warnings)], unplaced };
}
