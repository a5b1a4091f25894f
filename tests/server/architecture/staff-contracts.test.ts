import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * miniprogram/domain is shipped in the mini-program (subpackages get build copies of it), so
 * it holds only what the mini-program uses: a type or table only the server and the console
 * use is a staff contract and belongs in contracts/, which the mini-program never imports.
 *
 * "Used by the mini-program" is worked out from the sources: everything a mini-program file
 * (outside domain/) imports from domain, every function of domain (shared logic: what it
 * touches is domain), every statement run at load (the service registry), and whatever
 * those declarations mention, transitively. A type or constant outside that set that
 * server/, console/ or contracts/ imports is reported.
 */
const root = path.resolve(__dirname, '../../..');
const miniprogramRoot = path.join(root, 'miniprogram');
const domainRoot = path.join(miniprogramRoot, 'domain');

/** Server-only on purpose, each for its reason. */
const ALLOWED: Record<string, string> = {
  'miniprogram/domain/held-passport.ts#heldPassportMessages':
    'the 证件到期提醒 texts the server sends the citizen: citizen-facing words stay with the domain they belong to',
  'miniprogram/domain/services/payment-api-types.ts#PAYMENT_STATE_LABELS':
    'labels the server writes into the citizen’s PaymentView: citizen-facing words beside the states they name',
  'miniprogram/domain/services/payment-api-types.ts#REFUND_STATUS_LABELS':
    'labels the server writes into the citizen’s RefundView: citizen-facing words beside the statuses they name',
  'miniprogram/domain/services/order-state-machine.ts#QUEUE_STATUSES':
    'the state machine’s own table (which statuses wait for staff), beside the transitions that define them',
  'miniprogram/domain/services/passport.ts#passportService':
    'a service definition (简体) the server reads by name; the mini-program reaches the same definition through the registry',
  'miniprogram/domain/services/pension.ts#pensionService':
    'a service definition (简体) the server reads by name; the mini-program reaches the same definition through the registry',
  // Citizen-facing 简体 sentences and labels the server writes into its answers. The info and
  // appointment subpackages read their own catalogues since this session's translation, so
  // only the server imports these now; they belong in the server's localized catalogues, not
  // in a staff contract — to move there with the next change to those catalogues.
  'miniprogram/domain/appointments.ts#appointmentMessages': 'the server’s appointment sentences (see above)',
  'miniprogram/domain/appointments.ts#APPOINTMENT_CAPACITY_MAX': 'a bound appointmentMessages words (see above)',
  'miniprogram/domain/appointments.ts#APPOINTMENT_CUTOFF_HOURS_MAX': 'a bound appointmentMessages words (see above)',
  'miniprogram/domain/appointments.ts#MAIL_REASON_MAX': 'a bound appointmentMessages words (see above)',
  'miniprogram/domain/alert-levels.ts#alertLevelLabels': 'the 简体 level names the server writes into alerts (see above)',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'miniprogram_npm' || entry.name === 'dist') return [];
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function parse(file: string): ts.SourceFile {
  let text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.vue')) {
    text = (text.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []).map((block) => block.replace(/<\/?script[^>]*>/g, '')).join('\n');
  }
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** A relative import's file; a subpackage's build copy of domain code (packages/x/domain/…) counts as the domain file. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const file = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? `${base}.ts`;
  const copy = path.relative(miniprogramRoot, file).match(/^packages\/[^/]+\/domain\/(.*)$/);
  return copy ? path.join(domainRoot, copy[1]!) : file;
}

interface Imported {
  file: string;
  names: string[];
}

function importsOf(source: ts.SourceFile): Imported[] {
  const found: Imported[] = [];
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const file = resolveImport(source.fileName, statement.moduleSpecifier.text);
    if (!file) continue;
    const names: string[] = [];
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
    if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
      for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
    } else if (bindings || ts.isExportDeclaration(statement)) {
      names.push('*');
    }
    found.push({ file, names });
  }
  return found;
}

const keyOf = (file: string, name: string) => `${path.relative(root, file)}#${name}`;

interface Declaration {
  file: string;
  name: string;
  node: ts.Node;
  exported: boolean;
  kind: 'type' | 'data' | 'function';
}

