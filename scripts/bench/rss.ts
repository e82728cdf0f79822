/**
 * Resident memory of a process and all its descendants, read from /proc (Linux). Node reports only its own process's
 * peak; the build's children (Pagefind's binary, sharp's threads are in-process) count towards the machine's limit too.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** Sum of RSS in bytes of `root` and every process below it, now; 0 when /proc is not there. */
export function processTreeRss(root: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of names) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: fields are read after its closing ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === root) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}
