import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DomainError } from '../../services/errors';
import { readSheet } from '../../services/fileReading/readSheet';

/*
 * Reads one file of a hostile corpus in this process (a child of the test, so that a file that
 * escaped its bounds kills this process and not the test runner, and so that the process's peak
 * memory is this file's) and prints one JSON line: the answer, the time taken, the memory it
 * cost, and the answer for a good file read after it.
 */

declare const gc: () => void;

interface Manifest {
  files: { name: string; fileName: string; path: string }[];
  good: { fileName: string; path: string };
}

const MB = 1024 * 1024;
const dir = process.argv[2]!;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * The process's peak resident memory since the last reset: Linux's VmHWM, which (unlike maxRSS,
 * kept across exec from the test runner that spawned us) belongs to this process alone.
 */
const peakRss = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
const resetPeakRss = () => writeFileSync('/proc/self/clear_refs', '5');

function readOne(fileName: string, path: string) {
  const base64 = readFileSync(path).toString('base64');
  gc();
  resetPeakRss();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let answer: object;
  try {
    const rows = readSheet({ fileName, base64 });
    answer = { read: rows.length };
  } catch (error) {
    answer =
      error instanceof DomainError
        ? { code: error.code, params: error.params ?? {}, fields: error.fields ?? {} }
        : { thrown: String(error) };
  }
  const ms = performance.now() - started;
  const peakMb = (peakRss() - rssBefore) / MB;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  return { answer, ms, peakMb, heapMb };
}

const index = Number(process.argv[3]);
// The good file first, so that loading code is not charged to the hostile one; then again after
// it, to show the process still reads.
readOne(manifest.good.fileName, manifest.good.path);
const file = manifest.files[index]!;
const hostile = readOne(file.fileName, file.path);
print({ name: file.name, ...hostile, good: readOne(manifest.good.fileName, manifest.good.path) });