/** Every top-level declaration of the domain, and for each file which local name is which imported declaration. */
function readDomain() {
  const declarations = new Map<string, Declaration>();
  const localNames = new Map<string, Map<string, string>>();
  const loadStatements: Array<{ file: string; node: ts.Node }> = [];
  for (const file of sourceFiles(domainRoot)) {
    const source = parse(file);
    const locals = new Map<string, string>();
    localNames.set(file, locals);
    const declare = (name: string, node: ts.Node, exported: boolean, kind: Declaration['kind']) =>
      declarations.set(keyOf(file, name), { file, name, node, exported, kind });
    for (const statement of source.statements) {
      const exported = !!(ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = resolveImport(file, statement.moduleSpecifier.text);
        const bindings = statement.importClause?.namedBindings;
        if (target && bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) locals.set(element.name.text, keyOf(target, (element.propertyName ?? element.name).text));
        }
      } else if (ts.isExportDeclaration(statement)) {
        continue; // re-exports: the declaration itself is what counts
      } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        declare(statement.name.text, statement, exported, 'type');
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        declare(statement.name.text, statement, exported, 'function');
      } else if (ts.isEnumDeclaration(statement)) {
        declare(statement.name.text, statement, exported, 'data');
      } else if (ts.isVariableStatement(statement)) {
        for (const variable of statement.declarationList.declarations) {
          if (!ts.isIdentifier(variable.name)) continue;
          const init = variable.initializer;
          const isFunction = !!init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
          declare(variable.name.text, variable, exported, isFunction ? 'function' : 'data');
        }
      } else {
        loadStatements.push({ file, node: statement });
      }
    }
  }
  return { declarations, localNames, loadStatements };
}

/** Declarations a node mentions: the file's own, and those it imported from other domain files. */
function mentions(node: ts.Node, file: string, domain: ReturnType<typeof readDomain>): string[] {
  const found = new Set<string>();
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child)) {
      const own = keyOf(file, child.text);
      if (domain.declarations.has(own)) found.add(own);
      const imported = domain.localNames.get(file)!.get(child.text);
      if (imported) found.add(imported);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return [...found];
}

const isDomainFile = (file: string) => file.startsWith(domainRoot + path.sep);
const isSubpackageDomain = (file: string) => /^packages\/[^/]+\/domain\//.test(path.relative(miniprogramRoot, file));

test('miniprogram/domain exports no type or table that only the server and the console use', () => {
  const domain = readDomain();
  const used = new Set<string>();
  const pending: string[] = [];
  const use = (key: string) => {
    if (used.has(key)) return;
    used.add(key);
    pending.push(key);
  };
  for (const file of sourceFiles(miniprogramRoot)) {
    if (isDomainFile(file) || isSubpackageDomain(file)) continue;
    for (const imported of importsOf(parse(file))) {
      if (!isDomainFile(imported.file)) continue;
      for (const name of imported.names) {
        if (name !== '*') use(keyOf(imported.file, name));
        else for (const d of domain.declarations.values()) if (d.file === imported.file && d.exported) use(keyOf(d.file, d.name));
      }
    }
  }
  for (const d of domain.declarations.values()) if (d.kind === 'function') use(keyOf(d.file, d.name));
  for (const statement of domain.loadStatements) mentions(statement.node, statement.file, domain).forEach(use);
  while (pending.length > 0) {
    const d = domain.declarations.get(pending.pop()!);
    if (d) mentions(d.node, d.file, domain).forEach(use);
  }

  const staffOnly = new Set<string>();
  for (const dir of ['server', 'console/src', 'contracts']) {
    for (const file of sourceFiles(path.join(root, dir))) {
      for (const imported of importsOf(parse(file))) {
        if (!isDomainFile(imported.file)) continue;
        for (const name of imported.names) {
          const key = keyOf(imported.file, name);
          const d = domain.declarations.get(key);
          if (d && d.kind !== 'function' && !used.has(key) && !(key in ALLOWED)) staffOnly.add(`${key} (imported by ${path.relative(root, file)})`);
        }
      }
    }
  }
  expect([...staffOnly].sort()).toEqual([]);
});

test('every allowed exception still exists', () => {
  const domain = readDomain();
  for (const key of Object.keys(ALLOWED)) expect(domain.declarations.has(key) ? key : `${key} (gone: drop it from ALLOWED)`).toBe(key);
});

test('the mini-program imports nothing from contracts/', () => {
  const contractsRoot = path.join(root, 'contracts');
  const offending: string[] = [];
  for (const file of sourceFiles(miniprogramRoot)) {
    for (const imported of importsOf(parse(file))) {
      if (imported.file.startsWith(contractsRoot + path.sep)) offending.push(`${path.relative(root, file)} → ${path.relative(root, imported.file)}`);
    }
  }
  expect(offending).toEqual([]);
});
