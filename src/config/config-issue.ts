/** A problem found while reading a config: where it is and what it is. Parsing never stops on one. */
export type ConfigIssueCode =
  | 'unclosed-block'
  | 'stray-close-tag'
  | 'bad-tag'
  | 'unterminated-quote'
  | 'include-not-found'
  | 'include-cycle'
  | 'macro-loop'
  | 'undefined-macro';

export interface ConfigIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly code: ConfigIssueCode;
  readonly message: string;
}
