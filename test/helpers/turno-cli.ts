/** Runs the real CLI (`bun src/main.ts …`) on a data folder, offline, and collects its output. */

/** A `turno(...args)` bound to `dataDir`; stdout is decoded as-is (a BOM stays). */
export function cliOn(dataDir: string) {
  return async (...args: string[]) => {
    const proc = Bun.spawn([process.execPath, 'src/main.ts', ...args], {
      env: { ...process.env, TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'silent', HF_ENDPOINT: 'http://127.0.0.1:9/' }, stdout: 'pipe', stderr: 'pipe',
    });
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).arrayBuffer(), new Response(proc.stderr).text(), proc.exited]);
    return { stdout: new TextDecoder('utf-8', { ignoreBOM: true }).decode(stdout), stderr, code };
  };
}
