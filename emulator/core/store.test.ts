import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore, MemoryStore, type Store } from './store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stores: Array<[string, () => Store]> = [
  ['memory', () => new MemoryStore()],
  [
    'file',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
      dirs.push(dir);
      return new FileStore(dir);
    },
  ],
];

describe.each(stores)('%s store: peek', (_kind, open) => {
  it('hands out one frozen object per version of a document', () => {
    const store = open();
    store.put('a/b', { name: 'x', nested: { list: [1, 2] } });
    const first = store.peek<{ name: string; nested: { list: number[] } }>('a/b')!;
    expect(first).toEqual({ name: 'x', nested: { list: [1, 2] } });
    expect(store.peek('a/b')).toBe(first);
    expect(Object.isFrozen(first.nested.list)).toBe(true);
    expect(() => {
      (first.nested.list as number[]).push(3);
    }).toThrow(TypeError);

    store.put('a/b', { name: 'y', nested: { list: [] } });
    const second = store.peek<{ name: string }>('a/b')!;
    expect(second).not.toBe(first);
    expect(second.name).toBe('y');
    expect(first.name).toBe('x');
  });

  it('leaves get with a copy of its own, and forgets deleted documents', () => {
    const store = open();
    store.put('a/c', { n: 1 });
    const peeked = store.peek<{ n: number }>('a/c')!;
    const copy = store.get<{ n: number }>('a/c')!;
    copy.n = 2;
    expect(store.peek<{ n: number }>('a/c')).toBe(peeked);
    expect(peeked.n).toBe(1);

    store.delete('a/c');
    expect(store.peek('a/c')).toBeUndefined();
    store.put('a/d', { n: 3 });
    store.deleteAll('a');
    expect(store.peek('a/d')).toBeUndefined();
    store.put('a/e', { n: 4 });
    store.clear();
    expect(store.peek('a/e')).toBeUndefined();
  });
});
