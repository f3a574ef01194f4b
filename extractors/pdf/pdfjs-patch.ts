/**
 * pdf.js (pdfjs-dist 5.4.296) patched for reading text in-process, as its two halves are loaded
 * (extractors/pdf/pdfjs.ts): exact string replacements on the installed source, each explained where
 * it is defined below. Together they took a real report's read from ~97 to ~35 ms of CPU
 * (README, "Speed per document"); every text item and every record stays the same.
 *
 * 1. Text-only fonts (the largest part, about a third of the CPU). pdf.js builds every embedded font
 *    into an OpenType file for the browser to paint (TrueType: `checkAndRepair`; Type1: decrypting
 *    and converting every charstring), even for getTextContent, which needs no glyph outline: only
 *    the ToUnicode map, the widths and the font matrix. The patch returns from the `Font` constructor
 *    before the conversion when the font program cannot change any of those three, and does the few
 *    steps after the conversion that touch them (`adjustWidths`, `adjustType1ToUnicode`,
 *    `amendFallbackToUnicode`):
 *    - TrueType and OpenType (`CIDFontType2` included): the program can change text only through
 *      `adjustTrueTypeToUnicode` (a simple symbolic font with no encoding and no ToUnicode map,
 *      whose name table is all Windows records). Such fonts are still converted; no other is.
 *    - Type1 (not CFF): the clear-text header is read (font matrix, built-in encoding; cheap); the
 *      encrypted program gives only widths missing from /Widths, so it is skipped when /Widths gives
 *      one for every code the built-in encoding maps between FirstChar and LastChar.
 *    - Anything else (CFF, Type3, composite Type1) is converted as before.
 *    What differs: a text-only font carries no glyph data (nothing here paints a page); the styles'
 *    ascent and descent come from the PDF's font descriptor, not the program's metric tables (the
 *    reader does not use them); and a corrupt embedded program no longer sends the font down
 *    pdf.js's "missing file" path (a system-font substitute whose ToUnicode map pdf.js may rebuild):
 *    the PDF's own ToUnicode map and widths are kept.
 * 2. Deflate by native zlib: a font file's first bytes, a Type1 header and whole streams (content,
 *    CMaps) that zlib decodes to their end; anything zlib refuses is left to pdf.js's decoder.
 * 3. Less work per operator and per chunk: ToUnicode CMaps walked by the codes they hold, text state
 *    saved by a flat copy, fonts already loaded set without a promise hop, text handed to the main
 *    half in chunks of up to 1,000 items by reference instead of 10 by structured clone (the operator
 *    loop stopping only when such a chunk is due), text positions multiplied by a copy of
 *    Util.transform of their own.
 *
 * 4. Fonts whose text is pdf.js's guess (not a speed patch: what the reader needs to know). pdf.js
 *    gives every code some Unicode: from the ToUnicode map, from glyph names (the PDF's encoding or
 *    the font program's own), or, failing those, a guess (a symbolic font read as MacRoman, the code
 *    itself, a CID taken for a code point). A guessed mapping reads as symbol soup, or as digits that
 *    are other digits. Each font built from a font dictionary is judged once (UNICODE_JUDGED), and a
 *    text style of such a font carries why (`nianbaoUnicodeGuess`, STYLE_GUESS); the reader then takes
 *    the page from OCR (extractors/pdf/unicode-guess.ts). This part is on whether or not
 *    `nianbaoSetPatched` is.
 *
 * 5. A page-tree fetch nobody waits for (not a speed patch: a hostile-file fix). Looking a page up,
 *    pdf.js starts fetching every kid of the top /Pages node ahead and keeps the promises in a cache;
 *    when an earlier kid fails (a broken cross-reference entry, a wrong generation number), the
 *    look-up throws before any later kid's promise is awaited, and a later kid's failure is then an
 *    unhandled rejection — which ends a Node process (a pool worker: the document "crashed"; a run
 *    parsing in-process: the whole run). The prefetched promise gets a no-op handler; whoever awaits it
 *    from the cache still sees its failure. This part too is on whether or not `nianbaoSetPatched` is.
 *
 * 6. A composite font's widths over a range as wide as its numbers say (a hostile-file fix). /W and /W2
 *    give a width to every CID of `first last width`; pdf.js filled an array up to `last` whatever it
 *    was: `[1 99999999999 500]` (a damaged or hostile font dictionary) grew an array past V8's limit
 *    (a fatal error that no try/catch sees, after gigabytes). CIDs end at 65,535 (PDF 32000-1 §9.7.4.1,
 *    Adobe's CID limits): the ranges stop there. On whether or not `nianbaoSetPatched` is.
 *
 * `nianbaoSetPatched(false)` makes the patched worker behave as the unpatched one (the tests compare
 * both ways). When a replacement does not match (another pdf.js version), `patchWorkerSource` or
 * `patchMainSource` returns undefined and that half is loaded unpatched: slower, the same text.
 * tests/extractors/pdf/pdfjs-patch.test.ts fails then, so an upgrade cannot lose the patch unnoticed.
 */

