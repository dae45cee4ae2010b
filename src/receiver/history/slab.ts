/**
 * Equal blocks of float64 carved out of shared pages, for the many small history
 * rings of tags that rarely change.
 *
 *   alloc() ──▶ handle h ──▶ page(h): the Float64Array holding it, offset(h): where it starts
 *   release(h) ──▶ free list (reused first, last in first out)
 *
 * Why: a typed array costs about 180 bytes of JavaScript objects (the array and its
 * ArrayBuffer) plus a native backing store, whatever its length; at 100,000 tags a
 * ring's own small array cost more than the eight samples it holds. Pages are never
 * given back: the slab holds at most as many blocks as were ever in use at once.
 */
export class Slab {
  private readonly pages: Float64Array[] = [];
  private readonly free: number[] = [];
  /** blocks handed out of the newest page so far */
  private used: number;

  /**
   * @param block float64 elements per block
   * @param perPage blocks per page
   */
  constructor(readonly block: number, private readonly perPage = 1024) {
    if (!Number.isInteger(block) || block < 1 || !Number.isInteger(perPage) || perPage < 1) {
      throw new RangeError(`slab block and page sizes must be positive integers, got ${block} and ${perPage}`);
    }
    this.used = perPage; // no page yet
  }

  /** A block, zeroed or as its last holder left it: the holder writes before it reads. */
  alloc(): number {
    const h = this.free.pop();
    if (h !== undefined) return h;
    if (this.used === this.perPage) {
      this.pages.push(new Float64Array(this.block * this.perPage));
      this.used = 0;
    }
    return (this.pages.length - 1) * this.perPage + this.used++;
  }

  release(h: number): void {
    this.free.push(h);
  }

  page(h: number): Float64Array {
    return this.pages[Math.floor(h / this.perPage)]!;
  }

  offset(h: number): number {
    return (h % this.perPage) * this.block;
  }

  /** Blocks in use now. */
  get inUse(): number {
    return (this.pages.length - 1) * this.perPage + this.used - this.free.length;
  }

  /** Bytes of the pages. */
  get bytes(): number {
    return this.pages.length * this.perPage * this.block * 8;
  }
}
