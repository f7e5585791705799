import { describe, expect, it } from 'vitest';
import { OrderedUserList } from '../../../../src/emulator/store/ordered-user-list.js';
import type { UserRecord } from '../../../../src/emulator/store/types.js';

const user = (seq: number) => ({ seq, username: `u${seq}` }) as UserRecord;

describe('OrderedUserList', () => {
  it('iterates from a cursor in creation order, skipping removed users, across compactions', () => {
    const list = new OrderedUserList();
    const users = Array.from({ length: 5000 }, (_, i) => user(i + 1));
    users.forEach((u) => list.push(u));
    for (let i = 0; i < 3000; i++) list.remove(users[i]!);
    list.remove(users[4000]!);
    const from = [...list.from(3995)].map((u) => u.seq);
    expect(from.slice(0, 7)).toEqual([3995, 3996, 3997, 3998, 3999, 4000, 4002]);
    expect([...list.from(0)]).toHaveLength(1999);
    expect([...list.from(2)][0]!.seq).toBe(3001);
    expect([...list.from(9999)]).toEqual([]);
  });
});
