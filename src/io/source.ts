/**
 * Random access to the bytes of a file, whatever the door: the CLI reads a file on disk
 * (src/cli/file-source.ts), the page a File the user chose (a Blob), tests a byte array. The zip
 * reader asks only for ranges, so no door ever holds a whole workbook to read it.
 */

export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** Bytes [pos, pos + len), fewer only at the end of the source. */
  read(pos: number, len: number): Promise<Uint8Array>;
}

/** The part of Blob (and File) the reader uses: present in browsers, workers and Node ≥ 18. */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (pos, len) => bytes.subarray(Math.max(0, pos), Math.min(bytes.length, pos + len)),
  };
}

export function blobSource(blob: BlobLike): ByteSource {
  return {
    size: blob.size,
    read: async (pos, len) => new Uint8Array(await blob.slice(Math.max(0, pos), Math.min(blob.size, pos + len)).arrayBuffer()),
  };
}
