import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BaselineClone {
  /** The full commit id. */
  commit: string;
  dir: string;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/**
 * A clone of the repository at `head` checked out at `revision` and installed (npm ci), outside the working tree
 * (default /tmp/artesanias-<commit>, made on first use and reused; a marker file says the install finished), so a
 * bench can run an older commit's code beside this one's without touching either.
 */
export function prepareBaselineClone(head: string, revision: string, dir?: string): BaselineClone {
  const commit = git(head, 'rev-parse', '--verify', `${revision}^{commit}`);
  const cloneDir = resolve(dir ?? `/tmp/artesanias-${commit.slice(0, 7)}`);
  const marker = join(cloneDir, '.bench-baseline-ready');
  if (existsSync(marker) && git(cloneDir, 'rev-parse', 'HEAD') === commit) return { commit, dir: cloneDir };
  if (!existsSync(join(cloneDir, '.git'))) {
    console.log(`cloning ${revision} into ${cloneDir}`);
    execFileSync('git', ['clone', '--quiet', '--no-checkout', head, cloneDir], { stdio: 'inherit' });
  }
  execFileSync('git', ['checkout', '--quiet', '--detach', commit], { cwd: cloneDir, stdio: 'inherit' });
  console.log(`installing ${commit.slice(0, 7)}'s dependencies (npm ci) in ${cloneDir}`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cloneDir, stdio: 'inherit' });
  writeFileSync(marker, `${commit}\n`);
  return { commit, dir: cloneDir };
}
