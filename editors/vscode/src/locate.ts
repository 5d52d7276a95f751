// locate.ts - finds the racelint executable: the racelint.path setting, else
// PATH, else where the Debian package and `make install` put it. No vscode
// import, so that it can be read (and tested) on its own.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where racelint is looked for when racelint.path is empty, after PATH. */
export const INSTALL_LOCATIONS = ['/usr/bin/racelint', '/usr/local/bin/racelint'];

export type Located =
  | { ok: true; command: string; how: string }
  | { ok: false; tried: string[]; reason: string };

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `~/x` is in the home directory; a relative path is relative to `base`. */
export function expandPath(p: string, base: string | undefined): string {
  if (p === '~' || p.startsWith('~/')) return path.join(os.homedir(), p.slice(1));
  if (path.isAbsolute(p)) return p;
  return path.resolve(base ?? process.cwd(), p);
}

/**
 * The racelint to start. `setting` is racelint.path ('' = search), `base` the
 * workspace folder, `envPath` the PATH to search.
 */
export function locateRacelint(setting: string, base: string | undefined, envPath: string | undefined): Located {
  if (setting.trim() !== '') {
    const p = expandPath(setting.trim(), base);
    if (isExecutableFile(p)) return { ok: true, command: p, how: 'racelint.path' };
    const reason = fs.existsSync(p) ? 'is not an executable file' : 'does not exist';
    return { ok: false, tried: [p], reason: `racelint.path is ${p}, which ${reason}` };
  }
  const tried: string[] = [];
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const p = path.join(dir, 'racelint');
    tried.push(p);
    if (isExecutableFile(p)) return { ok: true, command: p, how: 'PATH' };
  }
  for (const p of INSTALL_LOCATIONS) {
    tried.push(p);
    if (isExecutableFile(p)) return { ok: true, command: p, how: 'install location' };
  }
  return { ok: false, tried, reason: 'racelint is not on PATH, nor in ' + INSTALL_LOCATIONS.join(' or ') };
}