/** The Font constructor's empty-file check, where the text-only return goes in front. */
const FILE_CHECK = `    if (!file || file.isEmpty) {
      if (file) {
        warn('Font file is empty in "'`;

/** translateFont's empty-file check, which decodes as much as the Font constructor's. */
const TRANSLATE_CHECK = '} else if (fontFile.isEmpty) {';

/**
 * CMap.forEach walks every code below the map's length. A subset font's ToUnicode map holds a few
 * hundred codes spread up to ~30,000 (its glyph ids), so that walk visited some 150,000 holes per
 * document (about a tenth of the CPU). The patched walk visits only the codes present, in the same
 * ascending order, with the same number arguments.
 */
const CMAP_WALK = `      for (let i = 0; i < length; i++) {
        if (map[i] !== undefined) {
          callback(i, map[i]);
        }
      }
    } else {`;
const CMAP_WALK_PRESENT = `      if (!nianbaoPatched) {
${CMAP_WALK.replace(/\n    \} else \{$/, '').replace(/^/gm, '  ')}
        return;
      }
      for (const key in map) {
        const i = +key;
        if (i >= 0 && i < length && Number.isInteger(i) && map[i] !== undefined) {
          callback(i, map[i]);
        }
      }
    } else {`;

/**
 * TextState.clone (every q operator) made the saved state the prototype of the new one; V8 turns an
 * object used as a prototype into a slow "prototype map" and every property read on the chain pays.
 * Every state is made by the constructor or by this clone, so all its properties are its own and a
 * flat copy reads the same; the saved state is not written while its copy is current.
 */
const TEXT_STATE_CLONE = `  clone() {
    const clone = Object.create(this);
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.fontMatrix = this.fontMatrix.slice();`;
const TEXT_STATE_FLAT_CLONE = TEXT_STATE_CLONE.replace(
  'Object.create(this);',
  'nianbaoPatched ? Object.assign(Object.create(TextState.prototype), this) : Object.create(this);',
);

/**
 * getTextContent sends its items to the main half every 10 (TEXT_CHUNK_BATCH_SIZE), each chunk a
 * structured clone, a message and a stream read; the items and their order do not depend on it.
 * Chunks of up to 1,000 (well below what the main half's push(...items) can spread).
 */
const TEXT_CHUNK = '      if (batch && length < TEXT_CHUNK_BATCH_SIZE) {';
const TEXT_CHUNK_LARGER = '      if (batch && length < (nianbaoPatched ? NIANBAO_CHUNK_ITEMS : TEXT_CHUNK_BATCH_SIZE)) {';

/**
 * FlateStream decodes deflate in JavaScript, block by block, as the content-stream lexer asks for
 * bytes. The patched one first hands the whole stream to native zlib (raw deflate, so no Adler-32
 * check pdf.js would not make either, and Z_FINISH, so a cut or corrupt stream throws): deflate
 * data that zlib decodes to the end has one decoding, the same bytes pdf.js makes. On any error
 * nothing has been consumed and pdf.js decodes as before (its lenient partial output included).
 */
const FLATE_READ_BLOCK = `  readBlock() {
    let buffer, hdr, len;
    const str = this.str;`;
const FLATE_READ_BLOCK_NATIVE = `  readBlock() {
    if (nianbaoPatched && nianbaoInflateWhole(this)) {
      return;
    }
    let buffer, hdr, len;
    const str = this.str;`;

