/**
 * The columns the simulator writes: the union header of `records d,b,t,tq` with the default field lists
 * plus `header_X-Job`, in PowerMTA's default order. Records of a type leave the columns it lacks empty.
 */
export const ACCT_COLUMNS = [
  'type',
  'timeLogged',
  'timeQueued',
  'orig',
  'rcpt',
  'orcpt',
  'dsnAction',
  'dsnStatus',
  'dsnDiag',
  'dsnMta',
  'bounceCat',
  'srcType',
  'srcMta',
  'dlvType',
  'dlvSourceIp',
  'dlvDestinationIp',
  'dlvEsmtpAvailable',
  'dlvSize',
  'vmta',
  'jobId',
  'envId',
  'queue',
  'vmtaPool',
  'header_X-Job',
] as const;

export type AcctColumn = (typeof ACCT_COLUMNS)[number];

export const ACCT_HEADER_LINE = `${ACCT_COLUMNS.join(',')}\r\n`;
