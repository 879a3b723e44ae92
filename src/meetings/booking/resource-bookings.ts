import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A half-open interval [startAt, endAt): a meeting that ends at 09:40 and one that starts at 09:40 do not overlap. */
export interface BookingSpan {
  startAt: Date;
  endAt: Date;
}

/** An existing booking that overlaps the one asked for. */
export interface BookingClash {
  resourceId: string;
  meetingId: string;
  startAt: Date;
  endAt: Date;
}

/** Thrown inside the caller's transaction (which then rolls back): a resource is taken for part of the span. */
export class ResourceBusyError extends Error {
  /** `resource`: the booking's resource property (`leaderId`, `roomId`), telling which kind of resource is busy. */
  constructor(
    readonly clashes: BookingClash[],
    readonly resource = 'leaderId',
  ) {
    super(`resource busy: ${clashes.map((c) => c.resourceId).join(', ')}`);
    this.name = 'ResourceBusyError';
  }
}

export interface ResourceBookingSpec {
  /** Booking rows `{ [resource]: id, meetingId, startAt, endAt }`, one per resource and meeting, primary key (resource, meetingId). */
  booking: EntityTarget<ObjectLiteral>;
  /** The booking row's property naming the resource, e.g. `leaderId`. */
  resource: string;
  /** The entity whose row (primary column `id`) stands for one resource; locking it serialises that resource's bookings. */
  lockRow: EntityTarget<ObjectLiteral>;
}

/**
 * Exact bookings of a resource (a leader; rooms later) by meetings, guaranteed by the database.
 *
 * `book` runs inside the caller's transaction: it locks the row of every resource involved, in
 * sorted order (no deadlock between two bookers), then looks for an overlapping booking with a
 * locking read (the newest committed rows, whatever snapshot the transaction already holds), then
 * inserts. Two transactions booking one resource therefore run one after the other, and the
 * second sees the first's booking, on any number of service instances. On SQLite the
 * `TransactionRunner` already runs write transactions one at a time, so no lock is taken there.
 */
export class ResourceBookings {
  constructor(private readonly spec: ResourceBookingSpec) {}

  /**
   * Books `span` of each resource for the meeting, replacing the meeting's earlier bookings (a
   * rescheduled meeting does not clash with itself). Throws `ResourceBusyError` when another
   * meeting holds any of the resources for part of the span.
   */
  async book(em: EntityManager, meetingId: string, resourceIds: string[], span: BookingSpan): Promise<void> {
    if (!(span.endAt.getTime() > span.startAt.getTime())) throw new Error('a booking must end after it starts');
    const ids = [...new Set(resourceIds)].sort();
    const previous = await this.resourcesOf(em, meetingId);
    await this.lock(em, [...new Set([...ids, ...previous])].sort());
    await em.delete(this.spec.booking, { meetingId });
    if (!ids.length) return;
    const clashes = await this.overlapping(em, ids, span);
    if (clashes.length) throw new ResourceBusyError(clashes, this.spec.resource);
    await em.insert(
      this.spec.booking,
      ids.map((id) => ({ [this.spec.resource]: id, meetingId, startAt: span.startAt, endAt: span.endAt })),
    );
  }

  /** Frees everything the meeting booked (cancelled). */
  async release(em: EntityManager, meetingId: string): Promise<void> {
    await em.delete(this.spec.booking, { meetingId });
  }

  /** Bookings of these resources overlapping the span (`startAt < end AND endAt > start`), by a locking read outside SQLite. */
  async overlapping(em: EntityManager, resourceIds: string[], span: BookingSpan): Promise<BookingClash[]> {
    if (!resourceIds.length) return [];
    const r = this.spec.resource;
    const qb = em
      .createQueryBuilder(this.spec.booking, 'b')
      .where(`b.${r} IN (:...ids)`, { ids: resourceIds })
      .andWhere('b.startAt < :end AND b.endAt > :start', { start: span.startAt, end: span.endAt })
      .orderBy(`b.${r}`, 'ASC')
      .addOrderBy('b.startAt', 'ASC');
    // A locking read of the latest committed rows. FOR UPDATE rather than a shared lock: TypeORM writes the
    // shared one as MySQL 8's `FOR SHARE` when it takes a MariaDB server for MySQL (a `mysql://` URL), and
    // MariaDB refuses that syntax. The resources' rows are locked already, so exclusivity costs nothing here.
    if (!isSqlite(em)) qb.setLock('pessimistic_write');
    const rows = (await qb.getMany()) as Record<string, unknown>[];
    return rows.map((row) => ({ resourceId: row[r] as string, meetingId: row.meetingId as string, startAt: row.startAt as Date, endAt: row.endAt as Date }));
  }

  private async resourcesOf(em: EntityManager, meetingId: string): Promise<string[]> {
    const rows = (await em.find(this.spec.booking, { where: { meetingId } })) as Record<string, unknown>[];
    return rows.map((row) => row[this.spec.resource] as string);
  }

  /** One row lock per resource, in sorted order. A resource without a row cannot be booked safely: refused. */
  private async lock(em: EntityManager, sortedIds: string[]): Promise<void> {
    const sqlite = isSqlite(em);
    for (const id of sortedIds) {
      const qb = em.createQueryBuilder(this.spec.lockRow, 'r').select('r.id', 'id').where('r.id = :id', { id });
      if (!sqlite) qb.setLock('pessimistic_write');
      if (!(await qb.getRawOne())) throw new Error(`cannot book unknown resource ${id}`);
    }
  }
}

const isSqlite = (em: EntityManager): boolean => em.connection.options.type === 'better-sqlite3';
