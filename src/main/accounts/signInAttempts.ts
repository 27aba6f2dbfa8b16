/** Wrong-password bookkeeping: for a name that has no account, or for a caller's address. */
export interface NameAttempts {
  failures: number;
  /** Epoch ms; 0 when not waiting. */
  lockedUntil: number;
}

export interface AddressAttempts extends NameAttempts {
  /** Epoch ms of the latest failure: after a quiet hour the address starts afresh. */
  lastFailureAt: number;
}

/**
 * Failed sign-ins kept in memory only, so that guessing cannot fill the database: under names
 * that do not exist (counted like real accounts', so the answers do not tell which names exist),
 * and per caller address (so that trying many names from one PC is slowed down too).
 */
export interface SignInMemory {
  unknownNameAttempts(name: string): NameAttempts | undefined;
  rememberUnknownName(name: string, attempts: NameAttempts): void;
  addressAttempts(address: string): AddressAttempts | undefined;
  rememberAddress(address: string, attempts: AddressAttempts): void;
}

const MAX_REMEMBERED = 10_000;

/** A map that forgets its oldest entry past MAX_REMEMBERED: a flood costs bounded memory. */
class Bounded<T> {
  private readonly entries = new Map<string, T>();

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > MAX_REMEMBERED) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export class SignInAttempts implements SignInMemory {
  private readonly names = new Bounded<NameAttempts>();
  private readonly addresses = new Bounded<AddressAttempts>();

  unknownNameAttempts(name: string): NameAttempts | undefined {
    return this.names.get(name);
  }

  rememberUnknownName(name: string, attempts: NameAttempts): void {
    this.names.set(name, attempts);
  }

  addressAttempts(address: string): AddressAttempts | undefined {
    return this.addresses.get(address);
  }

  rememberAddress(address: string, attempts: AddressAttempts): void {
    this.addresses.set(address, attempts);
  }

  /** How many names and addresses are remembered (tests check the bound). */
  get remembered(): { names: number; addresses: number } {
    return { names: this.names.size, addresses: this.addresses.size };
  }
}
