/**
 * Reads the JUnit XML report that `bun test --reporter=junit --reporter-outfile <file>` writes, so
 * `npm test` counts tests from a structured report instead of grepping output a test can print to.
 * Parsed with Bun's built-in HTMLRewriter (a streaming tag parser): only start tags and their
 * attributes matter here, so the XML self-closing syntax needs no special handling.
 */

export type TestOutcome = 'passed' | 'failed' | 'skipped' | 'todo';

export interface TestCaseResult {
  file: string;
  name: string;
  outcome: TestOutcome;
  /** The failure message when the test failed. */
  message?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities an attribute value may carry (named and numeric). */
function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}

/** Every `<testcase>` of a bun JUnit report with its outcome (a `<skipped message="TODO">` is a todo). */
export async function parseJUnit(xml: string): Promise<TestCaseResult[]> {
  const cases: TestCaseResult[] = [];
  const attr = (el: { getAttribute(name: string): string | null }, name: string) => decode(el.getAttribute(name) ?? '');
  const rewriter = new HTMLRewriter()
    .on('testcase', { element(el) { cases.push({ file: attr(el, 'file'), name: attr(el, 'name'), outcome: 'passed' }); } })
    .on('failure, error', {
      element(el) {
        const last = cases.at(-1);
        if (last) Object.assign(last, { outcome: 'failed', message: attr(el, 'message') });
      },
    })
    .on('skipped', {
      element(el) {
        const last = cases.at(-1);
        if (last && last.outcome !== 'failed') last.outcome = attr(el, 'message') === 'TODO' ? 'todo' : 'skipped';
      },
    });
  await rewriter.transform(new Response(xml)).text();
  return cases;
}

/** Counts per outcome. */
export function countOutcomes(cases: TestCaseResult[]): Record<TestOutcome, number> {
  const counts: Record<TestOutcome, number> = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  for (const c of cases) counts[c.outcome]++;
  return counts;
}

/** Counts the `error TSnnnn` diagnostics in tsc's output (at least 1 when tsc failed without any). */
export function countTypeErrors(output: string, exitCode: number): number {
  if (exitCode === 0) return 0;
  return Math.max(1, output.match(/error TS\d+/g)?.length ?? 0);
}
