/**
 * What the resolver is given of each row of a table and what it says of it: one home for the types the
 * arbitration (arbitrate.ts), the placement of short rows (placements.ts) and the writing (assign.ts) share.
 */
import type { Reading, RowReadings } from './readings.js';

export interface PendingRow {
  /** The template cell keys of the row, one per column. */
  keys: string[];
  readings: RowReadings;
}

export type Verdict =
  /** One reading as printed; `emptyInDoubt`: the column of a lone empty cell that may be padding (see loneEmptyCell). */
  | { status: 'certain'; reading: Reading; emptyInDoubt?: number }
  /** Several readings; exactly one lets the identities hold. */
  | {
      status: 'resolved';
      reading: Reading;
      others: Reading[];
      failing: number;
      /** Every reading breaks the row's own total (printed wrong): the one dropping only empty cells was taken. */
      breaksOwn?: boolean;
      /**
       * Per column: an identity that holds under the chosen reading ties the cell to cells read with
       * certainty in other rows, so its count is what those cells require whichever token it came from.
       */
      confirmed?: boolean[];
      /** Per column, with `breaksOwn`: not confirmed, but fixed by the confirmed cells (see forcedCells). */
      forced?: boolean[];
      /** The row's own total could not be checked and its empty last cell may be padding (see reconsiderExactRows). */
      padded?: boolean;
      /** The row prints its own total blank: the other identities chose (see reconsiderExactRows). */
      byOthers?: boolean;
      /** A stray empty cell left out rather than a printed number that kept the row's own total only by breaking another identity. */
      emptyStray?: boolean;
      /**
       * The readings were weighed with their gaps as values the row lost, not as blanks that vanished: a
       * printed blank under the chosen reading and a gap under another then say different things.
       */
      gapsLost?: boolean;
      /** Placed with the table's other short rows by the identities solved together (placements.ts). */
      placed?: boolean;
    }
  /**
   * Several readings, several (or, with `none`, no) readings satisfy the identities. `loneEmpty`: the
   * survivors are the row as printed (its only empty cell a printed blank) and readings without that
   * cell — those that keep the row's own total, other identities failing either way
   * (`keeps-own-total`), or all of them when no identity is about the row (`no-identity`), or those
   * breaking no more of its own totals than it does when every reading breaks one (`own-broken-anyway`).
   */
  | {
      status: 'undecided';
      survivors: Reading[];
      all: Reading[];
      none: boolean;
      loneEmpty?: 'keeps-own-total' | 'no-identity' | 'own-broken-anyway';
      /** As in 'resolved'. */
      padded?: boolean;
      /**
       * Per column, the count every survivor gives it — printed, or required there by the row's own
       * total where the survivor prints nothing — when they agree though their tokens differ (a zero
       * missing from a row of zeros: which zero is missing is unknown, that every cell holds 0 is not).
       */
      agreed?: Array<number | undefined>;
      /** As in 'resolved': the survivors are the placements the identities solved together leave. */
      placed?: boolean;
      /**
       * The survivors are those the reading another row most likely has (without its stray empty cell)
       * leaves: rows settled together try this row only with them, never widen it again.
       */
      byLikely?: boolean;
    };

