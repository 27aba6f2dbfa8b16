import { prng } from '../prng';
import type { Expected, HostileFile } from './parts';
import { addCsvAndBinary } from './csvAndBinary';
import { addHostileXml } from './hostileXml';
import { addZipBombs } from './zipBombs';
import { addZipStructure } from './zipStructure';

/**
 * Every hostile file of the test, made here from a fixed seed (nothing is shipped): zip bombs of
 * several shapes, damaged and disguised zips, hostile XML, hostile CSV and binary files.
 */
export async function hostileCorpus(): Promise<HostileFile[]> {
  const random = prng(20261206);
  const files: HostileFile[] = [];
  const add = (name: string, fileName: string, bytes: Buffer, expected: Expected) =>
    files.push({ name, fileName, bytes, expected });

  // One seeded stream through every family in this order, so the corpus is the same each run.
  await addZipBombs(add);
  addZipStructure(add, random);
  addHostileXml(add, random);
  addCsvAndBinary(add, random);
  return files;
}
