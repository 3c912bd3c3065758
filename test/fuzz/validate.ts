/**
 * Validity of emitted code, checked over many sources at once: TypeScript modules through tsc's
 * strict checks (as a strict user project would compile them), WGSL kernels through Tint (Dawn's
 * shader compiler, on whatever WebGPU adapter there is: SwiftShader without a GPU).
 */
import ts from 'typescript';
import { openDevice } from '../../src/backends/wgsl/runtime.js';

const options: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: true,
};

/** tsc's errors by file name (files without errors are left out). */
export function typeErrors(files: Readonly<Record<string, string>>): Map<string, string> {
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const getSource = host.getSourceFile.bind(host);
  const prefix = '/fuzz/';
  host.readFile = (path) => (path.startsWith(prefix) ? files[path.slice(prefix.length)] : read(path));
  host.fileExists = (path) => (path.startsWith(prefix) ? path.slice(prefix.length) in files : ts.sys.fileExists(path));
  host.getSourceFile = (path, language) =>
    path.startsWith(prefix)
      ? ts.createSourceFile(path, files[path.slice(prefix.length)] ?? '', language)
      : getSource(path, language);
  const program = ts.createProgram(
    Object.keys(files).map((name) => prefix + name),
    options,
    host,
  );
  const errors = new Map<string, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName.slice(prefix.length) ?? '(global)';
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const line = where ? `${where.line + 1}:${where.character + 1}: ` : '';
    errors.set(file, `${errors.get(file) ?? ''}${line}${text}\n`);
  }
  return errors;
}

let device: Promise<GPUDevice> | undefined;

/** Tint's errors by kernel name (kernels it accepts are left out). */
export async function shaderErrors(kernels: Readonly<Record<string, string>>): Promise<Map<string, string>> {
  device ??= openDevice().then((d) => d.device);
  const gpu = await device;
  const errors = new Map<string, string>();
  for (const [name, code] of Object.entries(kernels)) {
    gpu.pushErrorScope('validation');
    const module = gpu.createShaderModule({ code });
    const info = await module.getCompilationInfo();
    const scoped = await gpu.popErrorScope();
    const messages = info.messages
      .filter((m) => m.type === 'error')
      .map((m) => `${m.lineNum}:${m.linePos}: ${m.message}`);
    if (scoped) messages.push(scoped.message);
    if (messages.length > 0) errors.set(name, messages.join('\n'));
  }
  return errors;
}
