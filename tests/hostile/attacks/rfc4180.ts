/** A strict RFC 4180 reader for the tests: quoted fields may hold commas, quotes, CR and LF; rows end in CRLF. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= body.length) throw new Error('unterminated quoted field');
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += body[i++];
      }
      if (i < body.length && body[i] !== ',' && !body.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (body[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (body.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (body[i] === '\r' || body[i] === '\n') {
      throw new Error(`bare ${body[i] === '\r' ? 'CR' : 'LF'} outside quotes at ${i}: a broken row`);
    } else field += body[i++];
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Physical lines, as a line-based tool (wc -l, a naive importer) counts them. */
export function physicalLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(text) ? 1 : 0);
}
