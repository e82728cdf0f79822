/**
 * Where the map's first draw spends its time: one visit to /ban-do/ of a built site (BENCH_DIST) with N synthetic
 * points (MAP_PROFILE_COUNT, 10,000), the CPU throttled 4×, traced through CDP. Prints the page's marks, when each
 * file arrived, and the main thread's tasks longer than 4 ms with what they spent their time on. Not part of any
 * budget: a tool for finding the biggest cost. MAP_PROFILE_TRACE=file.json keeps the raw trace (open in DevTools);
 * MAP_PROFILE_UNTIL=map:interactive looks up to another mark.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../lib/browser.ts';
import { serveStatic } from '../lib/server.ts';
import { marksOf, writeSet } from './map.ts';

const DIST = process.env['BENCH_DIST'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const COUNT = Number(process.env['MAP_PROFILE_COUNT'] ?? 10_000);
const RATE = Number(process.env['MAP_PROFILE_RATE'] ?? 4);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; fileName?: unknown; name?: unknown };
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (top 30) and per script file between `from` and `to` (trace clock, µs). */
function printProfile(profile: CpuProfile, from: number, to: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  let t = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (at < from || at > to) return;
    t += dt;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.replace(/^.*\//, '') || `(${functionName || 'native'})`;
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber}:${columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    files.set(file, (files.get(file) ?? 0) + dt);
  });
  console.log(
    `\nCPU profile from navigation to ${process.env['MAP_PROFILE_UNTIL'] ?? 'map:clusters-drawn'} (${t.toFixed(0)} ms sampled):`,
  );
  console.log('  self time by script file:');
  for (const [k, v] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`    ${v.toFixed(0).padStart(6)}  ${k}`);
  console.log('  self time by function:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`    ${v.toFixed(0).padStart(6)}  ${k}`);
}

const folder = await mkdtemp(join(tmpdir(), 'map-profile-'));
const site = join(folder, 'site');
await cp(DIST, site, { recursive: true });
await writeSet(site, COUNT);
const server = await serveStatic(site);
const { browser } = await launch();
try {
  console.log(`load average ${loadavg()[0]!.toFixed(2)}, ${COUNT} points, CPU ${RATE}×`);
  // One visit to warm the disk cache, then the traced one.
  for (const traced of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const events: TraceEvent[] = [];
    if (traced) {
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'loading',
          'v8.execute',
          'v8',
          'blink',
          'toplevel',
        ].join(','),
        transferMode: 'ReportEvents',
      });
    }
    if (traced) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.origin}/ban-do/`);
    await marksOf(cdp, ['map:clusters-drawn', 'map:interactive']);
    const marks = await page.evaluate(() => [
      ...(['requestStart', 'responseStart', 'responseEnd', 'domInteractive', 'domContentLoadedEventEnd'] as const).map(
        (k) => ({
          type: 'nav',
          name: k,
          start: Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)[k]),
          end: 0,
        }),
      ),
      ...performance
        .getEntries()
        .filter((e) => e.entryType === 'mark' || e.entryType === 'resource' || e.entryType === 'paint')
        .map((e) => ({
          type: e.entryType,
          name: e.name.replace(/^https?:\/\/[^/]+/, ''),
          start: Math.round(e.startTime),
          end: Math.round(e.startTime + e.duration),
        })),
    ]);
    if (!traced) {
      await context.close();
      continue;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await context.close();
    if (process.env['MAP_PROFILE_TRACE']) await writeFile(process.env['MAP_PROFILE_TRACE'], JSON.stringify(events));

    console.log('\nmarks and files (ms from navigation):');
    for (const m of marks)
      console.log(`  ${m.type.padEnd(8)} ${String(m.start).padStart(6)} → ${String(m.end).padStart(6)}  ${m.name}`);

    // Main thread of the page's renderer: the thread that ran the map's marks.
    const mark = events.find((e) => e.name === 'map:start');
    const nav = events.find((e) => e.name === 'navigationStart' && (!mark || e.pid === mark.pid));
    const main = events.find(
      (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain' && e.pid === (mark ?? nav)!.pid,
    )!;
    const t0 = nav?.ts ?? 0;
    const drawn = events.find((e) => e.name === (process.env['MAP_PROFILE_UNTIL'] ?? 'map:clusters-drawn'));
    const end = drawn ? drawn.ts : Infinity;
    const onMain = events.filter(
      (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
    );
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= t0 && e.ts <= end);
    const inside = (outer: TraceEvent, e: TraceEvent) =>
      e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur! && e !== outer;
    const kinds = [
      'ParseHTML',
      'EvaluateScript',
      'v8.compileModule',
      'v8.evaluateModule',
      'v8.compile',
      'FunctionCall',
      'TimerFire',
      'FireAnimationFrame',
      'EventDispatch',
      'UpdateLayoutTree',
      'Layout',
      'PrePaint',
      'Paint',
      'Layerize',
      'Commit',
      'ParseAuthorStyleSheet',
      'v8.gc',
      'MinorGC',
      'MajorGC',
      'ResourceReceivedData',
      'HitTest',
      'v8.parseOnBackground',
    ];
    const totals = new Map<string, number>();
    let busy = 0;
    console.log('\nmain-thread tasks ≥ 4 ms before clusters drawn (start, duration, contents):');
    for (const task of tasks) {
      busy += task.dur!;
      const parts = new Map<string, number>();
      for (const e of onMain) {
        if (!kinds.includes(e.name) || !inside(task, e)) continue;
        // Only the outermost event of each kind: nested calls are already in their parent.
        const nested = onMain.some((o) => o.name === e.name && o !== e && inside(o, e) && inside(task, o));
        if (nested) continue;
        let label = e.name;
        if (e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule')
          label += ` ${String(e.args?.['data']?.['url'] ?? e.args?.['fileName'] ?? '').replace(/^.*\//, '')}`;
        if (e.name === 'FunctionCall')
          label += ` ${e.args?.['data']?.['functionName'] ?? ''}@${String(e.args?.['data']?.['url'] ?? '').replace(/^.*\//, '')}:${e.args?.['data']?.['lineNumber'] ?? ''}`;
        if (e.name === 'EventDispatch') label += ` ${e.args?.['data']?.['type'] ?? ''}`;
        parts.set(label, (parts.get(label) ?? 0) + e.dur!);
        totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur!);
      }
      if (task.dur! < 4000) continue;
      const list = [...parts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
        .join('; ');
      console.log(
        `  ${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ${(task.dur! / 1000).toFixed(0).padStart(5)}  ${list}`,
      );
    }
    console.log(
      `\nmain thread busy ${(busy / 1000).toFixed(0)} ms of ${((end - t0) / 1000).toFixed(0)} ms; by kind (outermost, may overlap):`,
    );
    for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]))
      console.log(`  ${k.padEnd(22)} ${(v / 1000).toFixed(0)}`);
    printProfile(profile, t0, end);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(folder, { recursive: true, force: true });
}