/**
 * Every Tf naming a font other than the current one waits for loadFont's promise and resumes the
 * operator loop in a later microtask (several hundred times a document), even when that font was
 * loaded earlier on the page. The patched loop remembers, per getTextContent call (one set of
 * resources), each font name's loaded font and sets an already-known one at once; loadFont gives
 * the same font for the same name and resources (its cache), so the state is the same.
 */
const SET_FONT_LOADED = `    async function handleSetFont(fontName, fontRef) {
      const translated = await self.loadFont(fontName, fontRef, resources, task);
`;
const SET_FONT_LOADED_KNOWN = `    const nianbaoKnownFonts = new Map();
    async function handleSetFont(fontName, fontRef) {
      const translated = await self.loadFont(fontName, fontRef, resources, task);
      if (nianbaoPatched && fontRef === null) {
        nianbaoKnownFonts.set(fontName, translated);
      }
`;
const SET_FONT_WAIT = `            textState.fontSize = fontSizeArg;
            next(handleSetFont(fontNameArg, null));
            return;`;
const SET_FONT_KNOWN_AT_ONCE = `            textState.fontSize = fontSizeArg;
            const nianbaoKnown = nianbaoPatched ? nianbaoKnownFonts.get(fontNameArg) : undefined;
            if (nianbaoKnown) {
              textState.loadedName = nianbaoKnown.loadedName;
              textState.font = nianbaoKnown.font;
              textState.fontMatrix = nianbaoKnown.font.fontMatrix || FONT_IDENTITY_MATRIX;
              break;
            }
            next(handleSetFont(fontNameArg, null));
            return;`;

/**
 * Text chunks cross from the worker half to the main half through LoopbackPort, which structured-
 * clones every message (about a tenth of a document's CPU with the collection it causes). The
 * patched worker sends each chunk as a fresh object whose arrays and items it never touches again
 * (it starts new ones after sending), marked as handed over; the patched main half passes marked
 * chunks by reference. Unmarked messages (everything else) are cloned as before.
 */
const HANDED_OVER = 'Symbol.for("nianbao.pdfjs.handedOver")';
/**
 * The operator loop also stops (and resumes a microtask later, through a Promise.all) whenever the
 * items not yet sent reach the stream's desired size (100), so that they go out. Unpatched, items go
 * out at every resumption (a font loaded, an XObject), ten or more at a time, and rarely reach 100;
 * the patched chunks go out only at 1,000 items, so from the 100th item to the 1,000th the loop
 * stopped after every operator and sent nothing: some 1,800–8,800 resumptions a report, each with
 * its closures, a clock read and a Promise.all. The patched loop stops when a chunk is due. When it
 * stops changes only when items are sent, never which items or their order; a full stream still
 * holds the loop back (the resumption waits for the stream's ready).
 */
const TEXT_STOP = '        if (textContent.items.length >= (sink?.desiredSize ?? 1)) {';
const TEXT_STOP_AT_CHUNK = '        if (nianbaoChunkDue(textContent.items.length, sink)) {';

/**
 * Util.transform multiplies matrices for all of pdf.js: plain arrays, Float32Arrays, arrays of small
 * integers and of doubles, so its element loads are megamorphic (several times slower). The text
 * position of every run goes through it twice (getCurrentTextTransform, 5–8% of getTextContent): the
 * patched one calls a copy of it that sees only the text state's matrices. Same arithmetic in the same
 * order, so the same numbers to the last bit.
 */
/** Util.transform as this pdf.js has it: the copy below is only right while it is this. */
const UTIL_TRANSFORM = `  static transform(m1, m2) {
    return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1], m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3], m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5]];
  }`;
const TEXT_TRANSFORM = '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));';
const TEXT_TRANSFORM_OWN = '      return nianbaoPatched ? nianbaoTextTransform(textState.ctm, nianbaoTextTransform(textState.textMatrix, tsm)) : Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));';

const TEXT_CHUNK_SEND = '      sink?.enqueue(textContent, length);';
const TEXT_CHUNK_HAND_OVER = `      sink?.enqueue(nianbaoPatched ? { ...textContent, [${HANDED_OVER}]: true } : textContent, length);`;
const LOOPBACK_CLONE = `      data: structuredClone(obj, transfer ? {`;
const LOOPBACK_HAND_OVER = `      data: obj?.chunk?.[${HANDED_OVER}] === true ? obj : structuredClone(obj, transfer ? {`;

