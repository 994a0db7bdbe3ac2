/** Constant arrays behind every enum column, shared by schema, zod schemas and views. */
export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];
/** What an API token may do: read (GET), write (other methods), admin (admin-only operations). */
export const API_SCOPES = ['read', 'write', 'admin'] as const;
export const AVAILABILITY = ['online', 'away', 'offline'] as const;
export type Availability = (typeof AVAILABILITY)[number];
export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const SENDER_TYPES = ['contact', 'agent', 'bot', 'system'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];
export const DELIVERY_STATUSES = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const CHANNEL_STATUSES = ['active', 'disabled', 'needs_reauth', 'paused'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'balanced'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** `partial`: applied, but some items could not be read (kept for inspection and replay). */
export const WEBHOOK_EVENT_STATUSES = ['received', 'processed', 'partial', 'failed', 'unroutable'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];
export const ATTACHMENT_STATUSES = ['pending', 'stored', 'failed'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];
/** Message types: the WhatsApp inbound types plus `note` (private) and `event` (system timeline). */
export const MESSAGE_TYPES = [
  'text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive',
  'button', 'reaction', 'order', 'system', 'template', 'unsupported', 'note',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
