import type { ErrorCode } from '@applydesk/domain';

/** Exit codes follow BSD sysexits, so scripts can tell a bad config from a busy port. */
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 64,
  DATA: 65,
  NO_INPUT: 66,
  UNAVAILABLE: 69,
  SOFTWARE: 70,
  CANT_CREATE: 73,
  TEMP_FAIL: 75,
  NO_PERMISSION: 77,
  CONFIG: 78,
} as const;

export const EXIT_FOR: Record<ErrorCode, number> = {
  INVALID_INPUT: EXIT.DATA,
  NOT_FOUND: EXIT.NO_INPUT,
  CONFLICT: EXIT.DATA,
  ILLEGAL_TRANSITION: EXIT.DATA,
  CONFIG_INVALID: EXIT.CONFIG,
  CONFIG_NOT_FOUND: EXIT.CONFIG,
  DATABASE_UNAVAILABLE: EXIT.UNAVAILABLE,
  DATABASE_DIRECTORY_MISSING: EXIT.CANT_CREATE,
  DATABASE_TOO_NEW: EXIT.UNAVAILABLE,
  PORT_IN_USE: EXIT.UNAVAILABLE,
  UNAUTHORIZED: EXIT.NO_PERMISSION,
  FORBIDDEN: EXIT.NO_PERMISSION,
  RATE_LIMITED: EXIT.TEMP_FAIL,
  UPSTREAM_FAILED: EXIT.UNAVAILABLE,
  INTERNAL: EXIT.SOFTWARE,
};

export const EXIT_HELP = `Exit codes:
  0   success
  1   the command ran but found problems (doctor)
  64  bad usage (unknown option or command)
  65  invalid input
  66  not found
  69  a service is unavailable (database, port in use, the --server cannot be reached)
  70  internal error
  73  cannot create a file or directory
  75  try again later (rate limited)
  77  not allowed (the server's API token is missing, wrong or read-only)
  78  configuration error`;
