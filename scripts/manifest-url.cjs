// Points the manifest at where the add-in is hosted: https://localhost:3000/ in development,
// ADDIN_PUBLIC_URL (e.g. https://addins.council.gov.uk/council-sheets/) in a production build.
const DEV_URL = "https://localhost:3000/";

function publicUrl(value) {
  const url = (value || DEV_URL).replace(/\/?$/, "/");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:" || !parsed.host)
    throw new Error(`ADDIN_PUBLIC_URL must be an https address, not "${value}"`);
  return url;
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
  const base = publicUrl(url);
  // AppDomain entries are origins without a trailing slash.
  return xml
    .replaceAll(DEV_URL, xmlEscape(base))
    .replaceAll(DEV_URL.slice(0, -1), xmlEscape(new URL(base).origin));
}

module.exports = { DEV_URL, publicUrl, rewriteManifest };