/** translateFont's end for fonts described by a font dictionary (embedded, Type3 or with a descriptor). */
const FONT_BUILT = '    return new Font(fontName.name, fontFile, newProperties, this.options);';
const UNICODE_JUDGED = '    return nianbaoJudgeUnicode(new Font(fontName.name, fontFile, newProperties, this.options), newProperties);';

/** A text style is made once per font and getTextContent call: the guess goes along with it. */
const STYLE_MADE = `        textContent.styles[loadedName] = {
          fontFamily: font.fallbackName,
          ascent: font.ascent,
          descent: font.descent,
          vertical: font.vertical
        };`;
const STYLE_GUESS = `${STYLE_MADE}
        if (font.nianbaoUnicodeGuess) {
          textContent.styles[loadedName].nianbaoUnicodeGuess = font.nianbaoUnicodeGuess;
        }`;

/** Catalog.getPageDict's prefetch of the top /Pages node's kids (part 5). */
const PAGE_PREFETCH = '          pageDictCache.put(lastKid, xref.fetchAsync(lastKid));';
const PAGE_PREFETCH_HANDLED = '          pageDictCache.put(lastKid, nianbaoHandled(xref.fetchAsync(lastKid)));';

/** extractWidths' fill of a `first last width` range of /W and of /W2 (part 6). */
const CID_WIDTH_RANGE = `            for (let j = start; j <= code; j++) {
              glyphsWidths[j] = width;`;
const CID_WIDTH_RANGE_BOUNDED = `            for (let j = start, last = Math.min(code, 0xffff); j <= last; j++) {
              glyphsWidths[j] = width;`;
const CID_VMETRIC_RANGE = `              for (let j = start; j <= code; j++) {
                glyphsVMetrics[j] = vmetric;`;
const CID_VMETRIC_RANGE_BOUNDED = `              for (let j = start, last = Math.min(code, 0xffff); j <= last; j++) {
                glyphsVMetrics[j] = vmetric;`;

/** The module's one export statement; the patch adds its switch beside it. */
const EXPORTS = 'export { WorkerMessageHandler };';

