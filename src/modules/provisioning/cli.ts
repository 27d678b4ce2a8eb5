import type { Ctx } from '../../platform/context.js';
import { listTenants } from '../tenants/service.js';
import { createPlatformKey, provisionTenant, revokePlatformKey, setDisabled } from './service.js';

const flag = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const usage = (line: string): never => {
  throw new Error(`usage: kaquan ${line}`);
};

/** `kaquan tenant …` and `kaquan platform-key …`: what the platform-admin API does, from a shell on the server. */
export async function provisioningCommand(ctx: Ctx, cmd: string, args: string[]): Promise<unknown> {
  const [verb, arg] = args;
  const now = ctx.clock.now();
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  if (cmd === 'platform-key') {
    if (verb === 'create' && arg) return createPlatformKey(ctx.db, arg);
    if (verb === 'revoke' && arg) return { id: arg, revoked: await revokePlatformKey(ctx.db, arg, now) };
    return usage('platform-key create NAME | revoke ID');
  }
  switch (verb) {
    case 'create':
      if (!arg || arg.startsWith('--')) return usage('tenant create NAME [--id ID] [--time-zone TZ] [--currency CNY]');
      return provisionTenant(
        ctx.db,
        actor,
        { name: arg, id: flag(args, '--id'), time_zone: flag(args, '--time-zone'), currency: flag(args, '--currency') },
        now,
      );
    case 'list':
      return listTenants(ctx.db);
    case 'disable':
    case 'enable':
      if (!arg) return usage(`tenant ${verb} ID`);
      return setDisabled(ctx.db, actor, arg, verb === 'disable', now);
    default:
      return usage('tenant create NAME | list | disable ID | enable ID');
  }
}
