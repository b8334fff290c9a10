import { describe, expect, it } from 'vitest';
import { attributeProvider, findProvider } from '../../src/providers/attribute-provider.js';
import { loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { mxHostOf } from '../../src/providers/mx-host.js';

const model = loadDefaultProviderModelSync();

describe('providerOfDomain', () => {
  it.each([
    ['gmail.com', 'google'],
    ['googlemail.com', 'google'],
    ['yahoo.co.uk', 'yahoo'],
    ['ymail.com', 'yahoo'],
    ['aol.com', 'yahoo'],
    ['verizon.net', 'yahoo'],
    ['hotmail.fr', 'microsoft'],
    ['outlook.com', 'microsoft'],
    ['msn.com', 'microsoft'],
    ['me.com', 'apple'],
    ['sbcglobal.net', 'att'],
    ['charter.net', 'cox-charter'],
    ['wanadoo.fr', 'orange'],
    ['web.de', 'gmx'],
    ['foxmail.com', 'qq'],
    ['126.com', 'netease'],
    ['yahoo.co.jp', 'yahoo-japan'],
  ])('%s -> %s', (domain, provider) => {
    expect(model.providerOfDomain(domain)).toBe(provider);
  });

  it('ignores case, a trailing dot and a full address', () => {
    expect(model.providerOfDomain('GMail.COM.')).toBe('google');
    expect(model.providerOfDomain('someone@Yahoo.fr')).toBe('yahoo');
  });

  it('falls back to the nearest listed parent domain', () => {
    expect(model.providerOfDomain('nyc.rr.com')).toBe('cox-charter');
    expect(model.providerOfDomain('mail.yahoo.co.uk')).toBe('yahoo');
    expect(model.providerOfDomain('vip.qq.com')).toBe('qq');
  });

  it('never matches a bare public suffix or a look-alike', () => {
    expect(model.providerOfDomain('co.uk')).toBe('other');
    expect(model.providerOfDomain('example.co.uk')).toBe('other');
    expect(model.providerOfDomain('gmial.com')).toBe('other');
    expect(model.providerOfDomain('notgmail.com')).toBe('other');
    expect(model.providerOfDomain('')).toBe('other');
  });

  it('recognises PowerMTA rollup queue names', () => {
    expect(model.providerOfDomain('yahoo.rollup')).toBe('yahoo');
    expect(model.providerOfDomain('hotmail.rollup')).toBe('microsoft');
    expect(model.providerOfDomain('gmail.rollup')).toBe('google');
    expect(model.providerOfDomain('mystery.rollup')).toBe('other');
  });
});

describe('providerOfMx', () => {
  it('reads the host out of the name (ip) form', () => {
    expect(mxHostOf('gmail-smtp-in.l.google.com (142.250.27.26)')).toBe('gmail-smtp-in.l.google.com');
    expect(mxHostOf('  MX1.Comcast.NET. (96.103.145.164)')).toBe('mx1.comcast.net');
    expect(mxHostOf('(192.0.2.1)')).toBeNull();
    expect(mxHostOf('192.0.2.1')).toBeNull();
    expect(mxHostOf('[192.0.2.1]')).toBeNull();
    expect(mxHostOf('')).toBeNull();
  });

  it.each([
    ['aspmx.l.google.com (142.250.27.27)', 'google'],
    ['alt1.aspmx.l.google.com (142.250.153.27)', 'google'],
    ['smtp.google.com (142.250.27.26)', 'google'],
    ['mta7.am0.yahoodns.net (67.195.204.79)', 'yahoo'],
    ['hotmail-com.olc.protection.outlook.com (52.101.68.23)', 'microsoft'],
    ['contoso-com.mail.protection.outlook.com (52.101.41.13)', 'office365'],
    ['contoso-com.c-v1.mx.microsoft (52.101.41.13)', 'office365'],
    ['mx01.mail.icloud.com (17.57.152.5)', 'apple'],
    ['cxr.mx.a.cloudfilter.net (35.162.106.154)', 'cox-charter'],
    ['mx00.kundenserver.de (212.227.15.41)', 'gmx'],
    ['eu-smtp-inbound-1.mimecast.com (195.130.217.221)', 'mimecast'],
    ['d123456.ess.barracudanetworks.com (209.222.82.252)', 'barracuda'],
    ['mx0a-00123401.pphosted.com (148.163.152.46)', 'proofpoint'],
    ['mx1-us1.ppe-hosted.com (67.231.154.162)', 'proofpoint'],
    ['mx1.emailsrvr.com (146.20.161.11)', 'rackspace'],
  ])('%s -> %s', (dsnMta, provider) => {
    expect(model.providerOfMx(dsnMta)).toBe(provider);
  });

  it('returns null when no glob matches, including the suffix domain itself', () => {
    expect(model.providerOfMx('mail.example.org (192.0.2.10)')).toBeNull();
    expect(model.providerOfMx('google.com (142.250.27.26)')).toBeNull();
    expect(model.providerOfMx('evilgoogle.com (192.0.2.66)')).toBeNull();
    expect(model.providerOfMx('(192.0.2.10)')).toBeNull();
    expect(model.providerOfMx('')).toBeNull();
  });
});

describe('attributeProvider: the MX host first, then the recipient domain', () => {
  it('attributes a company domain hosted by Google Workspace to google', () => {
    expect(attributeProvider(model, 'example-corp.com', 'aspmx.l.google.com (142.250.27.27)')).toBe('google');
  });
  it('attributes a company domain on Exchange Online to office365', () => {
    expect(attributeProvider(model, 'example-corp.com', 'example-corp-com.mail.protection.outlook.com (52.101.41.13)')).toBe('office365');
  });
  it('uses the recipient domain when dsnMta is empty (bounce rows) or unknown', () => {
    expect(attributeProvider(model, 'gmail.com', '')).toBe('google');
    expect(attributeProvider(model, 'yahoo.com', 'mx.unknown-relay.example (192.0.2.1)')).toBe('yahoo');
  });
  it('gives other when neither is known', () => {
    expect(attributeProvider(model, 'example-corp.com', 'mail.example-corp.com (192.0.2.1)')).toBe('other');
    expect(attributeProvider(model, 'example-corp.com', '')).toBe('other');
  });
  it('finds the provider record by id', () => {
    expect(findProvider(model, 'comcast')?.limits.connections).toBe(25);
    expect(findProvider(model, 'other')).toBeUndefined();
  });
});
