import { type Result, unauthenticated } from '@shop/common';
import type { AddressRow } from '../db/schema.js';
import { AccountGoneError, addAddress, removeAddress, updateAddress } from '../domain/addresses.js';
import type { MutationResolvers, UserResolvers } from './__generated__/resolvers-types.js';
import type { UsersContext } from './context.js';

const addressPayload = (result: Result<AddressRow>) => (result.ok ? { address: result.value, errors: [] } : { address: null, errors: result.errors });

// Every one is @authenticated (the kernel checks the viewer before these run) and acts on the viewer's own addresses only.
export const addressMutations: Pick<MutationResolvers<UsersContext>, 'addAddress' | 'updateAddress' | 'removeAddress'> = {
  addAddress: async (_root, { input }, ctx) => {
    try {
      return addressPayload(await addAddress(ctx.db, ctx.viewer!.id, input));
    } catch (error) {
      if (error instanceof AccountGoneError) throw unauthenticated('This account no longer exists.');
      throw error;
    }
  },
  updateAddress: async (_root, { id, input }, ctx) => addressPayload(await updateAddress(ctx.db, ctx.viewer!.id, id, input)),
  removeAddress: async (_root, { id }, ctx) => addressPayload(await removeAddress(ctx.db, ctx.viewer!.id, id)),
};

export const userAddresses: Pick<UserResolvers<UsersContext>, 'addresses'> = {
  // @ownerOrAdmin: the user themself or an admin.
  addresses: (user, _args, ctx) => ctx.loaders.addressesByUserId.load(user.id),
};