/** Module-level code appended to the worker: it sees pdf.js's own internal functions and classes. */
const TEXT_ONLY = String.raw`
let nianbaoPatched = true;
function nianbaoHandled(promise) {
  promise.catch(() => {});
  return promise;
}
let nianbaoInflatePrefix = null;
let nianbaoInflateRaw = null;
let nianbaoTextOnlyBuilt = 0;
/** Text items per chunk the patched worker sends (TEXT_CHUNK_LARGER). */
const NIANBAO_CHUNK_ITEMS = 1000;
let nianbaoTextLoopStops = 0;
/** Whether getTextContent's operator loop stops here to send its items (see TEXT_STOP). */
function nianbaoChunkDue(length, sink) {
  const due = nianbaoPatched && sink ? length >= NIANBAO_CHUNK_ITEMS : length >= (sink?.desiredSize ?? 1);
  if (due) {
    nianbaoTextLoopStops++;
  }
  return due;
}
/**
 * on false: pdf.js converts every font as it would unpatched (tests compare both ways).
 * natives.inflatePrefix(bytes): what a prefix of raw deflate data decodes to (partial: sync flush);
 * natives.inflate(bytes): a whole raw deflate stream decoded, throwing unless it ends properly.
 */
function nianbaoSetPatched(on, natives) {
  nianbaoPatched = !!on;
  if (natives) {
    nianbaoInflatePrefix = natives.inflatePrefix;
    nianbaoInflateRaw = natives.inflate;
  }
}
/** A fresh FlateStream over plain bytes decoded at once by native zlib; false: let pdf.js decode it. */
function nianbaoInflateWhole(stream) {
  const raw = stream.str;
  if (!nianbaoInflateRaw || stream.bufferLength !== 0 || stream.eof || stream.codeSize !== 0 || !(raw instanceof Stream)) {
    return false;
  }
  let out;
  try {
    out = nianbaoInflateRaw(raw.bytes.subarray(raw.pos, raw.end));
  } catch {
    return false;
  }
  stream.buffer = new Uint8Array(out.buffer, out.byteOffset, out.length);
  stream.bufferLength = out.length;
  stream.eof = true;
  raw.pos = raw.end;
  return true;
}
/**
 * The first bytes of the font file, consuming nothing, or null when the file is empty. pdf.js would
 * decode a whole deflate block (often most of a CJK font) to learn them; a native inflate of the
 * first KB of compressed data gives them without that. Anything unusual takes pdf.js's own way.
 */
function nianbaoFontFileHead(file) {
  if (file.nianbaoHead !== undefined) {
    return file.nianbaoHead;
  }
  const head = nianbaoReadHead(file);
  file.nianbaoHead = head;
  return head;
}
function nianbaoReadHead(file) {
  if (nianbaoPatched && nianbaoInflatePrefix && file instanceof FlateStream && file.bufferLength === 0 && !file.eof && file.str instanceof Stream) {
    const raw = file.str;
    let head = null;
    try {
      head = nianbaoInflatePrefix(raw.bytes.subarray(raw.pos, Math.min(raw.end, raw.pos + 1024)));
    } catch {
      head = null;
    }
    if (head && head.length >= 4) {
      return head.subarray(0, 4);
    }
  }
  return file.isEmpty ? null : file.peekBytes(4);
}
/** file.isEmpty, without decoding a block when the native head says. */
function nianbaoIsEmpty(file) {
  return nianbaoPatched ? nianbaoFontFileHead(file) === null : file.isEmpty;
}
/** Util.transform's product, for the text state's matrices only (TEXT_TRANSFORM). */
function nianbaoTextTransform(m1, m2) {
  return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1], m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3], m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5]];
}
/** How often getTextContent's loop has stopped to send items in this process (TEXT_STOP). */
function nianbaoTextLoopStopCount() {
  return nianbaoTextLoopStops;
}
/** How many fonts this process has built text-only (tests check that the patch is really used). */
function nianbaoTextOnlyFontCount() {
  return nianbaoTextOnlyBuilt;
}
function nianbaoTrueTypeToUnicodeFixed(properties, isSymbolicFont) {
  // The early returns of adjustTrueTypeToUnicode that do not depend on the font program.
  return properties.composite || properties.isInternalFont || properties.hasIncludedToUnicodeMap || properties.hasEncoding ||
    properties.toUnicode instanceof IdentityToUnicodeMap || !isSymbolicFont || properties.defaultEncoding === WinAnsiEncoding;
}
/**
 * The font file's start as a Stream, natively inflated: only as far as the clear-text header when
 * that part alone passes getHeaderBlock's exact-length check (so the header reads the same), else
 * the whole file. null: read it through pdf.js.
 */
function nianbaoInflated(file, length1) {
  if (!nianbaoInflatePrefix || !(file instanceof FlateStream) || file.bufferLength !== 0 || file.eof || !(file.str instanceof Stream)) {
    return null;
  }
  try {
    const raw = file.str;
    const all = raw.bytes.subarray(raw.pos, raw.end);
    if (length1 > 0) {
      const part = nianbaoInflatePrefix(all.subarray(0, length1 + 4096));
      if (nianbaoWholeHeader(part, length1)) {
        return new Stream(part);
      }
    }
    return new Stream(nianbaoInflatePrefix(all));
  } catch {
    return null;
  }
}
/** The bytes hold the whole clear-text block, ending in "eexec" exactly where its length says. */
function nianbaoWholeHeader(bytes, length1) {
  let start = 0;
  let length = length1;
  if (bytes[0] === 0x80 && bytes[1] === 0x01) {
    start = 6;
    length = bytes[5] << 24 | bytes[4] << 16 | bytes[3] << 8 | bytes[2];
  }
  if (!(length > 10) || bytes.length < start + length) {
    return false;
  }
  const block = findBlock(bytes.subarray(start, start + length), [0x65, 0x65, 0x78, 0x65, 0x63], length - 10);
  return block.found && block.length === length;
}
function nianbaoType1Header(fontFile, properties) {
  // The first half of the Type1Font constructor, on a stand-in for properties and with the stream
  // put back, so that a font that still needs converting starts from exactly what it had.
  const file = nianbaoInflated(fontFile, properties.length1) || fontFile;
  const start = file.pos;
  const probe = Object.create(properties);
  try {
    let headerBlockLength = properties.length1;
    const pfbHeader = file.peekBytes(6);
    if (pfbHeader[0] === 0x80 && pfbHeader[1] === 0x01) {
      file.skip(6);
      headerBlockLength = pfbHeader[5] << 24 | pfbHeader[4] << 16 | pfbHeader[3] << 8 | pfbHeader[2];
    }
    const headerBlock = getHeaderBlock(file, headerBlockLength);
    new Type1Parser(headerBlock.stream, false, SEAC_ANALYSIS_ENABLED).extractFontHeader(probe);
  } catch {
    return null;
  } finally {
    file.pos = start;
  }
  const encoding = probe.builtInEncoding;
  if (encoding) {
    const widths = properties.widths;
    for (const code in encoding) {
      const index = +code;
      if (encoding[code] && widths[index] === undefined && index >= properties.firstChar && index <= properties.lastChar) {
        return null;
      }
    }
  }
  return Object.assign({}, probe);
}
/** The font, marked with why the Unicode of its codes is a guess when it is (see STYLE_GUESS). */
function nianbaoJudgeUnicode(font, properties) {
  const guess = nianbaoUnicodeGuess(properties);
  if (guess) {
    font.nianbaoUnicodeGuess = guess;
  }
  return font;
}
/**
 * Why pdf.js can only guess the characters of a font's codes, or undefined when the PDF tells them: a
 * ToUnicode map; a composite font's CMap or known character collection; or glyph names pdf.js knows
 * (Adobe's list, uniXXXX) from the PDF's Differences, from a standard encoding the PDF names or that a
 * nonsymbolic font implies, or from a symbolic font program's own encoding. Names pdf.js only decodes
 * by habit (cid123, g0041, C48) are guesses too.
 */
function nianbaoUnicodeGuess(p) {
  if (p.hasIncludedToUnicodeMap) {
    return undefined;
  }
  if (p.composite) {
    return p.toUnicode instanceof IdentityToUnicodeMap ? "no ToUnicode map, and its CIDs in no character collection pdf.js knows" : undefined;
  }
  const glyphs = getGlyphsUnicode();
  let codes = 0;
  let unnamed = 0;
  const judge = name => {
    codes++;
    if (name !== ".notdef" && getUnicodeForGlyph(name, glyphs) === -1) {
      unnamed++;
    }
  };
  for (const code in p.differences) {
    judge(p.differences[code]);
  }
  // Without a base encoding in the PDF, a Type1 program's own encoding holds (whatever the flags say:
  // pdf.js reads a nonsymbolic one as StandardEncoding, amended by the program's names it knows), and
  // a symbolic TrueType font's codes select glyphs through the program's cmap alone.
  const builtIn = p.baseEncodingName ? undefined : p.builtInEncoding;
  if (builtIn) {
    for (const code in builtIn) {
      if (p.differences[code] === undefined && builtIn[code]) {
        judge(builtIn[code]);
      }
    }
  } else if (!p.baseEncodingName && p.flags & FontFlags.Symbolic && codes === 0) {
    return "no ToUnicode map, and a symbolic font with no encoding";
  }
  return unnamed ? "no ToUnicode map, and " + unnamed + " of " + codes + " codes named by no known glyph name" : undefined;
}
function nianbaoTextOnlyFont(font, file, properties) {
  if (!nianbaoPatched || properties.type === "Type3") {
    return false;
  }
  const head = nianbaoFontFileHead(file);
  if (!head) {
    return false;
  }
  const [type, subtype] = getFontFileType({ peekBytes: n => head.subarray(0, n) }, properties);
  switch (type) {
    case "OpenType":
    case "TrueType":
    case "CIDFontType2":
      if (!nianbaoTrueTypeToUnicodeFixed(properties, font.isSymbolicFont)) {
        return false;
      }
      adjustWidths(properties);
      break;
    case "MMType1":
    case "Type1": {
      if (properties.composite || subtype === "Type1C") {
        return false;
      }
      const header = nianbaoType1Header(file, properties);
      if (!header) {
        return false;
      }
      Object.assign(properties, header);
      adjustWidths(properties);
      properties.fixedPitch = false;
      if (properties.builtInEncoding) {
        adjustType1ToUnicode(properties, properties.builtInEncoding);
      }
      break;
    }
    default:
      return false;
  }
  amendFallbackToUnicode(properties);
  font.mimetype = "font/opentype";
  font.type = type;
  font.subtype = subtype;
  font.fontMatrix = properties.fontMatrix;
  font.widths = properties.widths;
  font.defaultWidth = properties.defaultWidth;
  font.toUnicode = properties.toUnicode;
  font.seacMap = properties.seacMap;
  nianbaoTextOnlyBuilt++;
  return true;
}
`;

