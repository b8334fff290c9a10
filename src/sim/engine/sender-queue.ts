/**
 * The simulated PowerMTA sender for one queue (domain/vmta): opens up to max-smtp-out connections while
 * it has messages, paces attempts by max-msg-rate (attempts count, as PowerMTA counts them), closes a
 * session after max-msg-per-connection messages, defers on transient replies (retry-after), bounces on
 * permanent ones and on expiry (bounce-after), and goes into retry mode when its last connection fails.
 */
import type { Situation } from '../provider/response-catalog.js';
import type { Conn, Msg, Queue } from './engine-types.js';
import { greetingAnswer, rcptAnswer } from './provider-answer.js';
import type { Answer } from './provider-answer.js';
import { currentDay } from './provider-ip.js';
import { expiredRecord, messageRecord, queueRecord } from './record-factory.js';
import { applyPatternList, currentMaxConnections, currentRate, retryDelay, updateMode } from './sender-mode.js';
import { emit, scheduleWake } from './sim-context.js';
import type { SimContext } from './sim-context.js';
import { wakeInvalidQueue } from './invalid-domain-queue.js';

/** Seconds between two connection openings of one queue. */
const CONNECT_GAP = 0.25;
/** Pause before opening more connections after a refused greeting or a throttle, while others are open. */
const REFUSAL_PAUSE = 60;
/** A connection that would wait longer than this for its next rate slot is closed (idle). */
const MAX_IDLE_WAIT = 20;

export function wakeQueue(ctx: SimContext, q: Queue, now: number): void {
  q.wakeAt = Number.POSITIVE_INFINITY;
  if (q.domain.invalid !== null) {
    wakeInvalidQueue(ctx, q, now);
    return;
  }
  updateMode(q, now);
  if (now < q.retryUntil) return scheduleWake(ctx, q, q.retryUntil);
  promoteDue(q, now);
  if (q.ready.length === 0) {
    if (q.deferred.size > 0) scheduleWake(ctx, q, q.deferred.peekTime());
    return;
  }
  const want = Math.min(currentMaxConnections(q), q.ready.length);
  if (q.active >= want) return;
  // Under max-msg-rate, another connection only helps when the next attempt slot is near.
  if (Number.isFinite(currentRate(q).count) && q.rateNextAt > now + 1) {
    if (q.active === 0) scheduleWake(ctx, q, q.rateNextAt - 1);
    return;
  }
  if (now < q.nextConnectAt) return scheduleWake(ctx, q, q.nextConnectAt);
  openConnection(ctx, q, now);
  if (q.active > 0 && q.active < want && now >= q.retryUntil) scheduleWake(ctx, q, Math.max(now + CONNECT_GAP, q.nextConnectAt));
}

function promoteDue(q: Queue, now: number): void {
  while (q.deferred.peekTime() <= now) q.ready.push(q.deferred.pop() as Msg);
}

function openConnection(ctx: SimContext, q: Queue, now: number): void {
  const pi = q.pi;
  const mx = q.domain.mx[q.mxIndex++ % q.domain.mx.length] ?? { host: q.domain.name, ip: '0.0.0.0' };
  pi.stats.peakConnectionsAttempted = Math.max(pi.stats.peakConnectionsAttempted, pi.openConns + 1);
  const refusal = greetingAnswer(ctx, pi, q.domain.name, now);
  if (refusal && refusal.kind === 'refuse') {
    emit(ctx, queueRecord(now, q, mx, refusal.reply, q.vmta.ip));
    pi.stats.greetingRefusals += 1;
    countRefusal(q, refusal.situation);
    currentDay(pi).attempts += 1;
    applyPatternList(ctx, q, refusal.reply.text, now);
    afterThrottle(ctx, q, now);
    return;
  }
  pi.openConns += 1;
  pi.stats.peakConnectionsOpen = Math.max(pi.stats.peakConnectionsOpen, pi.openConns);
  q.active += 1;
  const conn = { queue: q, mx, sent: 0, open: true } as Omit<Conn, 'step'> & { step?: Conn['step'] };
  conn.step = { kind: 'step', conn: conn as Conn };
  ctx.heap.push(now + 0.3 + ctx.rng.exponential(0.4), conn.step);
}

function afterThrottle(ctx: SimContext, q: Queue, now: number): void {
  if (q.active === 0) enterRetry(ctx, q, now);
  else q.nextConnectAt = now + REFUSAL_PAUSE;
}

