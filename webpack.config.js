/* Builds the task pane (and the ribbon command file) for Excel and for the standalone page. */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const zlib = require("node:zlib");
const { publicUrl, rewriteManifest } = require("./scripts/manifest-url.cjs");

/** Prints what the task pane costs to load, ExcelJS (standalone only) apart. */
class BundleSizeReport {
  apply(compiler) {
    compiler.hooks.done.tap("BundleSizeReport", (stats) => {
      const { chunks, outputPath } = stats.toJson({ all: false, chunks: true, outputPath: true });
      const sizeOf = (files) =>
        files.reduce(
          (sum, file) => {
            const buffer = fs.readFileSync(path.join(outputPath, file));
            return { raw: sum.raw + buffer.length, gzip: sum.gzip + zlib.gzipSync(buffer).length };
          },
          { raw: 0, gzip: 0 },
        );
      const js = (list) => [
        ...new Set(list.flatMap((c) => c.files.filter((f) => f.endsWith(".js")))),
      ];
      const initial = sizeOf(js(chunks.filter((c) => c.initial && c.names.includes("taskpane"))));
      const lazy = sizeOf(js(chunks.filter((c) => !c.initial)));
      const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
      console.log(
        `Task pane bundle: ${kb(initial.raw)} (${kb(initial.gzip)} gzipped). Loaded only in standalone mode (ExcelJS): ${kb(lazy.raw)} (${kb(lazy.gzip)} gzipped).`,
      );
    });
  }
}

/** The certificates `office-addin-dev-certs install` writes; Office only loads add-ins over https. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const options = {};
  for (const [key, name] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return undefined;
    options[key] = fs.readFileSync(file);
  }
  return options;
}

/**
 * A production build whose manifest points at localhost (ADDIN_PUBLIC_URL unset, or set to a local
 * address) would send every council user's Excel to their own machine: said loudly.
 */
function warnIfManifestPointsAtLocalhost() {
  const url = publicUrl(process.env.ADDIN_PUBLIC_URL);
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]"].includes(host)) return;
  const line = "=".repeat(78);
  const why = process.env.ADDIN_PUBLIC_URL
    ? `ADDIN_PUBLIC_URL is ${url}`
    : "ADDIN_PUBLIC_URL is not set";
  console.warn(
    `${line}\nWARNING: ${why}, so dist/web/manifest.xml points at\n` +
      `${url}. Set it to where the add-in is hosted, for example\n` +
      `  ADDIN_PUBLIC_URL=https://addins.council.gov.uk/council-sheets/ npm run build\n${line}`,
  );
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  if (production) warnIfManifestPointsAtLocalhost();
  const certificates = production ? undefined : devCertificates();
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS asks for Node built-ins it does not need in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    plugins: [
      // Said again once webpack has printed its output, which scrolls the first warning away.
      {
        apply(compiler) {
          // webpack-cli prints its stats after the done hooks, so the warning waits for exit.
          if (production)
            compiler.hooks.done.tap("ManifestUrlWarning", () =>
              process.once("exit", warnIfManifestPointsAtLocalhost),
            );
        },
      },
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      ...(production ? [new BundleSizeReport()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/*.xlsx", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production
                ? rewriteManifest(content.toString(), process.env.ADDIN_PUBLIC_URL)
                : content,
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      // Only this machine: the add-in's development server is not for the network.
      host: "localhost",
      port: 3000,
      headers: {
        "Access-Control-Allow-Origin": "*",
        // A marker chosen by whoever started this server (the dev-server test does), so an answer
        // can be told apart from one given by another server left running on the same port.
        ...(process.env.DEV_SERVER_MARKER
          ? { "X-Dev-Server-Marker": process.env.DEV_SERVER_MARKER }
          : {}),
      },
      static: { directory: path.resolve(__dirname, "assets"), publicPath: "/assets" },
      server: certificates ? { type: "https", options: certificates } : "https",
      client: { overlay: { warnings: false } },
    },
  };
};
