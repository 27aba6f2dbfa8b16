/**
 * Bounds on every file the desk reads from a user (an import list, a backup offered for restore).
 * A file past one is refused before or while it is read, with FILE_REFUSED {reason, limit}; the
 * renderer explains each reason (i18n `fileRefused.<reason>`) with the limit in its unit.
 */

/** Largest import file accepted, decoded (refused as the field error `file_too_large`). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const FILE_LIMITS = {
  /** Entries in a workbook's zip directory (Excel writes 10–30). */
  zip_entries: 1000,
  /** Declared uncompressed size of all entries together, MB. */
  zip_total_mb: 50,
  /** Uncompressed size of one part the desk reads (a sheet, the shared strings, the styles), MB. */
  zip_part_mb: 10,
  /** Uncompressed ÷ compressed size of one entry larger than 1 MB (sheet XML packs 10–30 times). */
  zip_ratio: 200,
  /** Elements nested in one another in a workbook's XML (a sheet needs 7). */
  xml_depth: 32,
  /** Bytes of XML between two tags, KB (a cell of 32,767 characters fits). */
  xml_text_kb: 256,
  /** Entries in a workbook's shared-string table. */
  shared_strings: 200_000,
  /** Characters in one cell: Excel's own maximum. */
  cell_chars: 32_767,
  /** Characters in all the cells read from one file together. */
  sheet_chars: 4_000_000,
  /** Rows with something in them (an import takes 500 people; headers and titles come on top). */
  rows: 2000,
  /** Columns a row may fill. */
  columns: 1000,
  /** Characters in one record of a CSV file. */
  csv_line_chars: 65_536,
  /** Size of a backup offered for restore, GB (the district-scale benchmark's database is 0.4 GB). */
  backup_gb: 4,
} as const;
export type FileLimit = keyof typeof FILE_LIMITS;

/** Refusals that name no number: the file is not what it claims to be, or is damaged. */
export const FILE_DAMAGE_REASONS = [
  /** The zip directory or an entry is damaged, or an entry is not the size it declares. */
  'zip_damaged',
  /** Encrypted, split over several disks, zip64, or compressed other than by deflate. */
  'zip_unsupported',
  /** A zip, but no workbook: the parts an .xlsx needs are missing. */
  'xlsx_parts',
  /** A workbook's XML is malformed or declares a DOCTYPE (entities are never expanded). */
  'xml_damaged',
  /** Neither a workbook nor text: control characters or undecodable bytes. */
  'not_text',
] as const;
export type FileDamageReason = (typeof FILE_DAMAGE_REASONS)[number];

export type FileRefusalReason = FileLimit | FileDamageReason;
export const FILE_REFUSAL_REASONS: readonly FileRefusalReason[] = [
  ...(Object.keys(FILE_LIMITS) as FileLimit[]),
  ...FILE_DAMAGE_REASONS,
];
