/**
 * Many small typed arrays carved out of shared blocks of memory: a typed array of its own per
 * record costs its buffer's overhead and, read back from a file, kept a block of 512 kB each
 * (bench/README.md, "Linking an encodings file"). Used for the CLK keys and filters.
 */
export class Slabs<T extends Float64Array | Uint32Array> {
  private slab: T;
  private at = 0;

  /** `make(length)` makes a block; `block` entries per block (a larger view gets an array of its own). */
  constructor(
    private readonly make: (length: number) => T,
    private readonly block: number,
  ) {
    this.slab = make(0);
  }

  /** A view of `size` entries, zeroed, in the current block (a new block when it is full). */
  take(size: number): T {
    if (size > this.block) return this.make(size);
    if (this.at + size > this.slab.length) {
      this.slab = this.make(this.block);
      this.at = 0;
    }
    this.at += size;
    return this.slab.subarray(this.at - size, this.at) as T;
  }
}
