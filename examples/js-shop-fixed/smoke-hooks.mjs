// smoke-hooks.mjs - module hooks that let smoke.mjs run the sources with a
// plain `node`, no npm install and no TypeScript compiler:
// - '@racelint/runtime' falls back to ../../runtime/js when it is not
//   installed (npm install links it from package.json's file: dependency);
// - './x.js' falls back to './x.ts' (TypeScript's import convention);
// - .ts files are loaded with their types stripped: by Node's own
//   module.stripTypeScriptTypes() when it has one (Node >= 22.13), otherwise
//   by a minimal stripper that knows only what notify.ts uses (interfaces on
//   one line, parameter and return annotations of function declarations).
import { readFile } from 'node:fs/promises';
import * as nodeModule from 'node:module';

const RUNTIME = new URL('../../runtime/js/src/index.js', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    if (specifier === '@racelint/runtime') return { url: RUNTIME, shortCircuit: true };
    if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: stripTypes(source), shortCircuit: true };
}

function stripTypes(source) {
  if (typeof nodeModule.stripTypeScriptTypes === 'function') {
    return nodeModule.stripTypeScriptTypes(source);
  }
  return source
    .replace(/^(export\s+)?interface\s+\w+\s*\{[^}\n]*\}[ \t]*$/gm, '')
    .replace(/(function\s*\*?\s*\w*\s*)\(([^)]*)\)\s*(?::[^{]+)?\{/g, (_, head, params) => {
      const names = params.split(',').map((p) => p.replace(/\??\s*:.*$/s, '').trim());
      return `${head}(${names.filter(Boolean).join(', ')}) {`;
    });
}
