// Points the manifest at where the add-in is hosted: https://localhost:3000/ in development,
// ADDIN_PUBLIC_URL (e.g. https://addins.council.gov.uk/council-sheets/) in a production build.
const DEV_URL = "https://localhost:3000/";

function publicUrl(value) {
  let parsed;
  try {
    parsed = new URL(value || DEV_URL);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:" || !parsed.host)
    throw new Error(`ADDIN_PUBLIC_URL must be an https address, not "${value}"`);
  // The folder ends in "/" (the manifest appends page names); a query string stays after it.
  parsed.pathname = parsed.pathname.replace(/\/?$/, "/");
  return parsed.href;
}

/** The manifest is XML: an "&" in a query string must be written "&amp;". */
function xmlEscape(text) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function rewriteManifest(xml, url) {
  const base = new URL(publicUrl(url));
  // A query string belongs after each page's name ("…/cs/taskpane.html?tenant=a"), not before it.
  const query = base.search;
  base.search = "";
  const pages = new RegExp(`${DEV_URL.replaceAll(".", "\\.")}([^"<\\s]*)`, "g");
  // AppDomain entries are origins without a trailing slash.
  return xml
    .replace(pages, (_, page) => xmlEscape(`${base.href}${page}${query}`))
    .replaceAll(DEV_URL.slice(0, -1), xmlEscape(base.origin));
}

module.exports = { DEV_URL, publicUrl, rewriteManifest };
