// Test probe for tests/vscode (never shipped). With $RACELINT_PROBE_DIR set:
// - writes vscode.languages.getDiagnostics() (with codes and related
//   information) to $RACELINT_PROBE_DIR/diagnostics.json on every change;
// - runs requests the test driver drops as requests/<n>.json and answers in
//   responses/<n>.json (written to a temporary name, then renamed).
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

function diagJson(d) {
  return {
    message: d.message,
    source: d.source,
    severity: d.severity,
    code: typeof d.code === 'object' && d.code ? String(d.code.value) : d.code,
    href: typeof d.code === 'object' && d.code && d.code.target ? d.code.target.toString() : undefined,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    related: (d.relatedInformation || []).map((r) => ({
      uri: r.location.uri.toString(),
      line: r.location.range.start.line,
      message: r.message,
    })),
  };
}

function writeJson(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value, null, 1));
  fs.renameSync(file + '.tmp', file);
}

function dump(dir) {
  const all = vscode.languages.getDiagnostics().map(([uri, ds]) => ({ uri: uri.toString(), diagnostics: ds.map(diagJson) }));
  writeJson(path.join(dir, 'diagnostics.json'), { vscodeVersion: vscode.version, all });
}

function fileUri(p) {
  return vscode.Uri.file(p);
}

async function doc(p) {
  return vscode.workspace.openTextDocument(fileUri(p));
}

function toJson(v) {
  if (v === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(v));
  } catch {
    return String(v);
  }
}

const ops = {
  async open({ path: p }) {
    await vscode.window.showTextDocument(await doc(p), { preview: false });
    return true;
  },
  async text({ path: p }) {
    const d = await doc(p);
    return { text: d.getText(), version: d.version, dirty: d.isDirty };
  },
  // replaces the whole text (unsaved, as typing would)
  async setText({ path: p, text }) {
    const d = await doc(p);
    const e = new vscode.WorkspaceEdit();
    e.replace(d.uri, new vscode.Range(0, 0, d.lineCount, 0), text);
    return vscode.workspace.applyEdit(e);
  },
  async save({ path: p }) {
    return (await doc(p)).save();
  },
  async codeActions({ path: p, line }) {
    const d = await doc(p);
    const r = new vscode.Range(line, 0, line, d.lineAt(line).text.length);
    const acts = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', d.uri, r)) || [];
    return acts.map((a) => ({
      title: a.title, kind: a.kind && a.kind.value, isPreferred: a.isPreferred, hasEdit: !!a.edit,
    }));
  },
  async command({ id, args }) {
    return toJson(await vscode.commands.executeCommand(id, ...(args || [])));
  },
  async setting({ key, value }) {
    const i = key.lastIndexOf('.');
    await vscode.workspace.getConfiguration(key.slice(0, i)).update(key.slice(i + 1), value, vscode.ConfigurationTarget.Global);
    return true;
  },
  async diagnostics() {
    return vscode.languages.getDiagnostics().map(([uri, ds]) => ({ uri: uri.toString(), diagnostics: ds.map(diagJson) }));
  },
};

function activate(context) {
  const dir = process.env.RACELINT_PROBE_DIR;
  if (!dir) return;
  const reqDir = path.join(dir, 'requests');
  const resDir = path.join(dir, 'responses');
  fs.mkdirSync(reqDir, { recursive: true });
  fs.mkdirSync(resDir, { recursive: true });
  dump(dir);
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => dump(dir)));
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const name of fs.readdirSync(reqDir).filter((n) => n.endsWith('.json')).sort()) {
        const file = path.join(reqDir, name);
        const req = JSON.parse(fs.readFileSync(file, 'utf8'));
        fs.unlinkSync(file);
        let res;
        try {
          if (!ops[req.op]) throw new Error('unknown op ' + req.op);
          res = { ok: true, result: await ops[req.op](req) };
        } catch (e) {
          res = { ok: false, error: e && e.stack ? e.stack : String(e) };
        }
        writeJson(path.join(resDir, name), res);
      }
    } catch (e) {
      console.error('probe:', e);
    } finally {
      busy = false;
    }
  }, 100);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
  fs.writeFileSync(path.join(dir, 'ready'), vscode.version);
}

module.exports = { activate, deactivate() {} };
