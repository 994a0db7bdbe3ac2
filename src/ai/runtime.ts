/**
 * The AI pieces of one running app: the shared `ClassifierService` trained from the database
 * (`IntentStore`), the knowledge base and its bot, and the listeners that connect them to the
 * event bus. Built by the composition root (app.ts) and exposed as `app.ai` / `deps.ai` so pages
 * can show the classifier's status and routing can call `classifyIntent`.
 */
import type { Core } from '../core/context';
import type { JobRegistry } from '../core/jobs';
import { getSetting } from '../core/settings';
import { ClassifierService } from './classifier-service';
import { KnowledgeBot } from './kb/bot';
import { BOT_JOB, enqueueBotTurn, runBotTurn, type BotJobPayload } from './kb/bot-job';
import { KnowledgeBase } from './kb/knowledge-base';
import { IntentStore } from './intent-store';
import { learnFromLabels, learnFromReassignment } from './learning';
import type { Classification } from './types';

/** What the rest of the app uses from the AI layer. */
export interface AiRuntime {
  classifier: ClassifierService;
  intents: IntentStore;
  kb: KnowledgeBase;
  bot: KnowledgeBot;
  /** Classifies a customer message with the best available backend (awaits training). */
  classifyIntent(text: string): Promise<Classification>;
  /** Resolves when seeding and the first (embedded) training are done. */
  ready: Promise<void>;
}

/**
 * The bot's listener runs before routing (priority −10): it only marks the conversation as the
 * bot's (`botActive`, so routing does not auto-assign it) and enqueues the `bot.answer` job.
 */
export const BOT_LISTENER_PRIORITY = -10;

/**
 * Builds the AI runtime: seeds intents and trains the classifier in the background (the app serves
 * meanwhile; the transformer model, if present in `config.modelsDir`, loads after that), and
 * subscribes the bot (as the `bot.answer` job) and the learning loop to the bus.
 */
export function createAiRuntime(core: Core, jobs: JobRegistry): AiRuntime {
  const classifier = new ClassifierService({
    dataDir: core.config.dataDir,
    modelsDir: core.config.modelsDir,
    allowRemoteModels: getSetting(core, 'ai.allowModelDownloads'),
    logger: core.log,
  });
  const intents = new IntentStore(core, classifier);
  const kb = new KnowledgeBase(core);
  const bot = new KnowledgeBot(core, intents, kb);
  const ready = intents.start().catch((error) => core.log.error('ai: intent training failed', { error }));

  core.bus.on('message.created', ({ message, isNewConversation }) => {
    if (enqueueBotTurn(core, message, isNewConversation)) jobs.poke();
  }, { priority: BOT_LISTENER_PRIORITY });
  jobs.register(BOT_JOB, async (_job, payload: BotJobPayload) => {
    await ready;
    await runBotTurn(core, bot, payload);
  });
  core.bus.on('conversation.assigned', ({ conversation, previousTeamId, actor }) => {
    learnFromReassignment(core, conversation, previousTeamId, actor);
  });
  core.bus.on('conversation.updated', ({ conversation, changes, actor }) => {
    if (changes.includes('labels')) learnFromLabels(core, conversation.id, actor);
  });

  return { classifier, intents, kb, bot, ready, classifyIntent: (text) => intents.classify(text) };
}
