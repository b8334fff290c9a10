/**
 * Every reply of /work/shared/docs/powermta-reference.md section 3 (rows 1–69, each variant listed in a
 * row), with the receiver it comes from and the class the provider model must give it. The reasons for
 * the non-obvious classes are in docs/providers.md ("Decisions for tricky responses").
 * `domain` and `dsnMta` are what an accounting row would carry; the provider is derived from them.
 */
import type { ResponseClass } from '../../src/domain/response-class.js';

export interface ReferenceCase {
  /** Row number in the reference's section 3 tables. */
  readonly row: number;
  readonly text: string;
  readonly domain: string;
  readonly dsnMta: string;
  /** Enhanced status as PowerMTA logs it in dsnStatus (the leading x.y.z), '' when the reply has none. */
  readonly status: string;
  readonly provider: string;
  readonly class: ResponseClass;
  /** Asserted when given: the pattern that must decide. */
  readonly patternId?: string;
}

type Receiver = Pick<ReferenceCase, 'domain' | 'dsnMta' | 'provider'>;

const GMAIL: Receiver = { domain: 'gmail.com', dsnMta: 'gmail-smtp-in.l.google.com (142.250.27.26)', provider: 'google' };
const YAHOO: Receiver = { domain: 'yahoo.com', dsnMta: 'mta6.am0.yahoodns.net (67.195.204.72)', provider: 'yahoo' };
const AOL: Receiver = { domain: 'aol.com', dsnMta: 'mx-aol.mail.gm0.yahoodns.net (67.195.204.77)', provider: 'yahoo' };
const YAHOO_JP: Receiver = { domain: 'yahoo.co.jp', dsnMta: 'mx1.mail.yahoo.co.jp (182.22.12.117)', provider: 'yahoo-japan' };
const HOTMAIL: Receiver = { domain: 'hotmail.com', dsnMta: 'hotmail-com.olc.protection.outlook.com (52.101.68.23)', provider: 'microsoft' };
const O365: Receiver = { domain: 'contoso.com', dsnMta: 'contoso-com.mail.protection.outlook.com (52.101.41.13)', provider: 'office365' };
const ICLOUD: Receiver = { domain: 'icloud.com', dsnMta: 'mx01.mail.icloud.com (17.57.152.5)', provider: 'apple' };
const COMCAST: Receiver = { domain: 'comcast.net', dsnMta: 'mx1a1.comcast.net (96.103.145.164)', provider: 'comcast' };
const ATT: Receiver = { domain: 'bellsouth.net', dsnMta: 'al-ip4-mx-vip1.prodigy.net (144.160.235.143)', provider: 'att' };
const GMX: Receiver = { domain: 'gmx.de', dsnMta: 'mx00.emig.gmx.net (212.227.15.9)', provider: 'gmx' };
const WEBDE: Receiver = { domain: 'web.de', dsnMta: 'mx-ha03.web.de (212.227.17.8)', provider: 'gmx' };
const EINSUNDEINS: Receiver = { domain: '1und1.de', dsnMta: '', provider: 'gmx' };
const ORANGE: Receiver = { domain: 'orange.fr', dsnMta: 'smtp-in.orange.fr (80.12.242.132)', provider: 'orange' };
const MAILRU: Receiver = { domain: 'mail.ru', dsnMta: 'mxs.mail.ru (94.100.180.31)', provider: 'mailru' };
const QQ: Receiver = { domain: 'qq.com', dsnMta: 'mx3.qq.com (203.205.219.57)', provider: 'qq' };
const NETEASE: Receiver = { domain: '163.com', dsnMta: '163mx01.mxmail.netease.com (220.181.12.69)', provider: 'netease' };
const NETVIGATOR: Receiver = { domain: 'netvigator.com', dsnMta: '', provider: 'netvigator' };
const MIMECAST: Receiver = { domain: 'example-corp.com', dsnMta: 'us-smtp-inbound-1.mimecast.com (205.139.110.221)', provider: 'mimecast' };
const RACKSPACE: Receiver = { domain: 'example-corp.com', dsnMta: 'mx1.emailsrvr.com (146.20.161.11)', provider: 'rackspace' };
const ANY: Receiver = { domain: 'example.org', dsnMta: 'mail.example.org (192.0.2.10)', provider: 'other' };

