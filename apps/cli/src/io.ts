import { debugEnabled } from '@applydesk/config';
import { DomainError, isDomainError } from '@applydesk/domain';
import { EXIT, EXIT_FOR } from './exit-codes.js';

/** Where the CLI writes; tests pass buffers. Data goes to out, everything else to err. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when err is a terminal that can redraw a progress line. */
  interactive: boolean;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
};

export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line of cause, then the fix; every listed problem on its own line. Never a stack trace. */
export function reportError(io: CliIO, error: unknown): number {
  if (isDomainError(error)) {
    const problems = error.details?.problems;
    if (Array.isArray(problems) && problems.length > 1) {
      const where =
        typeof error.details?.file === 'string' ? error.details.file : 'the configuration';
      io.err(
        `error: ${where} has ${problems.length} problems:\n${problems.map((p) => `  - ${String(p)}\n`).join('')}`,
      );
    } else {
      io.err(`error: ${error.message}\n`);
    }
    if (error.hint !== undefined) io.err(`fix: ${error.hint}\n`);
    return EXIT_FOR[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(
    `error: ${message}\nfix: this is a bug in ApplyDesk; run with APPLYDESK_DEBUG=1 for details and report it\n`,
  );
  if (debugEnabled() && error instanceof Error && error.stack !== undefined)
    io.err(`${error.stack}\n`);
  return EXIT.SOFTWARE;
}

export function usageError(message: string, hint?: string): DomainError {
  return new DomainError('INVALID_INPUT', message, hint === undefined ? {} : { hint });
}
