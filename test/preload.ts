/**
 * Loaded before every test file (bunfig.toml `[test] preload`): after each test, every event-bus
 * listener failure of an app built by the harness fails that test (see helpers/handler-failures.ts).
 */
import { afterEach } from 'bun:test';
import { assertNoHandlerFailed } from './helpers/handler-failures';

afterEach(assertNoHandlerFailed);
