/** The one undici dispatcher of a crawl: connect timeout, and DNS answers checked by the address guard. */
import { Agent } from 'undici';
import { createGuardedLookup, type AddressPolicy, type Resolver } from './address-guard.js';

export function createGuardedAgent(policy: AddressPolicy, connectTimeoutMs: number, connectionsPerOrigin: number, resolve?: Resolver): Agent {
  return new Agent({
    connections: connectionsPerOrigin,
    connect: { timeout: connectTimeoutMs, lookup: createGuardedLookup(policy, resolve) as never },
  });
}
