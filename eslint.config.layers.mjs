/*
 * The architecture's walls, as lint rules (wired in eslint.config.mjs, each proven to fire by
 * test/unit/layer-rules*.test.ts). One list of places where code names a module feeds every rule,
 * so a wall holds however the module is named: `import`, `export … from`, `import("…")`, a type
 * `import("…").T`, `import x = require("…")`, `require("…")` and a worker's `new URL("…",
 * import.meta.url)`. ESLint's no-restricted-imports
 * sees only the first two. Relative imports are resolved against the folder tree, so no spelling
 * of a path (`../../core/./risk`, `../adapters/../core/pid/build`) slips past a glob.
 */
import { readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import tseslint from "typescript-eslint";

import { bypassRules } from "./eslint.config.layers-bypasses.mjs";

const srcDir = path.join(import.meta.dirname, "src");
const coreDir = path.join(srcDir, "core");
const adaptersDir = path.join(srcDir, "adapters");
/** The shells: task pane, CLI, and the ribbon's Office commands. Adapters serve them. */
const shellDirs = ["taskpane", "cli", "commands"].map((name) => path.join(srcDir, name));

/** Packages the core may use: pure computation, no host. A new one is a design decision. */
export const pureCorePackages = ["zod", "@borgar/fx"];

/** Node's built-ins, bare and `node:` (Node lists some only with the prefix). */
const nodeBuiltins = new Set(builtinModules.map((name) => name.replace(/^node:/, "")));

/*
 * Host namespaces that @types packages declare globally, so the core could name their types
 * without an import (`type R = Excel.Range`). no-restricted-globals sees only values.
 */
const hostTypeNamespaces = new Set([
  ...["Excel", "Office", "OfficeExtension", "OfficeRuntime", "CustomFunctions"],
  ...["Word", "PowerPoint", "OneNote", "Visio", "React", "JSX", "NodeJS", "Buffer"],
]);

const sourceExtension = /\.[cm]?[jt]sx?$/;

function isDirectory(file) {
  try {
    return statSync(file).isDirectory();
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return false;
    throw error;
  }
}

/** Whether `file` is `dir` or inside it. */
function isWithin(file, dir) {
  const rest = path.relative(dir, file);
  return rest === "" || (!rest.startsWith("..") && !path.isAbsolute(rest));
}

/**
 * The folder directly under `dir` that `file` is in (or is, for a folder's index written as the
 * folder), or null for a module directly in `dir` or outside it.
 */
function folderUnder(dir, file) {
  if (!isWithin(file, dir)) return null;
  const parts = path.relative(dir, file).split(path.sep);
  if (parts.length >= 2) return parts[0];
  const only = parts[0]?.replace(sourceExtension, "");
  return only && isDirectory(path.join(dir, only)) ? only : null;
}

/** Whether `target` (an import resolved to a path) is the core's face, src/core/index.ts. */
function isCoreFace(target) {
  const rest = path.relative(coreDir, target).replace(sourceExtension, "");
  return rest === "" || rest === "index";
}

/** A module name in the source: a string literal, or a template literal with no `${}`. */
function staticName(node) {
  if (node?.type === "Literal" && typeof node.value === "string") return node.value;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/**
 * What an import names, for a rule to judge: a path (relative imports, resolved), a package
 * (`name` without subpath, `node:` dropped for built-ins), or nothing checkable (a name computed
 * at run time).
 */
function classify(file, specifier) {
  if (specifier === null) return { kind: "computed" };
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
    return { kind: "path", target: path.resolve(path.dirname(file), specifier) };
  }
  const bare = specifier.replace(/^node:/, "");
  const parts = bare.split("/");
  const name = bare.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const builtin = specifier.startsWith("node:") || nodeBuiltins.has(parts[0]);
  return { kind: builtin ? "builtin" : "package", name, specifier };
}

/**
 * Every place a module is named, by the node type that names it: the node holding the name, or
 * undefined where a node of that type names none (an export without `from`, a call of another
 * function). A `require()` without arguments names its call, which is then not checkable.
 */
const moduleNameIn = {
  ImportDeclaration: (node) => node.source,
  ExportNamedDeclaration: (node) => node.source,
  ExportAllDeclaration: (node) => node.source,
  ImportExpression: (node) => node.source,
  TSImportType: (node) => node.source ?? node.argument?.literal,
  TSExternalModuleReference: (node) => node.expression,
  // webpack 5 bundles `new Worker(new URL("./x.ts", import.meta.url))` as a module of its own:
  // the URL names a module as surely as an import does.
  NewExpression: (node) =>
    node.callee.type === "Identifier" &&
    node.callee.name === "URL" &&
    node.arguments[1]?.type === "MemberExpression" &&
    node.arguments[1].object.type === "MetaProperty" &&
    node.arguments[1].property.name === "url"
      ? node.arguments[0]
      : undefined,
  CallExpression: (node) =>
    node.callee.type === "Identifier" && node.callee.name === "require"
      ? (node.arguments[0] ?? node)
      : undefined,
};

/**
 * The visitors for every place a module is named; `check(node, module)` gets the name's node
 * and what classify made of it.
 */
function onEveryImport(context, check) {
  return Object.fromEntries(
    Object.entries(moduleNameIn).map(([type, nameOf]) => [
      type,
      (node) => {
        const name = nameOf(node);
        if (name) check(name, classify(context.filename, staticName(name)));
      },
    ]),
  );
}

const computed =
  "A module named at run time cannot be checked against the layers; name it with a string.";

/**
 * The core is pure: snapshot in, plain data out. It names only its own modules and the pure
 * packages; no Node built-in, no host (office-js, React, Fluent UI, ExcelJS …) under any subpath.
 * It holds no components, so no .tsx/.jsx file.
 */
const hostFreeCore = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      builtin:
        "src/core must not import the Node built-in {{specifier}}: the core runs in the task pane too.",
      package: `src/core must stay host-free: it imports only its own modules and ${pureCorePackages.join(", ")}, not {{name}}.`,
      outside: "src/core depends on nothing outside src/core.",
      hostType: "src/core must stay host-free: no type from the host namespace {{name}}.",
      component: "src/core holds no components (.tsx/.jsx): they belong in src/taskpane.",
      computed,
    },
  },
  create(context) {
    if (/\.[jt]sx$/.test(context.filename)) {
      context.report({ loc: { line: 1, column: 0 }, messageId: "component" });
    }
    const hostTypes = (program) => {
      for (const reference of context.sourceCode.getScope(program).through) {
        const { name } = reference.identifier;
        if (reference.isValueReference || !hostTypeNamespaces.has(name)) continue;
        context.report({ node: reference.identifier, messageId: "hostType", data: { name } });
      }
    };
    const imports = onEveryImport(context, (node, module) => {
      if (module.kind === "computed") context.report({ node, messageId: "computed" });
      if (module.kind === "builtin") context.report({ node, messageId: "builtin", data: module });
      if (module.kind === "package" && !pureCorePackages.includes(module.name)) {
        context.report({ node, messageId: "package", data: module });
      }
      if (module.kind === "path" && !isWithin(module.target, coreDir)) {
        context.report({ node, messageId: "outside" });
      }
    });
    return { ...imports, "Program:exit": hostTypes };
  },
};

