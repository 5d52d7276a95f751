// extension.ts - the racelint VS Code extension: one `racelint lsp` per
// workspace folder (vscode-languageclient over stdio), a status-bar item,
// and the commands restart / show output / fix all.
//
// Untrusted workspaces: no server is started (the repository's
// .racelint.json and compile_commands.json steer the analyzer); it starts
// when the workspace is trusted.
import { ChildProcess, spawn } from 'child_process';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeAction as LspCodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  Command as LspCommand,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State,
} from 'vscode-languageclient/node';
import { bundledRacelint, expandPath, INSTALL_LOCATIONS, locateRacelint } from './locate';

/** The documents racelint analyses (C headers are `cpp` to VS Code). */
const LANGUAGES = ['c', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
const WATCHED = '**/{.racelint.json,*.c,*.h,*.js,*.jsx,*.mjs,*.cjs,*.ts,*.tsx,*.mts,*.cts}';
/** A server that dies this many times within RESTART_WINDOW_MS is not restarted. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

type ServerState = 'starting' | 'running' | 'stopped' | 'disabled' | 'untrusted' | 'notfound' | 'failed';

/** One racelint lsp for one workspace folder (or for loose files when no folder is open). */
interface Server {
  key: string;
  folder: vscode.WorkspaceFolder | undefined;
  client?: LanguageClient;
  state: ServerState;
  detail: string;
  command?: string;
  exitCode?: number | null;
  stderrTail: string[];
  crashes: number[];
  disposables: vscode.Disposable[];
  /** Bumped on every (re)start, so that a late callback of an older start is ignored. */
  generation: number;
}

let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
const servers = new Map<string, Server>();
let notFoundShown = false;
/** racelint shipped in this .vsix for this platform (make vscode-bundled), or undefined. */
let bundled: string | undefined;

function log(msg: string): void {
  output.appendLine(`[racelint ${new Date().toLocaleTimeString()}] ${msg}`);
}

function folderKey(folder: vscode.WorkspaceFolder | undefined): string {
  return folder ? folder.uri.toString() : '';
}

function folderLabel(s: Server): string {
  return s.folder ? s.folder.name : '(no folder)';
}

/** Folders that get a server: file-system folders not inside another open folder. */
function rootFolders(): vscode.WorkspaceFolder[] {
  const all = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const inside = (f: vscode.WorkspaceFolder, g: vscode.WorkspaceFolder) => {
    const a = g.uri.fsPath.endsWith('/') ? g.uri.fsPath : g.uri.fsPath + '/';
    return f !== g && f.uri.fsPath.startsWith(a);
  };
  return all.filter((f) => !all.some((g) => inside(f, g)));
}

function documentSelector(folder: vscode.WorkspaceFolder | undefined) {
  const pattern = folder ? `${folder.uri.fsPath.replace(/[[\]{}*?]/g, '?')}/**/*` : undefined;
  const sel: { scheme: string; language: string; pattern?: string }[] = LANGUAGES.map((language) => ({ scheme: 'file', language, pattern }));
  sel.push({ scheme: 'file', language: 'cpp', pattern: (pattern ?? '**') + (pattern ? '' : '/*') + '.h' });
  return sel;
}

// Section - status bar

function updateStatus(): void {
  const all = [...servers.values()];
  const worst = (['notfound', 'failed', 'starting', 'untrusted', 'running', 'stopped', 'disabled'] as ServerState[]).find((st) =>
    all.some((s) => s.state === st),
  );
  const icon: Record<ServerState, string> = {
    starting: '$(sync~spin)',
    running: '$(check)',
    stopped: '$(circle-slash)',
    disabled: '$(circle-slash)',
    untrusted: '$(shield)',
    notfound: '$(error)',
    failed: '$(error)',
  };
  if (!worst) {
    status.hide();
    return;
  }
  status.text = `${icon[worst]} racelint`;
  status.accessibilityInformation = { label: `racelint: ${worst}` };
  const lines = all.map((s) => `${folderLabel(s)}: ${s.state}${s.detail ? ' - ' + s.detail : ''}`);
  status.tooltip = new vscode.MarkdownString(lines.map((l) => l.replace(/([\\`*_{}[\]()#+\-.!|])/g, '\\$1')).join('\n\n') + '\n\nClick: show the racelint output');
  status.backgroundColor = worst === 'notfound' || worst === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.command = 'racelint.showOutput';
  status.show();
}

function setState(s: Server, state: ServerState, detail = ''): void {
  s.state = state;
  s.detail = detail;
  updateStatus();
}

// Section - starting and stopping

function notFoundMessage(reason: string): string {
  return (
    `racelint was not found: ${reason}. Install it: \`make && sudo make install\` in a racelint checkout ` +
    '(puts it in /usr/local/bin), or the racelint Debian package (/usr/bin); or set the racelint.path setting to your racelint.'
  );
}

async function showNotFound(reason: string): Promise<void> {
  if (notFoundShown) return; // one message for all folders and restarts
  notFoundShown = true;
  const pick = await vscode.window.showErrorMessage(notFoundMessage(reason), 'Open Settings', 'Show Output');
  if (pick === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'racelint.path');
  if (pick === 'Show Output') output.show(true);
}

async function showFailed(s: Server, what: string): Promise<void> {
  const last = s.stderrTail.filter((l) => l.trim() !== '').slice(-1)[0];
  const msg = `racelint lsp ${what}${s.folder ? ' for ' + s.folder.name : ''}${last ? ': ' + last.trim() : ''}`;
  const pick = await vscode.window.showErrorMessage(msg, 'Show Output', 'Restart');
  if (pick === 'Show Output') output.show(true);
  if (pick === 'Restart') await restartAll();
}

function serverArgs(cfg: vscode.WorkspaceConfiguration, base: string | undefined): string[] {
  const args = ['lsp'];
  const config = (cfg.get<string>('config') ?? '').trim();
  if (config) args.push('--config', expandPath(config, base));
  for (const a of cfg.get<string[]>('args') ?? []) if (typeof a === 'string') args.push(a);
  return args;
}

async function startServer(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
  const key = folderKey(folder);
  let s = servers.get(key);
  if (!s) {
    s = { key, folder, state: 'stopped', detail: '', stderrTail: [], crashes: [], disposables: [], generation: 0 };
    servers.set(key, s);
  }
  const gen = ++s.generation;
  const cfg = vscode.workspace.getConfiguration('racelint', folder?.uri);
  if (!cfg.get<boolean>('enable', true)) {
    setState(s, 'disabled', 'racelint.enable is false');
    return;
  }
  if (!vscode.workspace.isTrusted) {
    setState(s, 'untrusted', 'not started in an untrusted workspace (trust it to start racelint)');
    return;
  }
  const base = folder?.uri.fsPath;
  const located = locateRacelint(cfg.get<string>('path') ?? '', base, process.env.PATH, bundled);
  if (!located.ok) {
    log(`${notFoundMessage(located.reason)}\n  looked at: ${located.tried.join(', ')}`);
    setState(s, 'notfound', notFoundMessage(located.reason));
    void showNotFound(located.reason);
    return;
  }
  const command = located.command;
  const args = serverArgs(cfg, base);
  s.command = command;
  s.stderrTail = [];
  s.exitCode = undefined;
  log(`starting ${command} ${args.join(' ')} (found through ${located.how}) in ${base ?? os.homedir()}`);
  setState(s, 'starting', `${command} ${args.join(' ')}`);

  const server = s;
  const serverOptions = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: base ?? os.homedir(), env: process.env, stdio: 'pipe' });
      child.stderr?.on('data', (d: Buffer) => {
        server.stderrTail.push(...d.toString('utf8').split('\n'));
        server.stderrTail = server.stderrTail.slice(-20);
      });
      child.on('exit', (code, signal) => {
        server.exitCode = code;
        if (gen === server.generation) log(`racelint lsp exited (${signal ? 'signal ' + signal : 'code ' + code})`);
      });
      child.once('spawn', () => resolve(child));
      child.once('error', reject);
    });

  const watchers = [vscode.workspace.createFileSystemWatcher(folder ? new vscode.RelativePattern(folder, WATCHED) : WATCHED)];
  // Diagnostics are pulled (textDocument/diagnostic) for the open documents;
  // racelint sends workspace/diagnostic/refresh when findings change without
  // an edit (a config change, another file changed on disk).
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(folder),
    workspaceFolder: folder,
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: { fileEvents: watchers },
    errorHandler: {
      error: (_error, _message, count) =>
        (count ?? 0) <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true },
      closed: () => {
        if (gen !== server.generation) return { action: CloseAction.DoNotRestart, handled: true };
        const now = Date.now();
        server.crashes = server.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
        server.crashes.push(now);
        const code = server.exitCode === undefined || server.exitCode === null ? '' : ` (exit code ${server.exitCode})`;
        if (server.state === 'running' && server.crashes.length <= MAX_RESTARTS) {
          log(`racelint lsp stopped unexpectedly${code}; restarting`);
          return { action: CloseAction.Restart, handled: true };
        }
        setState(server, 'failed', `stopped${code}; see the output`);
        void showFailed(server, `stopped${code}`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  const client = new LanguageClient('racelint', 'racelint', serverOptions, clientOptions);
  s.client = client;
  s.disposables = [...watchers, configWatcher(s, cfg, base)];
  s.disposables.push(
    client.onDidChangeState((e) => {
      if (gen !== server.generation) return;
      if (e.newState === State.Running) setState(server, 'running', `${command} (${located.how})`);
      else if (e.newState === State.Starting) setState(server, 'starting', command);
    }),
  );
  try {
    await client.start();
    if (gen === s.generation) setState(s, 'running', `${command} (${located.how})`);
  } catch (e) {
    if (gen !== s.generation || s.state === 'failed') return;
    const code = s.exitCode === undefined || s.exitCode === null ? '' : ` (exit code ${s.exitCode})`;
    log(`racelint lsp did not start${code}: ${e instanceof Error ? e.message : String(e)}`);
    setState(s, 'failed', `did not start${code}; see the output`);
    void showFailed(s, `did not start${code}`);
  }
}

/** Watches a racelint.config file outside the .racelint.json pattern: the server re-reads it on didChangeConfiguration. */
function configWatcher(s: Server, cfg: vscode.WorkspaceConfiguration, base: string | undefined): vscode.Disposable {
  const config = (cfg.get<string>('config') ?? '').trim();
  if (!config) return new vscode.Disposable(() => undefined);
  const file = vscode.Uri.file(expandPath(config, base));
  const dir = vscode.Uri.joinPath(file, '..');
  const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, file.path.slice(dir.path.length + 1)));
  const reload = () => {
    if (s.client?.isRunning()) void s.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };
  w.onDidChange(reload);
  w.onDidCreate(reload);
  w.onDidDelete(reload);
  return w;
}

async function stopServer(s: Server): Promise<void> {
  s.generation++;
  const client = s.client;
  s.client = undefined;
  for (const d of s.disposables) d.dispose();
  s.disposables = [];
  if (client) {
    try {
      await client.stop(5000);
    } catch (e) {
      log(`stopping racelint lsp: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  setState(s, 'stopped');
}

async function removeServer(key: string): Promise<void> {
  const s = servers.get(key);
  if (!s) return;
  await stopServer(s);
  servers.delete(key);
  updateStatus();
}

/** Starts what the current folders need and stops what they no longer need. */
async function syncServers(): Promise<void> {
  const roots = rootFolders();
  const wanted = new Map<string, vscode.WorkspaceFolder | undefined>();
  if ((vscode.workspace.workspaceFolders ?? []).length === 0) wanted.set('', undefined);
  for (const f of roots) wanted.set(folderKey(f), f);
  for (const key of [...servers.keys()]) if (!wanted.has(key)) await removeServer(key);
  await Promise.all([...wanted].filter(([key]) => !servers.get(key)?.client).map(([, f]) => startServer(f)));
}

async function restartAll(): Promise<void> {
  notFoundShown = false;
  for (const s of servers.values()) await stopServer(s);
  await syncServers();
  for (const s of servers.values()) if (!s.client) await startServer(s.folder);
}

async function restartFor(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
  const s = servers.get(folderKey(folder));
  if (!s) return;
  notFoundShown = false;
  await stopServer(s);
  await startServer(folder);
}

// Section - fix all

function serverFor(uri: vscode.Uri): Server | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const root = rootFolders().find((f) => folder.uri.fsPath === f.uri.fsPath || folder.uri.fsPath.startsWith(f.uri.fsPath + '/'));
    return root ? servers.get(folderKey(root)) : undefined;
  }
  return servers.get('');
}

interface FixAllResult {
  applied: number;
  unsafe: number;
  message: string;
}

function rangesOverlap(a: vscode.Range, b: vscode.Range): boolean {
  return a.start.isBefore(b.end) && b.start.isBefore(a.end);
}

/**
 * Applies every quick fix racelint marks as preferred (its safe fixes) in
 * the document, over at most 10 rounds: the fixes of one round that do not
 * overlap go in one edit, the server re-analyses, and the next round asks
 * again. Fixes that may change behaviour (not preferred) and suppressions are
 * left for the user to pick with Ctrl+. .
 */
async function fixAll(uri?: vscode.Uri): Promise<FixAllResult> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) return { applied: 0, unsafe: 0, message: 'racelint: no file is open' };
  const s = serverFor(doc.uri);
  const client = s?.client;
  if (!client || !client.isRunning()) return { applied: 0, unsafe: 0, message: 'racelint: the server is not running for this file' };
  let applied = 0;
  let unsafe = 0;
  for (let round = 0; round < 10; round++) {
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'racelint');
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const version = doc.version;
    const result = await client.sendRequest(CodeActionRequest.type, {
      textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(doc),
      range: client.code2ProtocolConverter.asRange(full),
      context: { diagnostics: await client.code2ProtocolConverter.asDiagnostics(diags), only: ['quickfix'] },
    });
    if (doc.version !== version) continue; // edited meanwhile: ask again
    const actions = (result ?? []).filter((a): a is LspCodeAction => !LspCommand.is(a));
    unsafe = actions.filter((a) => a.isPreferred === false).length;
    const edit = new vscode.WorkspaceEdit();
    const taken: vscode.Range[] = [];
    const commands: LspCommand[] = [];
    let n = 0;
    for (let a of actions.filter((x) => x.isPreferred === true)) {
      if (!a.edit && !a.command && a.data !== undefined) a = await client.sendRequest(CodeActionResolveRequest.type, a);
      const we = a.edit ? await client.protocol2CodeConverter.asWorkspaceEdit(a.edit) : undefined;
      const ranges = we ? we.entries().flatMap(([u, edits]) => (u.toString() === doc.uri.toString() ? edits.map((e) => e.range) : [])) : [];
      if (ranges.some((r) => taken.some((t) => rangesOverlap(r, t)))) continue; // next round
      for (const [u, edits] of we?.entries() ?? []) for (const e of edits) edit.replace(u, e.range, e.newText);
      taken.push(...ranges);
      if (a.command) commands.push(a.command);
      n++;
    }
    if (n === 0) break;
    if (!(await vscode.workspace.applyEdit(edit))) break;
    for (const c of commands) await vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));
    applied += n;
  }
  const rest = unsafe ? `; ${unsafe} fix${unsafe === 1 ? '' : 'es'} that may change behaviour ${unsafe === 1 ? 'is' : 'are'} offered on the finding (Ctrl+.)` : '';
  const message = applied
    ? `racelint: applied ${applied} fix${applied === 1 ? '' : 'es'}${rest}`
    : `racelint: no safe fix to apply${rest}`;
  return { applied, unsafe, message };
}

// Section - activation

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('racelint');
  status = vscode.window.createStatusBarItem('racelint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'racelint';
  bundled = bundledRacelint(context.extensionPath);
  void vscode.commands.executeCommand('setContext', 'racelint.languages', LANGUAGES);
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('racelint.restart', restartAll),
    vscode.commands.registerCommand('racelint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('racelint.fixAll', async (uri?: vscode.Uri) => {
      const r = await fixAll(uri instanceof vscode.Uri ? uri : undefined);
      vscode.window.setStatusBarMessage(r.message, 10000);
      log(r.message);
      return r;
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => syncServers()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restartAll()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('racelint')) return;
      const onlyTrace = ['enable', 'path', 'config', 'args'].every((k) => !e.affectsConfiguration('racelint.' + k));
      if (onlyTrace) return; // vscode-languageclient follows racelint.trace.server itself
      for (const s of [...servers.values()]) {
        if (e.affectsConfiguration('racelint', s.folder?.uri)) await restartFor(s.folder);
      }
    }),
  );
  log(
    `racelint extension ${context.extension.packageJSON.version}; VS Code ${vscode.version}; ` +
      (bundled ? `bundled racelint: ${bundled}, then ` : '') +
      `PATH, then ${INSTALL_LOCATIONS.join(', ')}`,
  );
  await syncServers();
}

export async function deactivate(): Promise<void> {
  await Promise.all([...servers.values()].map((s) => stopServer(s)));
}