const c = (row: number, at: Receiver, status: string, cls: ResponseClass, text: string, patternId?: string): ReferenceCase => ({
  row,
  ...at,
  status,
  class: cls,
  text,
  ...(patternId === undefined ? {} : { patternId }),
});

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  // 3.1 Google
  c(1, GMAIL, '4.7.28', 'rate', '421 4.7.28 Gmail has detected an unusual rate of mail originating from your IP address 203.0.113.31. To protect our users from spam, mail has been temporarily rate limited. https://support.google.com/mail/?p=UnsolicitedRateLimitError', 'google-unusual-rate'),
  c(1, GMAIL, '4.7.28', 'rate', '421 4.7.28 Gmail has detected an unusual rate of mail originating from your IP Netblock 203.0.113.0/24. To protect our users from spam, mail has been temporarily rate limited.', 'google-unusual-rate'),
  c(1, GMAIL, '4.7.28', 'rate', '421 4.7.28 Gmail has detected an unusual rate of mail originating from your DKIM domain example.com. To protect our users from spam, mail has been temporarily rate limited.', 'google-unusual-rate-domain'),
  c(1, GMAIL, '4.7.28', 'rate', '421 4.7.28 Gmail has detected an unusual rate of mail originating from your SPF domain bounce.example.com. To protect our users from spam, mail has been temporarily rate limited.', 'google-unusual-rate-domain'),
  c(1, GMAIL, '4.7.28', 'rate', '421 4.7.28 Gmail has detected an unusual rate of mail containing one of your URL domains. To protect our users from spam, mail has been temporarily rate limited.', 'google-unusual-rate-domain'),
  // the same reply as PowerMTA logs a multi-line answer: continuation markers inside the sentence
  c(1, GMAIL, '4.7.28', 'rate', '421-4.7.28 [203.0.113.31      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our users 421-4.7.28 from spam, mail sent from your IP address has been temporarily rate 421-4.7.28 limited. Please visit 421-4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 4.7.28 review our Bulk Email Senders Guidelines. 6a1803df08f44-6f2c51b2e2fsi1234567d6.12 - gsmtp', 'google-unusual-rate'),
  c(2, GMAIL, '4.7.0', 'rate', '421 4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily blocked.', 'google-unusual-rate'),
  c(3, GMAIL, '4.7.0', 'reputation', '421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address/domain. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.', 'google-low-reputation'),
  c(4, GMAIL, '4.7.0', 'connections', '421 4.7.0 Try again later, closing connection.', 'google-try-again-closing'),
  c(5, GMAIL, '4.4.5', 'connections', '421 4.4.5 Server busy, try again later.', 'google-server-busy'),
  c(5, GMAIL, '4.3.0', 'other', '421 4.3.0 Temporary System Problem', 'google-temporary-system-problem'),
  c(6, GMAIL, '4.2.1', 'recipient', '450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.', 'google-receiving-too-quickly'),
  c(6, GMAIL, '4.2.1', 'recipient', '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.', 'google-receiving-too-quickly'),
  c(7, GMAIL, '4.7.26', 'auth', '421 4.7.26 This mail has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.', 'google-unauthenticated'),
  c(8, GMAIL, '4.7.27', 'auth', "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message.", 'google-spf-dkim-alignment'),
  c(8, GMAIL, '4.7.30', 'auth', "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message.", 'google-spf-dkim-alignment'),
  c(8, GMAIL, '4.7.32', 'auth', "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.", 'google-spf-dkim-alignment'),
  c(9, GMAIL, '4.7.29', 'auth', "421 4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection.", 'google-tls-required'),
  c(10, GMAIL, '4.2.2', 'recipient', "452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp", 'google-over-quota'),
  c(10, GMAIL, '4.2.2', 'recipient', '452 4.2.2 The email account that you tried to reach is over quota.', 'google-over-quota'),
  c(11, GMAIL, '5.7.1', 'block', '550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.', 'google-unusual-rate-blocked'),
  c(11, GMAIL, '5.7.28', 'block', '550 5.7.28 There is an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.', 'google-unusual-rate-blocked'),
  c(12, GMAIL, '5.7.1', 'reputation', '550 5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address/domain.'),
  c(12, GMAIL, '5.7.1', 'reputation', '550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.', 'google-likely-unsolicited'),

  // 3.2 Yahoo / AOL
  c(13, YAHOO, '4.7.0', 'reputation', '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes', 'yahoo-tss04'),
  c(14, YAHOO, '4.7.0', 'reputation', '421 4.7.0 [TSS05] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints', 'yahoo-tss04'),
  c(15, YAHOO, '', 'reputation', '421 [IPTS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints', 'yahoo-tss04'),
  c(15, YAHOO, '', 'reputation', '421 [IPTS05] Messages from 203.0.113.14 temporarily deferred', 'yahoo-tss04'),
  c(16, YAHOO, '4.7.0', 'reputation', '421 4.7.0 [TS01] Messages from 203.0.113.14 temporarily deferred due to user complaints', 'yahoo-ts01-complaints'),
  c(17, YAHOO, '4.7.0', 'rate', "421 4.7.0 [TS02] We're seeing unusual traffic patterns from your server. Submit your sending IPs for review.", 'yahoo-ts02-traffic'),
  c(18, AOL, '4.7.0', 'reputation', '421 4.7.0 [TS03] All messages from 203.0.113.14 will be permanently deferred; Retrying will NOT succeed.', 'yahoo-ts03'),
  c(19, YAHOO, '5.7.2', 'block', '553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes', 'yahoo-tss09-permanent'),
  c(19, YAHOO, '5.7.2', 'block', '553 5.7.2 [TSS11] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes', 'yahoo-tss09-permanent'),
  c(20, YAHOO, '', 'per-connection', '421 Max message per connection reached, closing transmission channel', 'yahoo-max-per-connection'),
  c(21, YAHOO, '5.7.1', 'block', "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html", 'yahoo-blocklist'),
  c(21, YAHOO, '5.7.1', 'block', '553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html [550]', 'yahoo-blocklist'),
  c(22, YAHOO, '', 'other', '554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes', 'yahoo-policy'),
  c(22, YAHOO, '5.7.9', 'other', '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes', 'yahoo-policy'),
  c(22, ATT, '5.7.9', 'other', '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes', 'att-policy'),
  c(23, YAHOO, '', 'recipient', '450 User is receiving mail too quickly', 'yahoo-receiving-too-quickly'),
  c(24, YAHOO, '', 'auth', '451 Message temporarily deferred due to unresolvable RFC.5321 from domain', 'yahoo-unresolvable-from'),
  c(25, YAHOO_JP, '', 'reputation', '553 Mail from 203.0.113.14 not allowed - VS98-IP0 deferred', 'yahoo-japan-vs98'),
  c(26, AOL, '', 'recipient', '554 30 Sorry, your message to user@aol.com cannot be delivered. This mailbox is disabled (554.30)', 'yahoo-mailbox-disabled'),

  // 3.3 Microsoft
  c(27, HOTMAIL, '4.7.650', 'reputation', '451 4.7.650 The mail server [203.0.113.14] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)', 'microsoft-s775-ip-reputation'),
  c(28, HOTMAIL, '4.7.652', 'connections', '451 4.7.652 The mail server [203.0.113.14] has exceeded the maximum number of connections. (S3115)', 'microsoft-s3115-connections'),
  c(29, HOTMAIL, '', 'per-connection', 'The mail server [203.0.113.14] has exceeded maximum number of messages per connection', 'microsoft-messages-per-connection'),
  c(30, HOTMAIL, '4.7.500', 'rate', '451 4.7.500 Server busy. Please try again later from [203.0.113.14]. (S77719)', 'microsoft-server-busy'),
  c(31, HOTMAIL, '5.7.1', 'block', "550 5.7.1 Unfortunately, messages from [203.0.113.14] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.", 'microsoft-s3150-network-block'),
  c(32, HOTMAIL, '4.7.500', 'reputation', '451 4.7.500 Access denied, please try again later. For more information please go to https://go.microsoft.com/fwlink/?LinkId=526653. AS(7230)', 'microsoft-access-denied-temporary'),
  c(32, O365, '4.7.606', 'reputation', '451 4.7.606 Access denied, please try again later.', 'office365-access-denied-temporary'),
  c(32, O365, '4.7.852', 'reputation', '451 4.7.852 Access denied, please try again later.', 'office365-access-denied-temporary'),
  c(33, HOTMAIL, '', 'other', 'Temporary server error. Please try again later', 'microsoft-temporary-server-error'),
  c(34, HOTMAIL, '', 'connections', 'Connection refused from [203.0.113.14] due to exceed max concurrent connections. IB007', 'microsoft-ib007-concurrent'),
  c(35, HOTMAIL, '5.7.606', 'block', '550 5.7.606 Access denied, banned sending IP [203.0.113.14]. To request removal from this list please visit https://sender.office.com/ and follow the directions.', 'microsoft-banned-ip'),
  c(35, O365, '5.7.649', 'block', '550 5.7.649 Access denied, banned sending IP [203.0.113.14]. To request removal from this list please visit https://sender.office.com/ and follow the directions.', 'office365-banned-ip'),
  c(36, O365, '5.7.515', 'auth', "550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.", 'office365-auth-level'),

  // 3.4 Apple iCloud
  c(37, ICLOUD, '4.7.1', 'rate', '421 4.7.1 Messages to user@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137', 'apple-excessive-volume'),
  c(38, ICLOUD, '', 'reputation', '421 [HCM1] Your mail from 203.0.113.14 was deferred', 'apple-hcm1'),
  c(39, ICLOUD, '', 'other', '451 [BS02] Temporary server error. Please try again later.', 'apple-bs02'),
  c(40, ICLOUD, '', 'other', 'Service unavailable - try again later', 'apple-service-unavailable'),
  c(41, ICLOUD, '5.7.1', 'block', '550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/', 'apple-spamhaus'),
  c(42, ICLOUD, '5.7.1', 'other', '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137', 'apple-cs01-policy'),
  c(42, ICLOUD, '5.7.1', 'auth', '554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks.', 'apple-hme1-auth'),

  // 3.5 Comcast / AT&T / Cox-type
  c(43, COMCAST, '', 'connections', '421 - [Too many sessions opened]', 'comcast-too-many-sessions'),
  c(44, COMCAST, '4.1.0', 'rate', '421 4.1.0 203.0.113.12 Throttled - try again later. Please see http://postmaster.comcast.net/smtp-error-codes.php#RL000001', 'comcast-throttled'),
  c(44, COMCAST, '4.1.0', 'rate', '421 4.1.0 203.0.113.12 Throttled - try again later. Please see http://postmaster.comcast.net/smtp-error-codes.php#RL000003', 'comcast-throttled'),
  c(45, COMCAST, '', 'block', '554 resimta-po-20v.sys.comcast.net comcast 203.0.113.12 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000', 'comcast-blocklist'),
  c(45, COMCAST, '', 'block', '554 resimta-po-20v.sys.comcast.net comcast 203.0.113.12 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001', 'comcast-blocklist'),
  c(45, COMCAST, '', 'block', '554 resimta-po-20v.sys.comcast.net comcast 203.0.113.12 see http://postmaster.comcast.net/smtp-error-codes.php#ES000001', 'comcast-dynamic-ip'),
  c(45, COMCAST, '', 'block', '554 resimta-po-20v.sys.comcast.net comcast 203.0.113.12 see http://postmaster.comcast.net/smtp-error-codes.php#ES000010', 'comcast-dynamic-ip'),
  c(46, COMCAST, '', 'auth', '421 - [Reverse DNS failure : Try again later]', 'comcast-reverse-dns'),
  c(47, ATT, '', 'connections', '450 busy--Please try again later', 'att-busy'),
  c(48, ATT, '', 'block', '521 <203.0.113.12> is blocked', 'att-blocked'),
  c(48, ATT, '5.0.3', 'block', '553 5.0.3 flpd575 DNSBL:RBL 521< 203.0.113.12 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net', 'att-blocked'),

  // 3.6 European and other providers
  c(49, GMX, '', 'connections', '421 mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available Too many connections', 'gmx-too-many-connections'),
  c(50, WEBDE, '', 'rate', '421 web.de (mxweb113) Nemesis ESMTP Service not available Reject due to policy restrictions Too many messages have been received in a short period of time', 'gmx-too-many-messages-short-period'),
  c(51, GMX, '', 'reputation', '421 mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available Reject due to policy violations', 'gmx-policy-violations'),
  c(51, WEBDE, '', 'reputation', '450 web.de (mxweb113) Nemesis ESMTP Service not available Reject due to policy violations', 'gmx-policy-violations'),
  c(51, GMX, '', 'reputation', '554 mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available Reject due to policy restrictions', 'gmx-policy-restrictions-permanent'),
  c(52, GMX, '', 'block', '554-mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed', 'gmx-block-listed'),
  c(53, EINSUNDEINS, '', 'rate', '421 Rate limit reached. Please try again later', 'gmx-rate-limit-reached'),
  c(54, ORANGE, '', 'connections', '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]', 'orange-too-many-connections'),
  c(54, ORANGE, '', 'connections', 'Too many connections, slow down. LPN105_104', 'orange-too-many-connections'),
  c(55, ORANGE, '', 'reputation', '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]', 'orange-service-refused'),
  c(55, ORANGE, '4.2.0', 'reputation', '421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]', 'orange-service-refused'),
  c(56, ORANGE, '', 'block', '550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.12 [102]', 'orange-blocked-spam'),
  c(57, ORANGE, '5.0.2', 'auth', '501 5.0.2 Mail rejected. DMARC check failed.', 'orange-dmarc'),
  c(58, MAILRU, '', 'recipient', '550 Message was not accepted -- invalid mailbox.  Local mailbox user@mail.ru is unavailable: user not found', 'mailru-invalid-mailbox'),
  c(58, MAILRU, '', 'reputation', '550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id or report details to abuse@corp.mail.ru.', 'mailru-spam'),
  c(59, QQ, '', 'rate', '550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725', 'qq-frequency-limited'),
  c(59, QQ, '', 'rate', '550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722', 'qq-frequency-limited'),
  c(59, QQ, '', 'rate', '550 Sender frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000724', 'qq-frequency-limited'),
  c(59, QQ, '', 'rate', '550 Domain frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000723', 'qq-frequency-limited'),
  c(60, NETEASE, '', 'connections', '421 Too many connections', 'netease-too-many-connections'),
  c(60, NETEASE, '', 'reputation', '451 DT:SPM 163 mx14,QsCowEDpbmVl5nRlCA8DAA--.12345S2 1700000000, please see http://mail.163.com/help/help_spam_16.htm?ip=203.0.113.21', 'netease-spam'),
  c(60, NETEASE, '', 'rate', '550 RP:ORQ 163 mx14,QsCowEDpbmVl5nRlCA8DAA--.12345S2 1700000000', 'netease-daily-limit'),
  c(60, NETEASE, '', 'rate', '554 HL:ITC 163 mx14,QsCowEDpbmVl5nRlCA8DAA--.12345S2 1700000000', 'netease-daily-limit'),
  c(61, NETVIGATOR, '', 'per-connection', 'Too many messages for this session', 'netvigator-per-session'),
  c(62, MIMECAST, '', 'recipient', '451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451', 'mimecast-internal-resource'),
  c(63, RACKSPACE, '', 'connections', '421 Too many concurrent connections from this client (G2)', 'rackspace-g2-connections'),
  c(63, RACKSPACE, '4.7.1', 'rate', '451 4.7.1 Received too many messages from a new or untrusted IP: 203.0.113.21 (G28)', 'rackspace-g28-untrusted-ip'),
  c(63, RACKSPACE, '4.2.1', 'recipient', '450 4.2.1 user@example-corp.com: Mailbox received too much email in a short period of time (G30)', 'rackspace-g30-mailbox'),

  // 3.7 Generic patterns (any receiver)
  c(64, ANY, '4.3.2', 'connections', '452 4.3.2 Connection rate limit exceeded', 'connection-rate-limit'),
  c(64, ANY, '4.3.2', 'connections', '421 4.3.2 Connection rate limit exceeded', 'connection-rate-limit'),
  c(65, ANY, '', 'connections', 'too many connections', 'too-many-connections'),
  c(65, ANY, '4.7.0', 'connections', '421 4.7.0 too many concurrent smtp connections from this IP address; please try again later', 'too-many-connections'),
  c(65, ANY, '', 'connections', '421 Too many connections from your host', 'too-many-connections'),
  c(65, ANY, '', 'connections', '421 too many smtp sessions for this host', 'too-many-connections'),
  c(65, ANY, '4.7.0', 'connections', '421 4.7.0 Error: too many connections from 203.0.113.9', 'too-many-connections'),
  c(66, ANY, '4.7.1', 'rate', '451 4.7.1 <unknown[203.0.113.9]>: Client host rejected: Please try again slower', 'try-again-slower'),
  c(67, ANY, '4.7.0', 'other', '421 4.7.0 mx002.example.net Error: too many errors', 'too-many-errors'),
  c(68, ANY, '4.2.0', 'recipient', '450 4.2.0 <user@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html', 'greylisting'),
  c(69, ANY, '4.7.0', 'reputation', '421 4.7.0 Messages from 203.0.113.9 temporarily deferred', 'temporarily-deferred-complaints'),
  c(69, ANY, '4.7.0', 'reputation', '421 4.7.0 All messages from 203.0.113.9 will be permanently deferred', 'permanently-deferred'),
  c(69, ANY, '4.7.650', 'reputation', '451 4.7.650 The mail server [203.0.113.9] has been temporarily rate limited due to IP reputation.', 'temporarily-deferred-complaints'),
  c(69, ANY, '5.7.1', 'block', "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider.", 'messages-weren-t-sent'),
  c(69, ANY, '4.7.500', 'rate', '451 4.7.500 Server busy. Please try again later from [203.0.113.9]', 'server-busy-from'),
];
