import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StringDecoder } from 'node:string_decoder';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { DomainError } from '../errors';
import { damaged, overLimit } from './refusal';

/** An element as the handlers see it: its name without a namespace prefix, and its attributes. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  /** Text and CDATA inside the element last opened. */
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown by a handler that has read what it needed: the rest of the part is not parsed. */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}

const CHUNK = 64 * 1024;
const LESS_THAN = 0x3c;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams one XML part through saxes in chunks. Bounded before saxes buffers anything: a stretch
 * without `<` (a text, an attribute, a tag name) longer than xml_text_kb is refused, and so is
 * nesting deeper than xml_depth. A DOCTYPE is refused (entities are never expanded), as is
 * anything saxes finds malformed.
 */
export function parseXml(content: Buffer, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on('doctype', () => {
    throw damaged('xml_damaged', `${part} declares a DOCTYPE`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > FILE_LIMITS.xml_depth)
      throw overLimit('xml_depth', `${part} nests deeper than ${FILE_LIMITS.xml_depth}`);
    handlers.open?.({ name: localName(tag.name), attributes: tag.attributes });
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const maxRun = FILE_LIMITS.xml_text_kb * 1024;
  const decoder = new StringDecoder('utf8');
  let run = 0;
  try {
    for (let from = 0; from < content.length; from += CHUNK) {
      const chunk = content.subarray(from, from + CHUNK);
      for (let at = 0; ;) {
        const lt = chunk.indexOf(LESS_THAN, at);
        run += (lt === -1 ? chunk.length : lt) - at;
        if (run > maxRun)
          throw overLimit('xml_text_kb', `${part} has more than ${maxRun} bytes between tags`);
        if (lt === -1) break;
        run = 0;
        at = lt + 1;
      }
      parser.write(decoder.write(chunk));
    }
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof StopReading) return;
    if (error instanceof DomainError) throw error;
    throw damaged('xml_damaged', `${part} is not well-formed XML: ${String(error)}`);
  }
}
