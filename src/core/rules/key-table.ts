/**
 * A hash table for composite string keys of budget lines (the duplicate-line key of DATA.DUPLICATE_LINE)
 * that builds no key string per line. On a million lines, joining the fields into one string and
 * hashing it in a Map was the largest cost of the rules, and nested Maps per field the largest memory.
 *
 * Each field is hashed here (FNV-1a over UTF-16 code units) and the table stores the combined hash
 * with the first item of each key; items whose hashes meet are told apart by the caller's exact
 * comparison of their fields, so a hash collision never merges two keys.
 */

/** FNV-1a of `s`, continuing from `h` (the offset basis 0x811c9dc5 for a new key). */
export function hashText(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A field separator, so that ("ab", "c") and ("a", "bc") hash apart.
  return Math.imul(h ^ 0xff, 0x01000193);
}

/**
 * Open addressing over typed arrays: `find(hash, probe)` returns the item stored under the probe's
 * key (`same(item, probe)` compares the fields exactly), `add(hash, item)` stores a new one. Items
 * are kept in insertion order in `items`.
 */
export class KeyTable<T, P> {
  readonly items: T[] = [];
  private hashes: Int32Array;
  private slots: Int32Array; // index into items + 1; 0 = empty
  private mask: number;

  constructor(
    private readonly same: (item: T, probe: P) => boolean,
    expected = 16,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.hashes = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The stored item whose key equals the probe's, or undefined. */
  find(hash: number, probe: P): T | undefined {
    const h = hash | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const s = this.slots[i];
      if (s === 0) return undefined;
      if (this.hashes[i] === h) {
        const item = this.items[s - 1];
        if (this.same(item, probe)) return item;
      }
    }
  }

  /** Store an item under a key known to be absent (call find first). */
  add(hash: number, item: T): void {
    if ((this.items.length + 1) * 2 > this.mask + 1) this.grow();
    this.items.push(item);
    this.place(hash | 0, this.items.length);
  }

  private place(h: number, slot: number): void {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      if (this.slots[i] === 0) {
        this.hashes[i] = h;
        this.slots[i] = slot;
        return;
      }
    }
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldSlots = this.slots;
    const cap = (this.mask + 1) * 2;
    this.hashes = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < oldSlots.length; i++) if (oldSlots[i] !== 0) this.place(oldHashes[i], oldSlots[i]);
  }
}
