/**
 * The exact algorithms of `java.util.PriorityQueue` (JDK 11+) over a plain array.
 *
 * Flink keeps partial and completed matches in `PriorityQueue`s and iterates them in *heap array*
 * order, and ties between equal elements come out in heap order, not insertion order. Output
 * order and Dewey numbering therefore depend on the heap layout, so we reproduce it instead of
 * using a sorted list. Functions mutate the array they are given (it is the queue's storage).
 */

export type Comparator<T> = (a: T, b: T) => number;

/** `offer(e)` / `add(e)`: append and sift up. */
export function heapOffer<T>(heap: T[], element: T, cmp: Comparator<T>): void {
  let k = heap.length;
  heap.push(element);
  while (k > 0) {
    const parent = (k - 1) >>> 1;
    const e = heap[parent] as T;
    if (cmp(element, e) >= 0) break;
    heap[k] = e;
    k = parent;
  }
  heap[k] = element;
}

/**
 * `offer(e)` on a heap kept in `heap[0 … size)` of a reusable array (entries from `size` on are
 * scratch): the same sift-up as {@link heapOffer}. Returns the new size.
 */
export function heapOfferAt<T>(
  heap: Array<T | undefined>,
  size: number,
  element: T,
  cmp: Comparator<T>,
): number {
  let k = size;
  while (k > 0) {
    const parent = (k - 1) >>> 1;
    const e = heap[parent] as T;
    if (cmp(element, e) >= 0) break;
    heap[k] = e;
    k = parent;
  }
  heap[k] = element;
  return size + 1;
}

/** `peek()`. */
export function heapPeek<T>(heap: readonly T[]): T | undefined {
  return heap[0];
}

/** `poll()`: remove the head, move the last element to the root and sift it down. */
export function heapPoll<T>(heap: T[], cmp: Comparator<T>): T | undefined {
  if (heap.length === 0) return undefined;
  const result = heap[0] as T;
  const last = heap.pop() as T;
  if (heap.length > 0) siftDown(heap, 0, last, heap.length, cmp);
  return result;
}

/**
 * `removeIf(filter)` / `removeAll(c)` (JDK 11+ `bulkRemove`): drop matching elements keeping the
 * others' relative order, then `heapify()`.
 */
export function heapRemoveIf<T>(heap: T[], filter: (e: T) => boolean, cmp: Comparator<T>): boolean {
  let write = 0;
  for (let read = 0; read < heap.length; read++) {
    const e = heap[read] as T;
    if (!filter(e)) heap[write++] = e;
  }
  if (write === heap.length) return false;
  heap.length = write;
  heapify(heap, cmp);
  return true;
}

/** `heapify()`: establish the heap invariant bottom-up, as the JDK does. */
export function heapify<T>(heap: T[], cmp: Comparator<T>): void {
  const n = heap.length;
  for (let i = (n >>> 1) - 1; i >= 0; i--) siftDown(heap, i, heap[i] as T, n, cmp);
}

function siftDown<T>(heap: T[], start: number, x: T, n: number, cmp: Comparator<T>): void {
  let k = start;
  const half = n >>> 1;
  while (k < half) {
    let child = 2 * k + 1;
    let c = heap[child] as T;
    const right = child + 1;
    if (right < n && cmp(c, heap[right] as T) > 0) {
      child = right;
      c = heap[child] as T;
    }
    if (cmp(x, c) <= 0) break;
    heap[k] = c;
    k = child;
  }
  heap[k] = x;
}