/**
 * Every folder of src/core except tables/ is a kind (risk, budget, funding, decisions, monthly,
 * capital, pid, reconcile, and any added later). A kind never imports another kind: what two
 * kinds share belongs in src/core/tables/ or a module directly in src/core. The shared table
 * layer never imports a kind (it is beneath them all), and nothing inside the core imports the
 * core's face (src/core/index.ts is for shells and adapters; inside, it would make every module
 * depend on every other, in a cycle). A glob of folder names would need editing for each new
 * kind; resolving the import against the folder tree does not.
 *
 * No kind imports another, with no exceptions. The two operations that read other kinds' models
 * by design get them as plain typed models that a core-level module hands over:
 * - a PID shows a project's risks, budget lines and decision: pid/sources.ts declares what it
 *   reads, src/core/pid-sources-from-kinds.ts fills it from the risk, budget and decisions kinds;
 * - reconciliation sets funding sources against allocations: tables/source-money.ts declares
 *   the model, the funding kind fills it, src/core/analyse.ts hands it over.
 * Modules directly in src/core (analyse, registry, pid-sources-from-kinds…) may import any kind:
 * they compose them. So no kind, nor the table layer, imports a module directly in src/core that
 * reaches another kind, itself or through such modules: that would be an edge between kinds.
 */
const sharedCoreFolders = new Set(["tables"]);

const isFile = (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/** The file a resolved import names (written with its extension or without), or null. */
function sourceFileOf(target) {
  const extensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"];
  return [target, ...extensions.map((extension) => target + extension)].find(isFile) ?? null;
}

/** Every module name written as a string in a parsed file (where onEveryImport looks). */
function namesIn(node, out = []) {
  const name = staticName(moduleNameIn[node.type]?.(node));
  if (name !== null) out.push(name);
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent" || key === "tokens" || key === "comments") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child?.type === "string") namesIn(child, out);
    }
  }
  return out;
}

const kindsReachedCache = new Map();

/**
 * The kinds a module directly in src/core imports, itself or through other modules directly in
 * src/core: a kind that imported such a composer would reach those kinds behind the rule's back.
 */
