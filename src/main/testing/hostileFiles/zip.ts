import { crc32, deflateRawSync } from 'node:zlib';

/**
 * One entry of a zip written for tests: its content (deflated here), or data deflated elsewhere
 * with its true size and CRC; every field may be overridden to make the entry lie.
 */
export interface ZipPart {
  name: string;
  content?: Buffer | string;
  deflated?: { data: Buffer; size: number; crc: number };
  stored?: boolean;
  declaredSize?: number;
  crc?: number;
  method?: number;
  flags?: number;
  /** Point the directory at another entry's local header (entries sharing their data). */
  localOf?: number;
}

export interface ZipOptions {
  /** Entry count written in the end record, when it should differ from the real one. */
  declaredCount?: number;
  disk?: number;
}

/** A classic zip (no zip64) of the parts, with whatever lies the parts ask for. */
export function zip(parts: readonly ZipPart[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = part.content === undefined ? null : Buffer.from(part.content as string | Buffer);
    const data =
      part.deflated?.data ?? (part.stored ? raw! : deflateRawSync(raw ?? Buffer.alloc(0)));
    const size = part.declaredSize ?? part.deflated?.size ?? raw?.length ?? 0;
    const crc = part.crc ?? part.deflated?.crc ?? crc32(raw ?? Buffer.alloc(0));
    const method = part.method ?? (part.stored ? 0 : 8);
    const flags = (part.flags ?? 0) | 0x800;
    /** The fields local header and directory share, from `at` on (6 and 8 respectively). */
    const fields = (record: Buffer, at: number) => {
      record.writeUInt16LE(flags, at);
      record.writeUInt16LE(method, at + 2);
      record.writeUInt16LE(0x21, at + 6);
      record.writeUInt32LE(crc, at + 8);
      record.writeUInt32LE(data.length, at + 12);
      record.writeUInt32LE(size, at + 16);
      record.writeUInt16LE(name.length, at + 20);
      return record;
    };
    const local = part.localOf === undefined ? offset : offsets[part.localOf]!;
    offsets.push(local);
    if (part.localOf === undefined) {
      const header = fields(Buffer.alloc(30), 6);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      locals.push(header, name, data);
      offset += 30 + name.length + data.length;
    }
    const central = fields(Buffer.alloc(46), 8);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(local, 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.disk ?? 0, 4);
  end.writeUInt16LE(options.declaredCount ?? parts.length, 8);
  end.writeUInt16LE(options.declaredCount ?? parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A worksheet's XML around the given rows. */
export const sheetXml = (rows: string, before = '<sheetData>', after = '</sheetData>') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">${before}${rows}${after}</worksheet>`;

export const sharedStringsXml = (strings: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}">${strings
    .map((s) => `<si><t>${s}</t></si>`)
    .join('')}</sst>`;

/**
 * The parts of a minimal workbook (one sheet, shared strings), each replaceable: hostile tests
 * swap one part for a bomb and keep the rest sound.
 */
export function workbookParts(
  replace: Partial<Record<string, Omit<ZipPart, 'name'>>> = {},
  extra: ZipPart[] = [],
): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      content: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      content: sharedStringsXml(['物资名称', '数量', '医用外科口罩', '2000']),
    },
    {
      name: 'xl/styles.xml',
      content: `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    },
  ];
  return [...parts.map((p) => ({ ...p, ...replace[p.name], name: p.name })), ...extra];
}
