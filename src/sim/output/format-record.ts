/**
 * A simulated record as one CSV line in the column order of ACCT_COLUMNS (RFC 4180, CRLF).
 * Addresses, names and ids are generated from validated parts ([a-z0-9._@+-]) and never need quotes;
 * the remote texts, status descriptions and EHLO lists are quoted when they must be.
 */
import type { SimRecord } from '../sim-record.js';
import { formatAcctTime } from '../time-format.js';
import { csvField } from './csv-format.js';

export function formatRecord(r: SimRecord): string {
  const tq = r.type === 'tq';
  const job = r.jobId;
  return (
    r.type +
    ',' +
    formatAcctTime(r.time) +
    ',' +
    (r.timeQueued === null ? '' : formatAcctTime(r.timeQueued)) +
    ',' +
    r.orig +
    ',' +
    r.rcpt +
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
    r.vmta +
    ',' +
    job +
    ',,' +
    r.queue +
    ',' +
    r.vmtaPool +
    ',' +
    job +
    '\r\n'
  );
}
