// The lint half of the core's purity rule. The compile half is
// packages/core/tsconfig.json: the core compiles against the ES library only,
// with no runtime types, so `crypto`, `process`, `Bun`, `Deno`, `setTimeout`,
// `console`, `fetch` and the rest do not even exist there. What the ES library
// itself offers, this lint forbids: `Date`, `Math.random`, `globalThis`,
// `eval`, `Function`, `require`, and importing node:/bun: modules or Node
// builtins.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One forbidden use, with where it is. */
export interface PurityViolation {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly rule: string;
}

const forbiddenGlobals = new Set(["Date", "globalThis", "eval", "Function", "require", "process", "Bun", "Deno", "crypto", "setTimeout", "setInterval", "setImmediate", "console", "performance", "fetch", "window", "self"]);
const nodeBuiltins = new Set(["assert", "buffer", "child_process", "cluster", "crypto", "dgram", "dns", "events", "fs", "fs/promises", "http", "http2", "https", "module", "net", "os", "path", "perf_hooks", "process", "readline", "stream", "timers", "tls", "url", "util", "v8", "vm", "worker_threads", "zlib"]);

function isForbiddenModule(specifier: string): boolean {
  return specifier.startsWith("node:") || specifier.startsWith("bun:") || specifier === "bun" || specifier.startsWith("deno") || specifier.startsWith("jsr:") || nodeBuiltins.has(specifier);
}

/** True when an identifier names a value in scope rather than a property, a key or a declaration of its own. */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

/** Lists the forbidden uses in one source text. */
export function findPurityViolations(file: string, text: string): PurityViolation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: PurityViolation[] = [];
  const report = (node: ts.Node, rule: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.getText(source).slice(0, 80), rule });
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (isForbiddenModule(node.moduleSpecifier.text)) report(node, `runtime module "${node.moduleSpecifier.text}"`);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg === undefined || !ts.isStringLiteral(arg) || isForbiddenModule(arg.text)) report(node, "dynamic import of a runtime module");
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal) && isForbiddenModule(node.argument.literal.text)) {
      report(node, `runtime module type "${node.argument.literal.text}"`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Math" && node.name.text === "random") {
      report(node, "Math.random (inject a Random)");
    } else if (ts.isIdentifier(node) && forbiddenGlobals.has(node.text) && isReference(node) && !isLocallyDeclared(node)) {
      report(node, `runtime global ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// A parameter or variable named like a global (say `crypto: CryptoPort`) is
// the injected port, not the global: accept names declared in the file.
function isLocallyDeclared(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return true;
  for (let scope: ts.Node | undefined = node.parent; scope !== undefined; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === node.text)) return true;
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === node.text)) return true;
      }
    }
  }
  return false;
}

/** Checks every non-test `.ts` file under a directory. */
export function checkDirectory(dir: string): PurityViolation[] {
  const found: PurityViolation[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...checkDirectory(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) found.push(...findPurityViolations(path, readFileSync(path, "utf8")));
  }
  return found;
}
