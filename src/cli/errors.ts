/**
 * A problem the user can fix (bad argument, unreadable file, existing output): printed as one
 * Chinese sentence on stderr, never with a stack trace, and exit code 2.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
