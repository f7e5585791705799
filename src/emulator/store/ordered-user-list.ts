import type { UserRecord } from './types.js';

/**
 * Users in creation order with O(log n) cursor lookup, for ListUsers pagination: a cursor is the `seq` of the next
 * user to return. Deletions leave holes that are compacted when they exceed half the array (amortised O(1)).
 */
export class OrderedUserList {
  private items: (UserRecord | undefined)[] = [];
  /** seq of each slot, kept for holes too, so the array stays sorted for binary search. */
  private seqs: number[] = [];
  private holes = 0;

  /** Appends a user; its `seq` must be larger than every seq already present. */
  push(user: UserRecord): void {
    this.items.push(user);
    this.seqs.push(user.seq);
  }

  /** Removes a user (by seq). */
  remove(user: UserRecord): void {
    const i = this.indexOfSeq(user.seq);
    if (i < this.items.length && this.items[i]?.seq === user.seq) {
      this.items[i] = undefined;
      this.holes += 1;
      if (this.holes > 1024 && this.holes * 2 > this.items.length) this.compact();
    }
  }

  /** Iterates users with `seq >= fromSeq`, in order. */
  *from(fromSeq: number): Generator<UserRecord> {
    for (let i = this.indexOfSeq(fromSeq); i < this.items.length; i++) {
      const u = this.items[i];
      if (u) yield u;
    }
  }

  private indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    this.items = this.items.filter((u) => u !== undefined);
    this.seqs = this.items.map((u) => u!.seq);
    this.holes = 0;
  }
}
