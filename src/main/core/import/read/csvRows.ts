import fs from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { AppFailure } from '@shared/contract/result';
import type { RawRow, RowStream } from './rawRow';
import type { TextEncodingName } from './encoding';

/** How many parsed rows may wait for the consumer before the file is paused (bounded memory). */
const HIGH_WATER = 2000;

/** Bytes → text in the file's encoding, across chunk boundaries. */
function decoder(encoding: TextEncodingName, skip: number): Transform {
  const text = new TextDecoder(encoding);
  let toSkip = skip;
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done) {
      let bytes = chunk;
      if (toSkip > 0) {
        const cut = Math.min(toSkip, bytes.length);
        bytes = bytes.subarray(cut);
        toSkip -= cut;
      }
      done(null, text.decode(bytes, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/**
 * Streams the records of a delimited text file with papaparse: quoted fields with delimiters,
 * quotes and line breaks inside, any line ending. Reading pauses while the consumer is behind, so
 * a 90 MB file never sits in memory whole.
 */
export function readCsvRows(
  file: string,
  encoding: TextEncodingName,
  bomLength: number,
  delimiter: string,
): RowStream {
  const size = fs.statSync(file).size;
  let bytesRead = 0;
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (bytesRead += chunk.length));
  const text = input.pipe(decoder(encoding, bomLength));

  // Rows parsed but not yet taken; the consumer takes them all at once, as one batch.
  let queue: RawRow[] = [];
  let line = 0;
  let finished = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let paused = false;
  let parserHandle: Papa.Parser | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  Papa.parse(text as unknown as File, {
    delimiter,
    skipEmptyLines: false,
    step(results, parser) {
      parserHandle = parser;
      line++;
      const unclosed = results.errors.find((e) => e.code === 'MissingQuotes');
      if (unclosed) {
        failure = new AppFailure(
          'unsupported_file',
          `A quoted cell that starts on record ${line} is never closed, so the rest of the file cannot be read reliably. ` +
            'Open the file in a spreadsheet program, check that row, and save it again.',
        );
        parser.abort();
        notify();
        return;
      }
      queue.push({ line, cells: results.data as unknown as string[] });
      if (queue.length >= HIGH_WATER && !paused) {
        paused = true;
        parser.pause();
      }
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error: Error) {
      failure = error;
      notify();
    },
  });

  async function* rows(): AsyncGenerator<RawRow[]> {
    for (;;) {
      if (queue.length > 0) {
        const batch = queue;
        queue = [];
        if (paused) {
          paused = false;
          parserHandle?.resume();
        }
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    rows: rows(),
    fraction: () => (size === 0 ? 1 : bytesRead / size),
    close() {
      parserHandle?.abort();
      input.destroy();
    },
  };
}