function kindsReachedBy(file, visiting = new Set()) {
  const key = `${file}@${statSync(file).mtimeMs}`;
  const cached = kindsReachedCache.get(key);
  if (cached) return cached;
  if (visiting.has(file)) return new Set();
  visiting.add(file);
  const reached = new Set();
  const text = readFileSync(file, "utf8");
  const program = tseslint.parser.parseForESLint(text, { jsx: /x$/.test(file) }).ast;
  for (const name of namesIn(program)) {
    if (!name.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), name);
    if (!isWithin(target, coreDir) || isCoreFace(target)) continue;
    const kind = folderUnder(coreDir, target);
    if (kind !== null) {
      if (!sharedCoreFolders.has(kind)) reached.add(kind);
      continue;
    }
    const next = sourceFileOf(target);
    if (next) for (const other of kindsReachedBy(next, visiting)) reached.add(other);
  }
  kindsReachedCache.set(key, reached);
  return reached;
}

const kindFolders = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      crossKind:
        "src/core/{{from}} must not import src/core/{{to}}: kinds are independent; move what they share to src/core/tables/ or a typed model in src/core.",
      sharedImportsKind:
        "src/core/{{from}} is the shared layer beneath the kinds and must not import the kind src/core/{{to}}.",
      throughComposer:
        "src/core/{{from}} must not import {{module}}: it reaches the kinds {{kinds}}, so the import is an edge between kinds; move what is shared to src/core/tables/.",
      face: "Inside src/core, import the module itself, not the core's face (src/core/index.ts): the face is for shells and adapters.",
    },
  },
  create(context) {
    if (isCoreFace(context.filename) || !isWithin(context.filename, coreDir)) return {};
    const from = folderUnder(coreDir, context.filename);
    return onEveryImport(context, (node, module) => {
      if (module.kind !== "path" || !isWithin(module.target, coreDir)) return;
      if (isCoreFace(module.target)) {
        context.report({ node, messageId: "face" });
        return;
      }
      const to = folderUnder(coreDir, module.target);
      if (from !== null && to === null) {
        const composer = sourceFileOf(module.target);
        const kinds = composer ? [...kindsReachedBy(composer)].filter((k) => k !== from) : [];
        if (kinds.length === 0) return;
        const data = { from, module: path.relative(srcDir, composer), kinds: kinds.join(", ") };
        context.report({ node, messageId: "throughComposer", data });
        return;
      }
      if (from === null || to === null || to === from || sharedCoreFolders.has(to)) return;
      const messageId = sharedCoreFolders.has(from) ? "sharedImportsKind" : "crossKind";
      context.report({ node, messageId, data: { from, to } });
    });
  },
};

/** Shells and adapters reach the core through its face, src/core/index.ts, only. */
const throughTheCoreFace = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      deep: "Import the core through its face, src/core (index.ts), not a module inside it.",
      computed,
    },
  },
  create(context) {
    return onEveryImport(context, (node, module) => {
      if (module.kind === "computed") context.report({ node, messageId: "computed" });
      if (module.kind !== "path" || !isWithin(module.target, coreDir)) return;
      if (!isCoreFace(module.target)) context.report({ node, messageId: "deep" });
    });
  },
};

/**
 * Adapters serve the shells and never import one. Each folder of src/adapters is one host
 * (excel: Office.js, xlsx: the file) and never imports another; a module directly in
 * src/adapters is shared by the hosts, so it imports none of them.
 */
const adapterBoundaries = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      shell:
        "Adapters never import a shell (task pane, CLI or Office commands); shells import adapters.",
      otherHost:
        "adapters/{{from}} must not import adapters/{{to}}: each host is independent; share through src/core or a module directly in src/adapters.",
      sharedImportsHost:
        "A module directly in src/adapters is shared by the hosts and must not import adapters/{{to}}.",
    },
  },
  create(context) {
    const from = folderUnder(adaptersDir, context.filename);
    return onEveryImport(context, (node, module) => {
      if (module.kind !== "path") return;
      if (shellDirs.some((dir) => isWithin(module.target, dir))) {
        context.report({ node, messageId: "shell" });
        return;
      }
      const to = folderUnder(adaptersDir, module.target);
      if (to === null || to === from) return;
      const messageId = from === null ? "sharedImportsHost" : "otherHost";
      context.report({ node, messageId, data: { from, to } });
    });
  },
};

export const layersPlugin = {
  rules: {
    "host-free-core": hostFreeCore,
    "kind-folders": kindFolders,
    "through-the-core-face": throughTheCoreFace,
    "adapter-boundaries": adapterBoundaries,
    ...bypassRules,
  },
};
