/**
 * What a provider's response means for tuning. Every deferral, bounce and queue-level failure is mapped
 * to exactly one class by the provider model (models/providers/*.json).
 */
export const RESPONSE_CLASSES = [
  'connections', // too many connections or sessions -> max-smtp-out
  'per-connection', // too many messages in one session -> max-msg-per-connection
  'rate', // volume or rate limit -> max-msg-rate / backoff-max-msg-rate
  'reputation', // complaint or reputation deferral that calls for a pause
  'block', // block-listed or banned -> disable-source-ip, delist
  'recipient', // mailbox full, receiving too fast, greylisting: not the sending IP's fault
  'auth', // SPF, DKIM, DMARC, TLS, rDNS: a config fix, not a throttle
  'invalid-domain', // NXDOMAIN, no MX, no answer from host
  'other',
] as const;

export type ResponseClass = (typeof RESPONSE_CLASSES)[number];

export const RESPONSE_CLASS_INDEX: Readonly<Record<ResponseClass, number>> = Object.fromEntries(
  RESPONSE_CLASSES.map((c, i) => [c, i]),
) as Record<ResponseClass, number>;

/** Classes that say something about what the provider accepts from the sending IP. */
export const THROTTLE_CLASSES: readonly ResponseClass[] = ['connections', 'per-connection', 'rate', 'reputation', 'block'];

/** Classes that are not the sending IP's doing and are kept out of its acceptance. */
export const NOT_IP_CLASSES: readonly ResponseClass[] = ['recipient', 'auth', 'invalid-domain'];

export function isResponseClass(s: string): s is ResponseClass {
  return (RESPONSE_CLASSES as readonly string[]).includes(s);
}
