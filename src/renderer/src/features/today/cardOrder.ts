import type { Role } from '@shared/permissions';

export const CARDS = ['rooms', 'people', 'rounds', 'fevers', 'contacts', 'staff', 'stock'] as const;
export type CardKey = (typeof CARDS)[number];

/** What each role looks at first when the day starts (the rest follows in the usual order). */
const FIRST: Partial<Record<Role, CardKey[]>> = {
  coordinator: ['rooms', 'people', 'fevers', 'rounds'],
  medical: ['rounds', 'fevers', 'contacts'],
  warehouse: ['stock', 'staff'],
};

/** Whose order wins when a user holds several roles: the one who runs the site. */
const PRECEDENCE: Role[] = ['coordinator', 'medical', 'warehouse'];

/** The home screen's cards in the order this user's work asks for them. */
export function cardOrder(roles: readonly Role[]): CardKey[] {
  const role = PRECEDENCE.find((r) => roles.includes(r));
  const first = role ? (FIRST[role] ?? []) : [];
  return [...first, ...CARDS.filter((c) => !first.includes(c))];
}
