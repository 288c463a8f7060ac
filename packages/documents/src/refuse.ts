import { DomainError } from '@applydesk/domain';

export const ACCEPTED = 'a PDF, DOCX, Markdown, text or JSON Resume file';

/** The error for a file ApplyDesk will not read: the file and the reason, and what to do. */
export function refuse(
  fileName: string,
  reason: string,
  hint: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): DomainError {
  return new DomainError('INVALID_INPUT', `${fileName}: ${reason}`, {
    hint,
    details: { fileName, ...details },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The first bytes as text a person can read: `"PK\x03\x04\x14\x00"`. */
export function describeStart(bytes: Uint8Array, count = 8): string {
  let out = '';
  for (const byte of bytes.subarray(0, count)) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `"${out}"`;
}

/** The file name's extension, lower case, without the dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
