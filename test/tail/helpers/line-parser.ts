/**
 * A tiny line-based RecordParser for tailer tests that do not depend on CSV details: a record is a line
 * ending in `\n` (a `\r` before it is dropped), fields are split on commas (no quoting), a line starting
 * with `type,` is a header. Records are `d` rows whose `field(name)` reads any column.
 */
import type { ParserFactory, ParserOptions, ParseOutput, RecordParser } from '../../../src/accounting/types.js';
import type { AcctRecord, MalformedRecord } from '../../../src/domain/accounting-record.js';

export const createLineParser: ParserFactory = (options: ParserOptions): RecordParser => new LineParser(options);

class LineParser implements RecordParser {
  private readonly file: string;
  private committed: number;
  private pending: Buffer = Buffer.alloc(0);
  private columns: readonly string[] | null;

  constructor(options: ParserOptions) {
    this.file = options.file;
    this.committed = options.startOffset ?? 0;
    this.columns = options.header ?? null;
  }

  get committedOffset(): number {
    return this.committed;
  }

  get header(): readonly string[] | null {
    return this.columns;
  }

  push(chunk: Uint8Array): ParseOutput {
    const records: AcctRecord[] = [];
    const malformed: MalformedRecord[] = [];
    let buf = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const nl = buf.indexOf(0x0a);
      if (nl < 0) break;
      const line = buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      const offset = this.committed;
      this.committed += nl + 1;
      buf = buf.subarray(nl + 1);
      if (line.startsWith('type,')) this.columns = line.split(',');
      else if (this.columns === null) malformed.push({ reason: 'no-header', file: this.file, offset });
      else {
        const values = line.split(',');
        if (values.length !== this.columns.length) malformed.push({ reason: 'field-count', file: this.file, offset });
        else records.push(lineRecord(this.file, offset, this.columns, values));
      }
    }
    this.pending = Buffer.from(buf);
    return { records, malformed };
  }

  end(): ParseOutput {
    const malformed: MalformedRecord[] = this.pending.length > 0 ? [{ reason: 'truncated', file: this.file, offset: this.committed }] : [];
    this.pending = Buffer.alloc(0);
    return { records: [], malformed };
  }
}

function lineRecord(file: string, offset: number, columns: readonly string[], values: readonly string[]): AcctRecord {
  const get = (name: string): string => values[columns.indexOf(name)] ?? '';
  return {
    type: 'd',
    file,
    offset,
    timeLogged: Date.parse(get('timeLogged')) || 0,
    field: get,
    orig: get('orig'),
    rcpt: get('rcpt'),
    dsnAction: 'relayed',
    dsnStatus: '2.0.0',
    dsnStatusText: 'success',
    dsnDiag: '',
    dsnMta: '',
    bounceCat: '',
    dlvSourceIp: get('dlvSourceIp'),
    dlvDestinationIp: '',
    dlvSize: null,
    vmta: get('vmta'),
    vmtaPool: '',
    queue: '',
    jobId: get('jobId'),
  };
}
