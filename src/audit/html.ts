/** HTML text helpers for the audit site's pages (all text from reports is escaped). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** A data file the pages load with a plain <script> (file:// forbids fetching JSON): `window.NAME = …`. */
export function dataScript(name: string, value: unknown): string {
  // </script> and U+2028/2029 inside strings would end or break the script.
  // One pass over the JSON (a report page's data is tens of kilobytes).
  const json = JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => ESCAPES[c]!);
  return `window.${name} = ${json};\n`;
}

export function page(opts: { title: string; root: string; body: string; scripts: string[]; bodyClass?: string; inline?: string }): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="stylesheet" href="${opts.root}assets/site.css">
</head>
<body class="${opts.bodyClass ?? ''}">
${opts.body}
${opts.inline ? `<script>${opts.inline}</script>\n` : ''}${opts.scripts.map((s) => `<script src="${s}"></script>`).join('\n')}
</body>
</html>
`;
}
