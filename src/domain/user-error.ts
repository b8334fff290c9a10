/**
 * An error the user can fix (bad path, invalid config, bad flag). Rendered as one line with a hint and
 * exit code; anything else is a bug (exit 2, stack trace only with --debug).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}
