/**
 * Mutable state of the discrete-event simulation: messages, queues (domain/vmta), SMTP connections and
 * the provider's view of each sending IP. Only the engine modules touch these.
 */
import type { QueueSettings } from '../scenario/directives.js';
import type { DomainInfo } from '../scenario/resolve-scenario.js';
import type { ProviderBehaviour, VmtaSpec } from '../scenario/scenario-types.js';
import type { EventHeap } from './event-heap.js';
import type { Fifo } from './fifo.js';

/** What a recipient will do, decided when the message is injected. */
export type RecipientKind = 'ok' | 'unknown' | 'full' | 'greylist';

export interface Msg {
  readonly id: number;
  readonly rcpt: string;
  readonly orig: string;
  readonly queuedAt: number;
  readonly jobId: string;
  readonly pool: string;
  readonly size: number;
  kind: RecipientKind;
  attempts: number;
  /** When a deferred message may be tried again. */
  dueAt: number;
  /** Last transient reply (for the message-expired bounce). */
  lastStatus: string;
  lastDiag: string;
  lastMta: string;
}

export interface PairDay {
  readonly date: string;
  readonly hourlyLimit: number;
  attempts: number;
  delivered: number;
  throttled: number;
  complaint: boolean;
}

export interface PairStats {
  /** Messages routed to this provider through this IP. */
  messages: number;
  attempts: number;
  delivered: number;
  deferred: number;
  bounced: number;
  greetingRefusals: number;
  rate: number;
  connections: number;
  perConnection: number;
  reputation: number;
  block: number;
  recipient: number;
  peakConnectionsAttempted: number;
  peakConnectionsOpen: number;
}

/** The provider's view of one sending IP. */
export interface ProviderIp {
  readonly providerId: string;
  readonly vmta: VmtaSpec;
  readonly behaviour: ProviderBehaviour;
  limitPerHour: number;
  tokens: number;
  lastRefill: number;
  openConns: number;
  /** Caps the provider enforces; Infinity when the provider model has no text to enforce one with. */
  readonly connCap: number;
  readonly perConnCap: number;
  readonly throttleAtGreeting: boolean;
  readonly episodes: { kind: 'block' | 'reputation'; from: number; to: number }[];
  readonly days: PairDay[];
  readonly stats: PairStats;
}

export interface Queue {
  readonly name: string;
  readonly domain: DomainInfo;
  readonly vmta: VmtaSpec;
  readonly pi: ProviderIp;
  readonly settings: QueueSettings;
  readonly ready: Fifo<Msg>;
  /** Deferred messages by the time they may be tried again. */
  readonly deferred: EventHeap<Msg>;
  backoff: boolean;
  backoffSince: number;
  backoffLastMatch: number;
  backoffEntries: number;
  backoffSeconds: number;
  active: number;
  retryUntil: number;
  retryStep: number;
  nextConnectAt: number;
  rateNextAt: number;
  /** Time of the pending wake event, Infinity when none. */
  wakeAt: number;
  /** The queue's own wake event, reused. */
  readonly wake: { readonly kind: 'wake'; readonly queue: Queue };
  mxIndex: number;
  /** Attempts (tq) on a domain that never answers. */
  noAnswerAttempts: number;
  messages: number;
  bounced: number;
}

export interface Conn {
  readonly queue: Queue;
  /** The connection's own step event, reused for every step (no allocation per message). */
  readonly step: { readonly kind: 'step'; readonly conn: Conn };
  readonly mx: { readonly host: string; readonly ip: string };
  /** Messages the sender sent on this connection. */
  sent: number;
  open: boolean;
}
