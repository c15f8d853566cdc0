/*
 * Rules that close the ways around the layer walls of eslint.config.layers.mjs (which merges them
 * into its `layers` plugin; each is proven to fire by test/unit/layer-rules-bypasses.test.ts).
 * The walls judge imports and global names; these stop code from reaching a host without either:
 * an ambient declaration that claims a global exists, code compiled from text at run time, an
 * inline comment that switches the walls off, or a module placed where no wall applies.
 */
import path from "node:path";

const srcDir = path.join(import.meta.dirname, "src");

/** The folders of src/ that the layer rules know: the core, the adapters and the shells. */
export const layerFolders = ["core", "adapters", "taskpane", "cli", "commands"];

/*
 * Node types that `declare` makes ambient. A class field's `declare` (PropertyDefinition) only
 * narrows a field's type and claims nothing global, so it is not among them.
 */
const ambientTypes = new Set([
  "VariableDeclaration",
  "TSDeclareFunction",
  "ClassDeclaration",
  "TSEnumDeclaration",
  "TSModuleDeclaration",
  "TSInterfaceDeclaration",
  "TSTypeAliasDeclaration",
]);

/**
 * The core declares nothing ambient. `declare const Office: …` (or `declare global { … }`,
 * `declare module "exceljs"`, `declare namespace Excel`) tells the compiler a host global exists
 * without importing it, so the host-free wall and no-restricted-globals would no longer see the
 * name as the host's. A module's own values are defined, never declared.
 */
const noAmbientDeclarations = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      ambient:
        "src/core declares nothing ambient (`declare …`): a declared global is a host the core would depend on unseen.",
      namespace:
        "src/core declares no global, module or namespace: they name a host's types or values without importing them.",
      declarationFile:
        "src/core holds no declaration files (.d.ts): everything in one is ambient, a host declared unseen.",
    },
  },
  create(context) {
    // In a declaration file every statement is ambient, with or without the keyword.
    const declarationFile = /\.d\.[cm]?ts$/.test(context.filename);
    return {
      Program(node) {
        if (declarationFile) context.report({ node, messageId: "declarationFile" });
      },
      "*"(node) {
        if (!ambientTypes.has(node.type)) return;
        if (node.type === "TSModuleDeclaration") {
          // `declare global`, `declare module "…"`, and `namespace X {}` with or without `declare`.
          if (node.parent?.type !== "TSModuleDeclaration") {
            context.report({ node, messageId: "namespace" });
          }
          return;
        }
        if (node.declare === true) context.report({ node, messageId: "ambient" });
      },
    };
  },
};

/**
 * The core compiles no code from text: `eval`, `Function(…)`, `new Function(…)` and a function's
 * `.constructor` (which is Function) run text in the global scope, where `return this` hands back
 * the global object and with it every host. ESLint's no-eval and no-new-func see the direct calls
 * only; this sees every value reference to `eval` or `Function` (an alias, a `.call`) and every
 * `.constructor` member.
 */
const noCodeFromText = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      global:
        "src/core compiles no code from text: `{{name}}` runs it in the global scope, which reaches the host.",
      constructor:
        "src/core does not reach a value's `constructor`: a function's constructor is Function, which compiles code from text.",
    },
  },
  create(context) {
    const isConstructor = (node) =>
      node.computed
        ? node.property.type === "Literal" && node.property.value === "constructor"
        : node.property.type === "Identifier" && node.property.name === "constructor";
    return {
      MemberExpression(node) {
        if (isConstructor(node)) context.report({ node: node.property, messageId: "constructor" });
      },
      "Program:exit"(program) {
        // Built-in globals resolve to the global scope's variables; undeclared names stay `through`.
        const scope = context.sourceCode.getScope(program);
        const references = [
          ...scope.through,
          ...["eval", "Function"].flatMap((name) => scope.set.get(name)?.references ?? []),
        ];
        for (const reference of new Set(references)) {
          const { name } = reference.identifier;
          if (!reference.isValueReference || (name !== "eval" && name !== "Function")) continue;
          context.report({ node: reference.identifier, messageId: "global", data: { name } });
        }
      },
    };
  },
};

/*
 * Comments ESLint reads as configuration (https://eslint.org/docs/latest/use/configure/rules):
 * line comments only disable, block comments also set rules, environments and globals.
 */
const lineDirective = /^\s*eslint-disable-(?:next-)?line(?:\s|$)/;
const blockDirective =
  /^\s*(?:eslint(?:-disable(?:-next-line|-line)?|-enable|-env)?|globals?|exported)(?:\s|$)/;

/**
 * The core's lint is not switched off from inside it: no `eslint-disable`, `eslint` rule
 * settings, `global` or `eslint-env` comments. eslint.config.mjs also sets `noInlineConfig` for
 * the core so such a comment has no effect; this rule says why, as an error, where it is written.
 */
const noInlineConfig = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      inline:
        "src/core takes no inline lint configuration: fix what the rule reports, or change the rule in eslint.config.mjs with a reason.",
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const directive = comment.type === "Line" ? lineDirective : blockDirective;
          if (comment.type === "Shebang" || !directive.test(comment.value)) continue;
          context.report({ loc: comment.loc, messageId: "inline" });
        }
      },
    };
  },
};

/**
 * Every module of src/ lives in a layer folder. A file directly in src/, or in a folder the layer
 * rules do not know (src/lib/, src/utils/), is under no wall: it could import the core's inside
 * and a host at once.
 */
const inALayerFolder = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      outside: `A module of src/ belongs in one of the layer folders src/{${layerFolders.join(",")}}, where the layer rules apply; not in {{where}}.`,
    },
  },
  create(context) {
    const rest = path.relative(srcDir, context.filename);
    if (rest.startsWith("..") || path.isAbsolute(rest)) return {};
    const parts = rest.split(path.sep);
    if (parts.length >= 2 && layerFolders.includes(parts[0])) return {};
    const where = parts.length >= 2 ? `src/${parts[0]}/` : "src/ itself";
    return {
      Program() {
        context.report({ loc: { line: 1, column: 0 }, messageId: "outside", data: { where } });
      },
    };
  },
};

export const bypassRules = {
  "no-ambient-declarations": noAmbientDeclarations,
  "no-code-from-text": noCodeFromText,
  "no-inline-config": noInlineConfig,
  "in-a-layer-folder": inALayerFolder,
};
