import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddresses } from '../../src/aggregate/mask-addresses.js';
import { maskMessageIds } from '../../src/aggregate/mask-message-ids.js';
import { normaliseResponse } from '../../src/aggregate/aggregator.js';

/** The regex maskAddresses replaced (kept here as its specification). */
const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

describe('maskAddresses', () => {
  it('masks the recipient a bounce quotes, and only it', () => {
    expect(maskAddresses('550 5.1.1 <user123@gmail.com>: Recipient address rejected: User unknown in virtual mailbox table')).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected: User unknown in virtual mailbox table',
    );
    expect(maskAddresses('550 permanent failure for one or more recipients (user@example.com:blocked)')).toBe(
      '550 permanent failure for one or more recipients (<address>:blocked)',
    );
    expect(maskAddresses('421 4.7.0 Try again later')).toBe('421 4.7.0 Try again later');
    expect(maskAddresses('@start and end@ and a@@b')).toBe('@start and end@ and <address>');
  });

  it('gives exactly what the regex gives, on random texts around @ and the delimiters', () => {
    const chars = fc.constantFrom('a', 'B', '1', '@', '@', '.', ' ', '<', '>', '(', ')', '[', ']', '"', "'", ',', ';', ':', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', 'é', '-');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (cs) => {
        const text = cs.join('');
        expect(maskAddresses(text)).toBe(text.replace(EMAIL, '<address>'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('maskMessageIds', () => {
  it("masks Gmail's and Microsoft's per-message tokens and keeps codes, IPs and host names", () => {
    expect(maskMessageIds('Bulk Email Senders Guidelines. d75a77b69052e-4a5f2e8b1c3si1234567cf.456 - gsmtp')).toBe('Bulk Email Senders Guidelines. <id> - gsmtp');
    expect(maskMessageIds('(S775) [AGT=PFA][MxId=11BAB2CDB1C6B5FC] [DM6NAM12FT062.eop-nam12.prod.protection.outlook.com]')).toBe(
      '(S775) [AGT=PFA][MxId=<id>] [<id>]',
    );
    const yahoo = '421 4.7.0 [TSS04] Messages from 203.0.113.17 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes';
    expect(maskMessageIds(yahoo)).toBe(yahoo);
    const gmx = '554-mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available';
    expect(maskMessageIds(gmx)).toBe(gmx);
  });

  it('groups two deferrals that differ only in their message token', () => {
    const a = '421-4.7.28 [203.0.113.5 15] Gmail has detected an unusual rate of mail. 5b1f17b1804b1-4398b2b5c1bsi1234567f8a.123 - gsmtp';
    const b = '421-4.7.28 [203.0.113.5 15] Gmail has detected an unusual rate of mail. a640c23a62f3a-7c9d3e1f2b4si7654321e1b.789 - gsmtp';
    expect(normaliseResponse(a)).toBe(normaliseResponse(b));
  });
});
