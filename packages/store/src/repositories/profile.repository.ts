import type { Profile, ProfileInput } from '@applydesk/domain';
import type { Selectable } from 'kysely';
import { nowIso, type Codec } from '../codec.js';
import { withTx, type StoreContext } from '../context.js';
import type { ProfilesTable } from '../db.js';
import { notFound, translateConstraint } from '../errors.js';
import { newId } from '../ids.js';
import type { Actor, ProfileRepository } from '../repositories.js';
import { appendEvents } from './event.repository.js';

/** Row <-> domain mapping for `profiles`: the name is a column, every other section one JSON document. */
function dataOf(input: ProfileInput): Omit<ProfileInput, 'name'> {
  const { name: _name, ...data } = input;
  return data;
}

function fromRow(codec: Codec, row: Selectable<ProfilesTable>): Profile {
  const data = codec.readJson(row.data) as Omit<ProfileInput, 'name'>;
  return {
    ...data,
    // Profiles stored before writing samples existed.
    writingSamples: data.writingSamples ?? [],
    name: row.name,
    id: row.id,
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

function nameTaken(name: string): string {
  return `a profile named "${name}" already exists`;
}

export class SqlProfileRepository implements ProfileRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(input: ProfileInput, actor: Actor): Promise<Profile> {
    return withTx(this.ctx, async (tx) => {
      const now = nowIso();
      const id = newId('prf');
      try {
        await tx.db
          .insertInto('profiles')
          .values({
            id,
            name: input.name,
            data: tx.codec.json(dataOf(input)),
            created_at: now,
            updated_at: now,
          })
          .execute();
      } catch (error) {
        translateConstraint(error, nameTaken(input.name), 'profile not found');
      }
      await appendEvents(tx, [
        {
          actor,
          entityType: 'profile',
          entityId: id,
          action: 'profile.created',
          data: { name: input.name },
        },
      ]);
      return { ...input, id, createdAt: now, updatedAt: now };
    });
  }

  async update(id: string, input: ProfileInput, actor: Actor): Promise<Profile> {
    return withTx(this.ctx, async (tx) => {
      const now = nowIso();
      let updated;
      try {
        updated = await tx.db
          .updateTable('profiles')
          .set({ name: input.name, data: tx.codec.json(dataOf(input)), updated_at: now })
          .where('id', '=', id)
          .executeTakeFirst();
      } catch (error) {
        translateConstraint(error, nameTaken(input.name), 'profile not found');
      }
      if (updated.numUpdatedRows === 0n) throw notFound('profile', id);
      await appendEvents(tx, [
        {
          actor,
          entityType: 'profile',
          entityId: id,
          action: 'profile.updated',
          data: { name: input.name },
        },
      ]);
      const profile = await new SqlProfileRepository(tx).get(id);
      if (profile === null) throw notFound('profile', id);
      return profile;
    });
  }

  async get(id: string): Promise<Profile | null> {
    const row = await this.ctx.db
      .selectFrom('profiles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  async getDefault(): Promise<Profile | null> {
    const row =
      (await this.ctx.db
        .selectFrom('profiles')
        .selectAll()
        .where('name', '=', 'default')
        .executeTakeFirst()) ??
      (await this.ctx.db
        .selectFrom('profiles')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst());
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  async defaultId(): Promise<string | null> {
    const row =
      (await this.ctx.db
        .selectFrom('profiles')
        .select('id')
        .where('name', '=', 'default')
        .executeTakeFirst()) ??
      (await this.ctx.db
        .selectFrom('profiles')
        .select('id')
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst());
    return row?.id ?? null;
  }

  async list(): Promise<Profile[]> {
    const rows = await this.ctx.db
      .selectFrom('profiles')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }
}
