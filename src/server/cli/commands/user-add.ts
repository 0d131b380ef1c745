import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../../core/access/roles';
import { fieldMessages } from '../../../core/i18n/messages';
import type { Issue } from '../../../core/i18n/issues';
import { writeAudit } from '../../audit/audit';
import { checkUserFields, insertUser, resolveBinding, usernameTaken } from '../../modules/users/users.service';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';

export const userAddCommand: Command = {
  name: 'user add',
  summary: 'Create a user bound to a facility (kader, bidan, Puskesmas staff) or an area (dinkes, admin)',
  usage: `siklus user add --username NAME --name "Display Name" --role (${ROLES.join('|')}) (--facility UUID | --area CODE) [--password PW]\n  (without --password, the password is read from the SIKLUS_PASSWORD environment variable)`,
  async run(args) {
    let v;
    try {
      v = parseArgs({
        args,
        options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, facility: { type: 'string' }, area: { type: 'string' }, password: { type: 'string' } },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const password = v.password ?? process.env.SIKLUS_PASSWORD;
    if (!v.username || !v.name || !v.role || !password) throw new UsageError('--username, --name, --role and a password are required');
    if (!isRole(v.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const role = v.role;
    await withDatabase(async (database) => {
      await database.db.transaction(async (tx) => {
        const issues: Issue[] = [];
        checkUserFields({ username: v.username, password }, issues);
        const binding = await resolveBinding(tx, { role, facilityId: v.facility ?? null, areaCode: v.area ?? null }, null, issues);
        if (issues.length || !binding) {
          throw new UsageError(Object.entries(fieldMessages(issues, 'en')).map(([f, m]) => `${f}: ${m}`).join('\n'));
        }
        if (await usernameTaken(tx, v.username!)) throw new UsageError(`username "${v.username}" is taken`);
        const id = await insertUser(tx, { username: v.username!, displayName: v.name!, password, role }, binding);
        await writeAudit(tx, null, { action: 'create', entityType: 'user', entityId: id, areaCode: binding.areaCode, details: { username: v.username, role, via: 'cli' } });
        console.log(`Created user ${v.username} (${role}) bound to ${binding.facilityId ? `facility ${binding.facilityId}` : binding.areaCode}.`);
      });
    });
  },
};
