// locate.ts - finds the racelint executable: the racelint.path setting, else
// the one bundled in a platform .vsix (bin/<platform>-<arch>/racelint, the
// linux-x64 one from make vscode-bundled), else PATH, else where the Debian
// package and `make install` put it. No vscode import, so that it can be
// read (and tested) on its own.
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
 * The racelint bundled in this extension for this platform, or undefined
 * (the platform-neutral .vsix has none). `extensionDir` is the extension's
 * install directory. A zip extractor that dropped the executable bit gets it
 * back here.
 */
export function bundledRacelint(extensionDir: string, platform: string = process.platform, arch: string = process.arch): string | undefined {
  const p = path.join(extensionDir, 'bin', `${platform}-${arch}`, 'racelint');
  try {
    if (!fs.statSync(p).isFile()) return undefined;
    if (!isExecutableFile(p)) fs.chmodSync(p, 0o755);
  } catch {
    return undefined;
  }
  return isExecutableFile(p) ? p : undefined;
}

/**
 * The racelint to start. `setting` is racelint.path ('' = search), `base` the
 * workspace folder, `envPath` the PATH to search, `bundled` the racelint
 * shipped in the extension for this platform (bundledRacelint).
 */
export function locateRacelint(setting: string, base: string | undefined, envPath: string | undefined, bundled?: string): Located {
  if (setting.trim() !== '') {
    const p = expandPath(setting.trim(), base);
    if (isExecutableFile(p)) return { ok: true, command: p, how: 'racelint.path' };
    const reason = fs.existsSync(p) ? 'is not an executable file' : 'does not exist';
    return { ok: false, tried: [p], reason: `racelint.path is ${p}, which ${reason}` };
  }
  const tried: string[] = [];
  if (bundled) {
    tried.push(bundled);
    if (isExecutableFile(bundled)) return { ok: true, command: bundled, how: 'bundled with the extension' };
  }
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
