import chardet from 'chardet';

/** Encodings a text file is read in; every one is a WHATWG label TextDecoder knows. */
export type TextEncodingName =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'big5' | 'gb18030' | 'shift_jis' | 'euc-kr';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

// chardet names for the East Asian encodings we trust it to recognise; anything else that is not
// valid UTF-8 is read as Windows-1252, the superset of Latin-1 that Excel writes on Windows.
const CJK: Record<string, TextEncodingName> = {
  Big5: 'big5',
  GB18030: 'gb18030',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
};

/**
 * Finds a text file's encoding from a sample of its bytes: a byte-order mark first, then UTF-16
 * without one (every other byte zero), then UTF-8 if the sample is valid UTF-8, then a CJK
 * encoding if chardet is confident, else Windows-1252.
 */
export function detectEncoding(sample: Buffer): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const probe = sample.subarray(0, Math.min(sample.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  if (oddZeros > probe.length / 4 && evenZeros < probe.length / 20)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > probe.length / 4 && oddZeros < probe.length / 20)
    return { encoding: 'utf-16be', bomLength: 0 };
  if (isValidUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  const guesses = chardet.analyse(sample);
  const top = guesses[0];
  if (top && top.confidence >= 50 && CJK[top.name]) return { encoding: CJK[top.name]!, bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isValidUtf8(sample: Buffer): boolean {
  let end = sample.length;
  // Step back over a possibly cut multi-byte sequence at the very end of the sample.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
