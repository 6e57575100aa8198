/**
 * The progress line: its text (the formatter), the reporter on a terminal (driven tick by tick
 * with a fake clock, so nothing depends on timing), and silence when stderr is not a terminal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, type ProgressEvent } from '../../generator/build/output.js';
import { PROGRESS_DELAY_MS, formatProgress, startProgress } from '../../generator/cli/progress.js';
import { ROOT, runCli } from './run-cli.js';

describe('formatProgress', () => {
  it.each([
    [{ phase: 'reading' as const }, 1200, '| generate: reading specs and the manifest (1.2 s)'],
    [{ phase: 'emitting' as const, total: 8833 }, 4560, '| generate: emitting 8833 spec(s) (4.6 s)'],
    [{ phase: 'verifying' as const }, 2000, '| generate: verifying the output (2.0 s)'],
    [{ phase: 'writing' as const, total: 12 }, 10_050, '| generate: writing 12 file(s) (10.1 s)'],
  ])('%j at %d ms', (event, ms, line) => {
    expect(formatProgress('generate', event, ms, 120)).toBe(line);
  });

  it('fits the terminal width and turns the spinner', () => {
    const line = formatProgress('check', { phase: 'emitting', total: 8833 }, 1500, 20, 1);
    expect(line).toBe('/ check: emittin...');
    expect(line.length).toBeLessThan(20);
  });
});

describe('startProgress', () => {
  function fakeTerminal(isTTY: boolean) {
    const writes: string[] = [];
    let clock = 0;
    return { writes, advance: (ms: number) => void (clock += ms), stream: { isTTY, columns: 80, write: (t: string) => writes.push(t) }, now: () => clock };
  }

  it('on a terminal: nothing before the delay, then the line rewritten in place, erased at the end', () => {
    const t = fakeTerminal(true);
    const p = startProgress('generate', { stream: t.stream, now: t.now, timer: false });
    t.advance(PROGRESS_DELAY_MS - 1);
    p.tick();
    expect(t.writes).toEqual([]);
    t.advance(1);
    p.report({ phase: 'emitting', total: 3 });
    p.tick();
    p.report({ phase: 'writing', total: 9 });
    t.advance(500);
    p.tick();
    p.stop();
    expect(t.writes).toEqual([
      '\r| generate: emitting 3 spec(s) (1.0 s)\x1b[K',
      '\r/ generate: writing 9 file(s) (1.5 s)\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('a short run draws and erases nothing; not a terminal: never anything', () => {
    const short = fakeTerminal(true);
    startProgress('check', { stream: short.stream, now: short.now, timer: false }).stop();
    expect(short.writes).toEqual([]);
    const pipe = fakeTerminal(false);
    const p = startProgress('check', { stream: pipe.stream, now: pipe.now, timer: false });
    pipe.advance(60_000);
    p.tick();
    p.stop();
    expect(pipe.writes).toEqual([]);
  });

  it('not a terminal (the real CLI, stderr a pipe): a cold generate and a check print no progress', async () => {
    const out = await mkdtemp(join(tmpdir(), 'progress-cli-'));
    try {
      const generate = await runCli(['generate', '--specs', join(ROOT, 'specs'), '--out', out, '--full']);
      expect(generate.code).toBe(0);
      expect(generate.err).toBe('');
      const check = await runCli(['check', '--specs', join(ROOT, 'specs'), '--out', out, '--full']);
      expect(check).toEqual({ code: 0, out: `${out} is up to date with ${join(ROOT, 'specs')}\n`, err: '' });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('the phases generate reports', () => {
  it('reading, emitting every spec, verifying, writing every file; a second run emits and writes nothing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'progress-events-'));
    try {
      const events: ProgressEvent[] = [];
      const first = await generate({ specsDir: join(ROOT, 'specs'), outDir: out, onProgress: (e) => events.push(e) });
      expect(events).toEqual([
        { phase: 'reading' },
        { phase: 'emitting', total: first.methods },
        { phase: 'verifying' },
        { phase: 'writing', total: first.written },
      ]);
      events.length = 0;
      await generate({ specsDir: join(ROOT, 'specs'), outDir: out, onProgress: (e) => events.push(e) });
      expect(events).toEqual([{ phase: 'reading' }, { phase: 'verifying' }]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
