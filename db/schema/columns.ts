import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
// Relative import: drizzle-kit loads the schema without the '@/' alias.
import { now } from '../../core/env';

/** Primary key: random UUID (ids cannot be guessed or enumerated). */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** Every district-owned row carries its district (§1); RLS policies key on this column. */
export const districtId = () => uuid('district_id').notNull();

/**
 * A moment stamped when the row is written, by the app's one clock (`now()` in core/env.ts, which
 * honours SUNLIGHT_NOW) rather than the database's: a test or demo with a frozen "today" sees its
 * own writes dated that day. The SQL default stays as the fallback for raw SQL inserts.
 */
export const stampedAt = (name: string) =>
  timestamp(name, { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$defaultFn(() => now());

export const createdAt = () => stampedAt('created_at');
export const updatedAt = () => stampedAt('updated_at').$onUpdateFn(() => now());

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});
