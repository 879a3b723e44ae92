import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number issued in a year; incremented in the intake transaction so codes are gap-free. */
@Entity('case_counters')
export class CaseCounter {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSeq!: number;
}
