import { ACCEPTED, describeStart, extensionOf, refuse } from './refuse.js';
import { zipEntries } from './zip.js';

export type ResumeFormat = 'pdf' | 'docx' | 'markdown' | 'text' | 'json-resume';

/** A resume file as it arrives: its bytes, its name and, when known, its media type. */
export interface ResumeFile {
  bytes: Uint8Array;
  fileName: string;
  mediaType?: string;
}

export type Detected =
  | { format: 'pdf' | 'docx'; warnings: string[] }
  | { format: 'markdown' | 'text' | 'json-resume'; text: string; warnings: string[] };

/** Larger than any resume: refused before a parser spends time or memory on it. */
export const MAX_BYTES = 20 * 1024 * 1024;
/** The unpacked size of a DOCX's main part beyond which it is taken for a ZIP bomb. */
const MAX_DOCUMENT_XML = 64 * 1024 * 1024;

const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);
const SAVE_AS = 'save or export it as PDF or DOCX (or paste the text into a .md or .txt file)';

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Formats recognized by their first bytes that ApplyDesk does not read, and why. */
function knownBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return 'a Word 97-2003 .doc (or another legacy Office) file';
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'an RTF document';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a))
    return 'a TIFF image';
  if (startsWith(bytes, 0x1f, 0x8b)) return 'a gzip archive';
  if (startsWith(bytes, 0x52, 0x61, 0x72, 0x21)) return 'a RAR archive';
  if (startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf)) return 'a 7-Zip archive';
  return null;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // Readers accept the header anywhere in the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Control characters other than tab, newline, carriage return and form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length / 100;
}

/** Decodes text by its byte-order mark, else as UTF-8, else as Windows-1252 (with a warning). */
function decodeText(bytes: Uint8Array, warnings: string[]): string | null {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    warnings.push('the text is not UTF-8; it was read as Windows-1252 (Western European)');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * What a file is, by its content first (`%PDF-`, a ZIP holding `word/document.xml`, text),
 * then by its name or media type (Markdown, JSON). Anything else is refused with the reason.
 */
export function detectFormat(file: ResumeFile): Detected {
  const { bytes, fileName } = file;
  const ext = extensionOf(fileName);
  const media = (file.mediaType ?? '').toLowerCase().split(';')[0]!.trim();
  const warnings: string[] = [];
  if (bytes.length === 0)
    throw refuse(
      fileName,
      'the file is empty (0 bytes)',
      'choose the resume file again; it may not have finished downloading or saving',
    );
  if (bytes.length > MAX_BYTES)
    throw refuse(
      fileName,
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a resume is expected to be under ${MAX_BYTES / 1024 / 1024} MB`,
      'export the resume without embedded images or fonts, or as DOCX or Markdown',
      { size: bytes.length },
    );

  if (hasPdfHeader(bytes)) return { format: 'pdf', warnings: mismatch(ext, 'pdf', warnings) };

  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const entries = zipEntries(bytes);
    if (entries === null)
      throw refuse(
        fileName,
        `a damaged ZIP archive (it starts with ${describeStart(bytes)} but its directory cannot be read)`,
        'the file may be cut short: download or save it again, or export the resume as PDF',
      );
    const main = entries.find((e) => e.name === 'word/document.xml');
    if (main === undefined) {
      const names = new Set(entries.map((e) => e.name));
      const what = names.has('content.xml')
        ? 'an OpenDocument (LibreOffice/OpenOffice) file'
        : names.has('[Content_Types].xml')
          ? 'an Office file that is not a Word document'
          : 'a ZIP archive';
      throw refuse(
        fileName,
        `not ${ACCEPTED} (it starts with ${describeStart(bytes)}: ${what} without word/document.xml)`,
        `open it in Word or LibreOffice and ${SAVE_AS}`,
        { entries: entries.slice(0, 20).map((e) => e.name) },
      );
    }
    if (main.size !== null && main.size > MAX_DOCUMENT_XML)
      throw refuse(
        fileName,
        `its word/document.xml unpacks to ${(main.size / 1024 / 1024).toFixed(0)} MB, far more than any resume`,
        'save the resume again from Word, or export it as PDF',
      );
    return { format: 'docx', warnings: mismatch(ext, 'docx', warnings) };
  }

  const binary = knownBinary(bytes);
  if (binary !== null)
    throw refuse(
      fileName,
      `not ${ACCEPTED} (it starts with ${describeStart(bytes)}: ${binary})`,
      binary.includes('image')
        ? 'ApplyDesk reads text and does no OCR: export the resume from its editor as PDF or DOCX'
        : SAVE_AS,
    );

  const text = decodeText(bytes, warnings);
  if (text === null) {
    const named =
      ext === 'pdf'
        ? ' (named .pdf but without a %PDF- header: damaged, or not a PDF)'
        : ext === 'docx'
          ? ' (named .docx but not a ZIP archive: damaged, or not a Word document)'
          : ', which is binary, not text';
    throw refuse(
      fileName,
      `not ${ACCEPTED} (it starts with ${describeStart(bytes)}${named})`,
      `${SAVE_AS}; if it should be one of those, it may be damaged: save or download it again`,
    );
  }
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (trimmed === '')
    throw refuse(
      fileName,
      'the file has only blank space, no text',
      'choose the resume file again, or paste its text into a .md or .txt file',
    );
  if (/^<(?:!doctype\s+html|html[\s>]|\?xml)/i.test(trimmed))
    throw refuse(
      fileName,
      `not ${ACCEPTED} (it starts with ${describeStart(bytes, 14)}: an HTML or XML document)`,
      `print the page to PDF, or ${SAVE_AS}`,
    );

  const jsonByName = ext === 'json' || media === 'application/json' || media.endsWith('+json');
  if (jsonByName || (trimmed.startsWith('{') && parsesAsJson(trimmed)))
    return { format: 'json-resume', text: trimmed, warnings };
  const markdown =
    MARKDOWN_EXTENSIONS.has(ext) ||
    media === 'text/markdown' ||
    /^#{1,6}\s+\S/m.test(trimmed) ||
    /\[[^\]\n]+\]\([^)\n]+\)|\*\*[^*\n]+\*\*/.test(trimmed);
  if (ext === 'pdf' || ext === 'docx')
    warnings.push(`the file is named .${ext} but holds plain text; it was read as text`);
  return { format: markdown ? 'markdown' : 'text', text: trimmed, warnings };
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function mismatch(ext: string, format: 'pdf' | 'docx', warnings: string[]): string[] {
  if (ext !== '' && ext !== format)
    warnings.push(`the file is named .${ext} but is a ${format.toUpperCase()}; it was read as one`);
  return warnings;
}