export function enterRetry(ctx: SimContext, q: Queue, now: number): void {
  q.retryUntil = now + retryDelay(q, q.retryStep);
  q.retryStep += 1;
  scheduleWake(ctx, q, q.retryUntil);
}

function closeConn(ctx: SimContext, conn: Conn, now: number, wakeAt: number): void {
  if (!conn.open) return;
  conn.open = false;
  conn.queue.active -= 1;
  conn.queue.pi.openConns -= 1;
  scheduleWake(ctx, conn.queue, Math.max(now, wakeAt));
}

/** The next message, bouncing the ones that outlived bounce-after. */
function takeNext(ctx: SimContext, q: Queue, now: number): Msg | undefined {
  promoteDue(q, now);
  for (let m = q.ready.shift(); m; m = q.ready.shift()) {
    if (now - m.queuedAt < q.settings.bounceAfter) return m;
    emit(ctx, expiredRecord(now, q, m));
    q.pi.stats.bounced += 1;
  }
  return undefined;
}

export function stepConnection(ctx: SimContext, conn: Conn, now: number): void {
  if (!conn.open) return;
  const q = conn.queue;
  updateMode(q, now);
  if (now < q.retryUntil) return closeConn(ctx, conn, now, q.retryUntil);
  const max = q.settings.maxMsgPerConnection;
  if (max > 0 && conn.sent >= max) return closeConn(ctx, conn, now, now);
  const rate = currentRate(q);
  if (Number.isFinite(rate.count) && q.rateNextAt > now) {
    if (q.rateNextAt - now > MAX_IDLE_WAIT) return closeConn(ctx, conn, now, q.rateNextAt);
    ctx.heap.push(q.rateNextAt, conn.step);
    return;
  }
  const msg = takeNext(ctx, q, now);
  if (!msg) return closeConn(ctx, conn, now, q.deferred.peekTime());
  if (Number.isFinite(rate.count)) q.rateNextAt = Math.max(q.rateNextAt, now) + rate.seconds / rate.count;
  conn.sent += 1;
  msg.attempts += 1;
  const answer = rcptAnswer(ctx, conn, msg, now);
  record(ctx, conn, msg, answer, now);
  if (answer.kind === 'refuse' && answer.closes) {
    closeConn(ctx, conn, now, now);
    if (answer.situation !== 'per-connection') afterThrottle(ctx, q, now);
    return;
  }
  ctx.heap.push(now + 0.15 + ctx.rng.exponential(0.35), conn.step);
}

function record(ctx: SimContext, conn: Conn, msg: Msg, answer: Answer, now: number): void {
  const q = conn.queue;
  const pi = q.pi;
  const esmtp = ctx.rs.profiles[pi.providerId]?.esmtp ?? '';
  const day = currentDay(pi);
  pi.stats.attempts += 1;
  day.attempts += 1;
  if (answer.kind === 'accept') {
    emit(ctx, messageRecord('d', now, q, msg, conn.mx, answer.reply, esmtp));
    pi.stats.delivered += 1;
    day.delivered += 1;
    q.retryStep = 0;
    return;
  }
  countRefusal(q, answer.situation);
  applyPatternList(ctx, q, answer.reply.text, now);
  if (answer.permanent) {
    emit(ctx, messageRecord('b', now, q, msg, conn.mx, answer.reply, esmtp));
    pi.stats.bounced += 1;
    return;
  }
  emit(ctx, messageRecord('t', now, q, msg, conn.mx, answer.reply, esmtp));
  pi.stats.deferred += 1;
  msg.lastStatus = answer.reply.status;
  msg.lastDiag = `smtp;${answer.reply.text}`;
  msg.lastMta = `${conn.mx.host} (${conn.mx.ip})`;
  msg.dueAt = now + retryDelay(q, msg.attempts - 1);
  q.deferred.push(msg.dueAt, msg);
}

function countRefusal(q: Queue, situation: Situation): void {
  const s = q.pi.stats;
  switch (situation) {
    case 'rate':
    case 'connections':
    case 'reputation':
    case 'block':
      s[situation] += 1;
      currentDay(q.pi).throttled += 1;
      return;
    case 'per-connection':
      s.perConnection += 1;
      currentDay(q.pi).throttled += 1;
      return;
    case 'unknown-user':
    case 'mailbox-full':
    case 'greylisting':
      s.recipient += 1;
      return;
    default: {
      const unreachable: never = situation;
      return unreachable;
    }
  }
}
