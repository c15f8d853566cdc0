// Makes sure the development certificate exists before `npm start`. Office loads add-ins only over
// https. `office-addin-dev-certs install` writes the files and then tries to trust the CA through
// sudo, which on Linux (or without sudo) prints "sudo: not found" noise although the files are
// fine; so its output is kept back and we say plainly what to do instead.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const dir = path.join(os.homedir(), ".office-addin-dev-certs");
const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
const present = () => files.every((f) => fs.existsSync(f));

if (!present()) {
  const bin = path.join(__dirname, "..", "node_modules", ".bin", "office-addin-dev-certs");
  const result = spawnSync(bin, ["install", "--days", "365"], { encoding: "utf8" });
  if (!present()) {
    console.error(
      `Could not create the development certificate in ${dir}:\n${result.stdout}${result.stderr}`,
    );
    process.exit(1);
  }
  const trust =
    process.platform === "linux"
      ? `sudo cp ${files[0]} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`
      : "office-addin-dev-certs install (run once as an administrator)";
  console.log(
    `Created the development certificate in ${dir}.\n` +
      `If Office or your browser refuses https://localhost:3000, trust its CA (${files[0]}): ${trust}`,
  );
}
