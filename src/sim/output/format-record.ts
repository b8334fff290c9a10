/**
 * A simulated record as one CSV line in the column order of ACCT_COLUMNS (RFC 4180, CRLF).
 */
import type { SimRecord } from '../sim-record.js';
import { formatAcctTime } from '../time-format.js';
import { csvField } from './csv-format.js';

export function formatRecord(r: SimRecord): string {
  const tq = r.type === 'tq';
  const job = csvField(r.jobId);
  return (
    r.type +
    ',' +
    formatAcctTime(r.time) +
    ',' +
    (r.timeQueued === null ? '' : formatAcctTime(r.timeQueued)) +
    ',' +
    csvField(r.orig) +
    ',' +
    csvField(r.rcpt) +
    ',,' +
    r.dsnAction +
    ',' +
    csvField(r.dsnStatus) +
    ',' +
    csvField(r.dsnDiag) +
    ',' +
    csvField(r.dsnMta) +
    ',' +
    r.bounceCat +
    (tq ? ',,,smtp,' : ',api,,smtp,') +
    r.dlvSourceIp +
    ',' +
    r.dlvDestinationIp +
    ',' +
    csvField(r.dlvEsmtpAvailable) +
    ',' +
    (r.dlvSize === null ? '' : String(r.dlvSize)) +
    ',' +
    csvField(r.vmta) +
    ',' +
    job +
    ',,' +
    csvField(r.queue) +
    ',' +
    csvField(r.vmtaPool) +
    ',' +
    job +
    '\r\n'
  );
}
