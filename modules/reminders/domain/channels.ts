// Which external deliveries a message gets (issue 16): the district admin sets up the channels,
// each user chooses which they receive. The in-app inbox always has every message.
import type { MessageKind, Recipient } from './types';

export type ExternalChannel = 'email' | 'wecom' | 'dingtalk' | 'webhook';

export interface Preferences {
  email: string | null;
  phone: string | null;
  byEmail: boolean;
  byRobot: boolean;
  byWebhook: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { email: null, phone: null, byEmail: true, byRobot: true, byWebhook: false };

export interface RobotFact {
  id: string;
  kind: 'wecom' | 'dingtalk';
  name: string;
  /** Null: the district's robot; else the robot of that zone. */
  zoneId: string | null;
}

export interface ChannelFacts {
  smtpReady: boolean;
  webhookReady: boolean;
  robots: readonly RobotFact[];
}

export interface PlannedDelivery {
  channel: ExternalChannel;
  robotId: string | null;
  target: string;
  /** Unique per message and destination. */
  dedupeKey: string;
}

/** `zhang@school.cn` → `z***@school.cn` (what the delivery log shows). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * Robots that post a recipient's messages: the robots of the recipient's zones (the school's zone
 * for a coordinator, the assigned zones of a zone evaluator), else the district's robots.
 */
export function robotsFor(recipientZones: readonly string[] | null, robots: readonly RobotFact[]): RobotFact[] {
  const zoned = recipientZones ? robots.filter((r) => r.zoneId !== null && recipientZones.includes(r.zoneId)) : [];
  return zoned.length > 0 ? zoned : robots.filter((r) => r.zoneId === null);
}

export function plannedDeliveries(
  message: { dedupeKey: string; kind: MessageKind },
  recipient: Pick<Recipient, 'role' | 'zoneIds'> & { schoolZoneId: string | null },
  prefs: Preferences,
  channels: ChannelFacts,
): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  if (channels.smtpReady && prefs.byEmail && prefs.email) out.push({ channel: 'email', robotId: null, target: maskEmail(prefs.email), dedupeKey: `${message.dedupeKey}|email` });
  if (prefs.byRobot) {
    const zones = recipient.role === 'coordinator' ? (recipient.schoolZoneId ? [recipient.schoolZoneId] : null) : recipient.zoneIds;
    for (const r of robotsFor(zones, channels.robots)) out.push({ channel: r.kind, robotId: r.id, target: r.name, dedupeKey: `${message.dedupeKey}|robot:${r.id}` });
  }
  if (channels.webhookReady && prefs.byWebhook) out.push({ channel: 'webhook', robotId: null, target: 'webhook', dedupeKey: `${message.dedupeKey}|webhook` });
  return out;
}
