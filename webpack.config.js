/* Builds the task pane (and the ribbon command file) for Excel and for the standalone page. */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where the built add-in is hosted in production, e.g. https://addins.example.gov.uk/council-sheets/ */
const PUBLIC_URL = (process.env.ADDIN_PUBLIC_URL || DEV_URL).replace(/\/?$/, "/");

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

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/*.xlsx", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production ? content.toString().replaceAll(DEV_URL, PUBLIC_URL) : content,
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "assets"), publicPath: "/assets" },
      server: certificates ? { type: "https", options: certificates } : "https",
      client: { overlay: { warnings: false } },
    },
  };
};
