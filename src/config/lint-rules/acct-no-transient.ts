/** No <acct-file> writes t/tq records: throttling and deferrals are invisible. */
import type { Finding, LintRule } from '../lint-finding.js';
import { finding } from './rule-helpers.js';

export const acctNoTransient: LintRule = {
  id: 'acct-no-transient',
  summary: '<acct-file> without t/tq records: deferrals and throttling are invisible',
  check: ({ config, index }) => {
    const files = index.acctFiles;
    if (files.length === 0) {
      return [finding('acct-no-transient', 'warning', { file: config.rootPath, line: 1, column: 1 }, 'no <acct-file>: no delivery, bounce or deferral is recorded', 'add <acct-file /var/log/pmta/acct.csv> with records d,b,t,tq')];
    }
    if (files.some((f) => f.records.includes('t') || f.records.includes('tq'))) return [];
    const out: Finding[] = files.map((f) =>
      finding('acct-no-transient', 'warning', f.recordsSetting?.loc ?? f.loc, `<acct-file> logs only ${f.records.join(',')}${f.recordsSetting ? '' : ' (the default)'}: throttling (t/tq records) is invisible to you`, 'add t,tq to its records, or a second <acct-file> with records t,tq as the PowerMTA guide suggests'),
    );
    return out;
  },
};
