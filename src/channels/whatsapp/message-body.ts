/**
 * Turns a stored outbound message into the Cloud API request body: text, media (by uploaded media
 * id), template, interactive, with the quoted message and our message id as callback data.
 */
import type { Attachment, Message } from '../../core/types';
import { buildButtons, buildList, buildMedia, buildTemplate, buildText, MEDIA_KINDS, type MediaKind, type OutboundBody, type TemplateInput } from './outbound';
import type { TemplateButton, TextParam } from './outbound-template';

interface StoredTemplate {
  name: string;
  language: string;
  body?: string[];
  header?: { type: 'text'; params: string[] } | { type: 'image' | 'video' | 'document'; link?: string; mediaId?: string; filename?: string }
    | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string };
  buttons?: TemplateButton[];
  /** Variable names of a named-variable template, in the order of `body` / the header params. */
  bodyNames?: string[];
  headerNames?: string[];
}

/** Values as text parameters, each with its `parameter_name` when the template's variables are named. */
const withNames = (values: string[], names: string[] | undefined): TextParam[] =>
  values.map((text, i) => (names?.[i] ? { text, name: names[i] } : text));

type StoredInteractive =
  | { kind: 'buttons'; body: string; buttons: Array<{ id: string; title: string }> }
  | { kind: 'list'; body: string; button: string; sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }> };

/**
 * The request body for `message`. `mediaIds` maps attachment ids to provider media ids (already
 * uploaded). Throws `OutboundValidationError` when the message breaks a Cloud API limit.
 */
export function messageBody(message: Message, to: string, attachments: Attachment[], mediaIds: Map<string, string>, replyTo: string | null): OutboundBody {
  const opts = { replyTo: replyTo ?? undefined, bizOpaqueCallbackData: message.id };
  const payload = (message.payload ?? {}) as { template?: StoredTemplate; interactive?: StoredInteractive };
  if (payload.template) {
    const t = payload.template;
    const header: TemplateInput['header'] = !t.header ? undefined
      : t.header.type === 'text' ? { type: 'text', params: withNames(t.header.params, t.headerNames) }
      : t.header.type === 'location' ? t.header
      : { type: t.header.type, id: t.header.mediaId, link: t.header.link, filename: t.header.filename };
    return buildTemplate(to, { name: t.name, language: t.language, body: withNames(t.body ?? [], t.bodyNames), header, buttons: t.buttons, ...opts });
  }
  if (payload.interactive) {
    const i = payload.interactive;
    return i.kind === 'buttons'
      ? buildButtons(to, { body: i.body, buttons: i.buttons, ...opts })
      : buildList(to, { body: i.body, button: i.button, sections: i.sections, ...opts });
  }
  const file = attachments[0];
  if (file) {
    const kind = (MEDIA_KINDS as readonly string[]).includes(file.kind) ? (file.kind as MediaKind) : 'document';
    const caption = kind === 'audio' || kind === 'sticker' ? undefined : message.content || undefined;
    return buildMedia(to, kind, { id: mediaIds.get(file.id)! }, { ...opts, caption, filename: kind === 'document' ? (file.filename ?? undefined) : undefined });
  }
  return buildText(to, message.content, opts);
}
