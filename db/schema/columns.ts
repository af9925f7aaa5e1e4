import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key: random UUID (ids cannot be guessed or enumerated). */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** Every district-owned row carries its district (§1); RLS policies key on this column. */
export const districtId = () => uuid('district_id').notNull();

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});