/** The patched worker source, or undefined when this pdf.js is not the one the patch was written for. */
export function patchWorkerSource(source: string): string | undefined {
  if ([FILE_CHECK, TRANSLATE_CHECK, CMAP_WALK, TEXT_STATE_CLONE, TEXT_CHUNK, TEXT_STOP, UTIL_TRANSFORM, TEXT_TRANSFORM, FLATE_READ_BLOCK, SET_FONT_LOADED, SET_FONT_WAIT, TEXT_CHUNK_SEND, FONT_BUILT, STYLE_MADE, PAGE_PREFETCH, CID_WIDTH_RANGE, CID_VMETRIC_RANGE, EXPORTS].some((part) => count(source, part) !== 1)) return undefined;
  const guard = `    if (file && nianbaoTextOnlyFont(this, file, properties)) {
      return;
    }
`;
  return source
    .replace(FILE_CHECK, () => guard + FILE_CHECK)
    .replace(TRANSLATE_CHECK, () => '} else if (nianbaoIsEmpty(fontFile)) {')
    .replace(CMAP_WALK, () => CMAP_WALK_PRESENT)
    .replace(TEXT_STATE_CLONE, () => TEXT_STATE_FLAT_CLONE)
    .replace(TEXT_CHUNK, () => TEXT_CHUNK_LARGER)
    .replace(TEXT_STOP, () => TEXT_STOP_AT_CHUNK)
    .replace(TEXT_TRANSFORM, () => TEXT_TRANSFORM_OWN)
    .replace(FLATE_READ_BLOCK, () => FLATE_READ_BLOCK_NATIVE)
    .replace(SET_FONT_LOADED, () => SET_FONT_LOADED_KNOWN)
    .replace(SET_FONT_WAIT, () => SET_FONT_KNOWN_AT_ONCE)
    .replace(TEXT_CHUNK_SEND, () => TEXT_CHUNK_HAND_OVER)
    .replace(FONT_BUILT, () => UNICODE_JUDGED)
    .replace(STYLE_MADE, () => STYLE_GUESS)
    .replace(PAGE_PREFETCH, () => PAGE_PREFETCH_HANDLED)
    .replace(CID_WIDTH_RANGE, () => CID_WIDTH_RANGE_BOUNDED)
    .replace(CID_VMETRIC_RANGE, () => CID_VMETRIC_RANGE_BOUNDED)
    .replace(EXPORTS, () => `${TEXT_ONLY}\nexport { WorkerMessageHandler, nianbaoSetPatched, nianbaoTextOnlyFontCount, nianbaoTextLoopStopCount };`);
}

/**
 * The patched main half (pdf.mjs): text chunks the patched worker hands over are passed on without
 * a structured clone. undefined when this pdf.js is not the one the patch was written for.
 */
export function patchMainSource(source: string): string | undefined {
  if (count(source, LOOPBACK_CLONE) !== 1) return undefined;
  return source.replace(LOOPBACK_CLONE, () => LOOPBACK_HAND_OVER);
}

/**
 * A module's source made to load from a data: URL as if from its file: `import.meta.url` (pdf.js
 * resolves @napi-rs/canvas and its wasm files from it) becomes the file's own URL.
 */
export function asIfAt(source: string, fileUrl: string): string {
  return source.replaceAll('import.meta.url', () => JSON.stringify(fileUrl));
}

function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) n++;
  return n;
}
