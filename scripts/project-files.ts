// The project's own files, for the tests and benchmarks that build a copy of it.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * Paths (relative, `/`-separated, sorted) of the regular files that make up the project at `root`: what git
 * tracks plus new files it does not ignore. In a git checkout git lists them; in a copy without git (a downloaded
 * release) the tree is walked with the rules of the project's `.gitignore` (its only one), so both list the same.
 */
export function projectFiles(root: string): string[] {
  const listed = isCheckoutRoot(root) ? filesFromGit(root) : filesFromWalk(root, ignore().add(readGitignore(root)));
  return listed.filter((file) => lstatSync(join(root, file), { throwIfNoEntry: false })?.isFile()).sort();
}

/** Whether `root` is the top of a git work tree (not merely inside someone else's repository), with git installed. */
function isCheckoutRoot(root: string): boolean {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return realpathSync(top.trim()) === realpathSync(root);
  } catch {
    return false; // no git, or not a repository
  }
}

function filesFromGit(root: string): string[] {
  // --cached also lists files deleted but not yet committed; projectFiles drops those.
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter(Boolean);
}

function readGitignore(root: string): string {
  const file = join(root, '.gitignore');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function filesFromWalk(root: string, rules: Ignore, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && !rules.ignores(`${path}/`)) files.push(...filesFromWalk(root, rules, path));
    } else if (!rules.ignores(path)) {
      files.push(path);
    }
  }
  return files;
}
