/**
 * A problem in a provider model file, named by file and entry so the user can find and fix it:
 * `models/providers/yahoo.json: responses[3].class: "ratelimit" is not a class (one of ...)`.
 */
export interface ModelError {
  /** The file as the user knows it, e.g. `models/providers/yahoo.json`. */
  readonly file: string;
  /** Path of the entry inside the file, e.g. `responses[3].class`; '' for the file as a whole. */
  readonly entry: string;
  readonly message: string;
}

export function formatModelError(error: ModelError): string {
  return error.entry === '' ? `${error.file}: ${error.message}` : `${error.file}: ${error.entry}: ${error.message}`;
}
