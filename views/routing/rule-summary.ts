/**
 * A routing rule's conditions and actions in words, with the names of the teams, agents, labels,
 * channels and intents they point at ("Send to team: Ventas", "Add label: VIP"), for the rules list
 * and the rule tester.
 */
import type { Translate } from '../i18n';
import type { RuleChoices } from './rule-editor';

type Item = Record<string, unknown>;

const nameIn = (list: Array<[string, string]>, id: unknown) => list.find(([value]) => value === id)?.[1] ?? '—';

/** The detail after an item's type: keywords, the named team/agent/label…, the priority, the reply text. */
function detail(t: Translate, item: Item, c: RuleChoices): string {
  if (Array.isArray(item.any)) return item.any.join(', ');
  if (typeof item.pattern === 'string') return `/${item.pattern}/`;
  if (typeof item.intent === 'string') return nameIn(c.intents, item.intent);
  if (typeof item.teamId === 'string') return nameIn(c.teams, item.teamId);
  if (typeof item.userId === 'string') return nameIn(c.agents, item.userId);
  if (typeof item.labelId === 'string') return nameIn(c.labels, item.labelId);
  if (Array.isArray(item.ids)) return item.ids.map((id) => nameIn(c.channels, id)).join(', ');
  if (typeof item.priority === 'string') return t(`inbox.priority.${item.priority}`);
  if (typeof item.text === 'string') return `“${item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text}”`;
  return '';
}

/** One condition or action in words. */
export function ruleItemText(t: Translate, kind: 'condition' | 'action', item: Item, choices: RuleChoices): string {
  const what = t(`routing.editor.${kind}.${String(item.type)}`);
  const more = detail(t, item, choices);
  return more ? `${what}: ${more}` : what;
}

/** A list of conditions or actions in words, joined by " + ". */
export function ruleItemsText(t: Translate, kind: 'condition' | 'action', items: Item[], choices: RuleChoices): string {
  return items.map((item) => ruleItemText(t, kind, item, choices)).join(' + ');
}
